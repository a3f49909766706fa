// Inputs and outputs need a name, a data type and dims. Triton fills data types and dims in
// from the model file for backends that auto-complete configs, so those are only required
// for the others (PyTorch, ensembles, custom backends).
import { defineCheck } from './check';
import { AUTO_COMPLETING, backendOf } from '../platforms';

export const tritonTensorFields = defineCheck({
  id: 'triton/tensor-fields',
  severity: 'error',
  description: 'Every input and output has a name, a data_type other than TYPE_INVALID, and dims unless auto-complete fills them in.',
  docs: {
    why:
      'Each input and output needs a name, a data type and dims for Triton to accept requests. Backends that ' +
      'auto-complete configs (ONNX Runtime, TensorRT, TensorFlow, OpenVINO, Python) fill the data type and dims ' +
      'in from the model file; for the others (PyTorch, ensembles, custom backends) a missing one gets the ' +
      'config refused. TYPE_INVALID is never a data type.',
    fix: 'Give every input and output `name`, `data_type` and `dims`.',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/model_configuration.md (inputs and outputs, auto-generated model configuration).',
    folder: 'detector',
    invalid: `backend: "pytorch"
max_batch_size: 8
input [ { name: "INPUT__0" data_type: TYPE_FP32 } ]
#       ^ error[triton/tensor-fields]: model input 'INPUT__0' must specify 'dims' for detector (the pytorch backend does not fill them in).
output [ { data_type: TYPE_FP32 dims: [ 10 ] } ]
#        ^ error[triton/tensor-fields]: model output must specify 'name' for detector.`,
    valid: `backend: "pytorch"
max_batch_size: 8
input [ { name: "INPUT__0" data_type: TYPE_FP32 dims: [ 3, 224, 224 ] } ]
output [ { name: "OUTPUT__0" data_type: TYPE_FP32 dims: [ 10 ] } ]`,
  },
  check(config, context) {
    const backend = backendOf(config);
    // Without a platform or backend, auto-complete picks the backend from the model file.
    const autoCompleted = backend === undefined || AUTO_COMPLETING.has(backend);
    for (const section of ['input', 'output']) {
      for (const tensor of config.messages(section)) {
        const [start, end] = [tensor.message.start, tensor.message.start + 1];
        const name = tensor.string('name');
        if (!name) {
          context.report(start, end, `model ${section} must specify 'name' for ${context.modelName}.`);
          continue;
        }
        const type = tensor.scalar('data_type');
        if (type?.text === 'TYPE_INVALID') {
          context.report(
            type.start,
            type.end,
            `model ${section} '${name}' must specify 'data_type' for ${context.modelName}: TYPE_INVALID is not a data type.`,
          );
        }
        const missing = [...(type ? [] : ['data_type']), ...(tensor.field('dims') ? [] : ['dims'])];
        if (missing.length && !autoCompleted) {
          context.report(
            start,
            end,
            `model ${section} '${name}' must specify ${missing.map((m) => `'${m}'`).join(' and ')} for ${context.modelName}${backend ? ` (the ${backend} backend does not fill them in)` : ''}.`,
          );
        }
      }
    }
  },
});
