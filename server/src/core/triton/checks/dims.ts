// Every dimension of an input or output is at least 1, or -1 for a variable size.
import { defineCheck } from './check';

export const tritonDims = defineCheck({
  id: 'triton/dims',
  severity: 'error',
  description: 'Tensor dimensions must be >= 1, or -1 for a variable-size dimension.',
  docs: {
    why:
      'A dimension is a size: at least 1, or -1 for a size that each request gives. Triton refuses a config with ' +
      'a 0 or another negative dimension, in `dims` or in a `reshape`, when the model loads.',
    fix:
      'Write the size of each dimension, or -1 where it varies from request to request. Leave the batch ' +
      'dimension out of `dims` when `max_batch_size` is above 0.',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/model_configuration.md (inputs and outputs).',
    folder: 'detector',
    invalid: `backend: "python"
max_batch_size: 8
input [ { name: "image" data_type: TYPE_FP32 dims: [ 3, 0, 224 ] } ]
#                                                       ^ error[triton/dims]: model 'detector', tensor 'image': dimension must be integer >= 1, or -1 to indicate a variable-size dimension (found 0).`,
    valid: `backend: "python"
max_batch_size: 8
input [ { name: "image" data_type: TYPE_FP32 dims: [ 3, -1, 224 ] } ]`,
  },
  check(config, context) {
    for (const section of ['input', 'output']) {
      for (const tensor of config.messages(section)) {
        const name = tensor.string('name') ?? '(unnamed)';
        const reshape = tensor.message1('reshape');
        const dims = [...tensor.scalars('dims'), ...(reshape?.scalars('shape') ?? [])];
        for (const dim of dims) {
          if (dim.number === undefined || dim.number >= 1 || dim.number === -1) continue;
          context.report(
            dim.start,
            dim.end,
            `model '${context.modelName}', tensor '${name}': dimension must be integer >= 1, or -1 to indicate ` +
              `a variable-size dimension (found ${dim.text}).`,
          );
        }
      }
    }
  },
});
