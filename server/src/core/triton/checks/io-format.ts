// Input formats and the TensorRT-only tensor flags, as Triton validates them: FORMAT_NHWC and
// FORMAT_NCHW describe one image and dims leave out the batch dimension, so they need exactly
// 3 dims; shape tensors and non-linear IO formats exist only in TensorRT engines, and a
// non-linear format also describes a 3-dim image. Dims left to auto-complete are not counted.
import type { TritonCheck } from './check';
import { backendOf } from '../platforms';

/** The image formats, by name and by number. */
const IMAGE_FORMATS: Record<string, string> = { FORMAT_NHWC: 'FORMAT_NHWC', FORMAT_NCHW: 'FORMAT_NCHW', 1: 'FORMAT_NHWC', 2: 'FORMAT_NCHW' };

export const ioFormat: TritonCheck = {
  id: 'triton/io-format',
  description: 'FORMAT_NHWC/FORMAT_NCHW need 3 dims; shape tensors and non-linear IO formats only for TensorRT, the latter with 3 dims.',
  check(config, context) {
    const backend = backendOf(config);
    // Without a platform or backend Triton finds the backend from the model file: it may be TensorRT.
    const notTensorRT = backend !== undefined && backend !== 'tensorrt';
    for (const section of ['input', 'output']) {
      for (const tensor of config.messages(section)) {
        const name = tensor.string('name');
        const label = `model ${section}${name ? ` '${name}'` : ''}`;
        const dims = tensor.scalars('dims').length;
        const format = section === 'input' ? tensor.scalar('format') : undefined; // outputs have no format
        const imageFormat = format && IMAGE_FORMATS[format.text];
        if (format && imageFormat && dims && dims !== 3) {
          context.report(format.start, format.end, 'error', this.id, `${label} of format ${imageFormat} requires 3 dims for model '${context.modelName}', found ${dims}. Write only the image's dims (HWC or CHW), without the batch dimension.`);
        }
        const shapeTensor = tensor.scalar('is_shape_tensor');
        if (shapeTensor && tensor.flag('is_shape_tensor') && notTensorRT) {
          context.report(shapeTensor.start, shapeTensor.end, 'error', this.id, `${label} cannot be a shape tensor for model '${context.modelName}': shape tensors are only supported for TensorRT platform, and this model uses ${backend}. Remove is_shape_tensor.`);
        }
        const nonLinear = tensor.scalar('is_non_linear_format_io');
        if (!nonLinear || !tensor.flag('is_non_linear_format_io')) continue;
        if (notTensorRT) {
          context.report(nonLinear.start, nonLinear.end, 'error', this.id, `${label} cannot use a non-linear IO format for model '${context.modelName}': non-linear IO formats are only supported for TensorRT platform, and this model uses ${backend}. Remove is_non_linear_format_io.`);
        } else if (dims && dims !== 3) {
          context.report(nonLinear.start, nonLinear.end, 'error', this.id, `${label} with a non-linear IO format requires 3 dims for model '${context.modelName}', found ${dims}. Write only its 3 dims, without the batch dimension.`);
        }
      }
    }
  },
};
