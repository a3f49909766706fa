// Input formats and the TensorRT-only tensor flags, as Triton validates them: FORMAT_NHWC and
// FORMAT_NCHW describe one image and dims leave out the batch dimension, so they need exactly
// 3 dims; shape tensors and non-linear IO formats exist only in TensorRT engines, and a
// non-linear format also describes a 3-dim image. Dims left to auto-complete are not counted.
import { defineCheck } from './check';
import { backendOf } from '../platforms';

/** The image formats, by name and by number. */
const IMAGE_FORMATS: Record<string, string> = {
  FORMAT_NHWC: 'FORMAT_NHWC',
  FORMAT_NCHW: 'FORMAT_NCHW',
  1: 'FORMAT_NHWC',
  2: 'FORMAT_NCHW',
};

export const tritonIoFormat = defineCheck({
  id: 'triton/io-format',
  severity: 'error',
  description: 'FORMAT_NHWC/FORMAT_NCHW need 3 dims; shape tensors and non-linear IO formats only for TensorRT, the latter with 3 dims.',
  docs: {
    why:
      'FORMAT_NHWC and FORMAT_NCHW describe one image, without the batch dimension, so Triton wants exactly 3 ' +
      'dims for them; shape tensors and non-linear IO formats exist only in TensorRT engines, and a non-linear ' +
      'format also describes a 3-dim image. Triton refuses such a config when the model loads.',
    fix:
      "Write the image's 3 dims (HWC or CHW) for an input with an image format, and use `is_shape_tensor` and " +
      '`is_non_linear_format_io` with TensorRT models only.',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/model_configuration.md (inputs and outputs, shape tensors, non-linear I/O ' +
      'formats).',
    folder: 'detector',
    invalid: `platform: "onnxruntime_onnx"
max_batch_size: 8
input [
  { name: "image" data_type: TYPE_FP32 format: FORMAT_NCHW dims: [ 1, 3, 224, 224 ] },
#                                              ^^^^^^^^^^^ error[triton/io-format]: model input 'image' of format FORMAT_NCHW requires 3 dims for model 'detector', found 4. Write only the image's dims (HWC or CHW), without the batch dimension.
  { name: "shape" data_type: TYPE_INT32 dims: [ 2 ] is_shape_tensor: true }
#                                                                    ^^^^ error[triton/io-format]: model input 'shape' cannot be a shape tensor for model 'detector': shape tensors are only supported for TensorRT platform, and this model uses onnxruntime. Remove is_shape_tensor.
]`,
    valid: `platform: "onnxruntime_onnx"
max_batch_size: 8
input [
  { name: "image" data_type: TYPE_FP32 format: FORMAT_NCHW dims: [ 3, 224, 224 ] },
  { name: "shape" data_type: TYPE_INT32 dims: [ 2 ] }
]`,
  },
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
          context.report(
            format.start,
            format.end,
            `${label} of format ${imageFormat} requires 3 dims for model '${context.modelName}', found ${dims}. ` +
              `Write only the image's dims (HWC or CHW), without the batch dimension.`,
          );
        }
        const shapeTensor = tensor.scalar('is_shape_tensor');
        if (shapeTensor && tensor.flag('is_shape_tensor') && notTensorRT) {
          context.report(
            shapeTensor.start,
            shapeTensor.end,
            `${label} cannot be a shape tensor for model '${context.modelName}': shape tensors are only supported ` +
              `for TensorRT platform, and this model uses ${backend}. Remove is_shape_tensor.`,
          );
        }
        const nonLinear = tensor.scalar('is_non_linear_format_io');
        if (!nonLinear || !tensor.flag('is_non_linear_format_io')) continue;
        if (notTensorRT) {
          context.report(
            nonLinear.start,
            nonLinear.end,
            `${label} cannot use a non-linear IO format for model '${context.modelName}': non-linear IO formats ` +
              `are only supported for TensorRT platform, and this model uses ${backend}. Remove is_non_linear_format_io.`,
          );
        } else if (dims && dims !== 3) {
          context.report(
            nonLinear.start,
            nonLinear.end,
            `${label} with a non-linear IO format requires 3 dims for model '${context.modelName}', found ${dims}. ` +
              `Write only its 3 dims, without the batch dimension.`,
          );
        }
      }
    }
  },
});
