// Triton has no scalar tensors. A model that does not batch (max_batch_size: 0) sees each tensor
// exactly as written, so empty dims or an empty reshape would make it a scalar; a batching model
// may have an empty reshape, as its tensors keep the batch dimension. Only an explicit 0 counts,
// as auto-complete may set max_batch_size; and `dims: []` is no dims at all in proto3, which
// auto-complete fills in from the model file for the backends that have it.
import { defineCheck } from './check';
import { AUTO_COMPLETING, backendOf } from '../platforms';

export const tritonScalarTensor = defineCheck({
  id: 'triton/scalar-tensor',
  severity: 'error',
  description: 'A non-batching model (max_batch_size: 0) cannot have empty dims or an empty reshape: scalar tensors are not supported.',
  docs: {
    why:
      'Triton has no scalar tensors. A model that does not batch (`max_batch_size: 0`) sees each tensor as ' +
      'written, so empty `dims` or an empty reshape would make it a scalar, and Triton refuses the config. A ' +
      'batching model may have an empty reshape, as its tensors keep the batch dimension; empty dims of a ' +
      'backend that auto-completes are filled in from the model file.',
    fix: 'Write `dims: [ 1 ]` for a one-value tensor, remove the empty reshape, or set `max_batch_size` above 0.',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/model_configuration.md (reshape, scalar tensors).',
    folder: 'detector',
    invalid: `backend: "pytorch"
max_batch_size: 0
input [ { name: "threshold" data_type: TYPE_FP32 dims: [ ] } ]
#                                                ^^^^ error[triton/scalar-tensor]: model input 'threshold' cannot have empty dims for non-batching model as scalar tensors are not supported for model 'detector'. Write dims: [ 1 ], or set max_batch_size above 0.`,
    valid: `backend: "pytorch"
max_batch_size: 0
input [ { name: "threshold" data_type: TYPE_FP32 dims: [ 1 ] } ]`,
  },
  check(config, context) {
    if (config.number('max_batch_size') !== 0) return;
    const backend = backendOf(config);
    // Without a platform or backend, Triton finds the backend from the model file: it may auto-complete.
    const dimsAutoCompleted = !backend || AUTO_COMPLETING.has(backend);
    for (const section of ['input', 'output']) {
      for (const tensor of config.messages(section)) {
        const name = tensor.string('name');
        const label = `model ${section}${name ? ` '${name}'` : ''}`;
        const dims = tensor.field('dims');
        if (dims && !dimsAutoCompleted && !tensor.scalars('dims').length) {
          context.report(
            dims.nameStart,
            dims.nameEnd,
            `${label} cannot have empty dims for non-batching model as scalar tensors are not supported for model ` +
              `'${context.modelName}'. Write dims: [ 1 ], or set max_batch_size above 0.`,
          );
        }
        const reshape = tensor.field('reshape');
        if (reshape && !tensor.message1('reshape')?.scalars('shape').length) {
          context.report(
            reshape.nameStart,
            reshape.nameEnd,
            `${label} cannot have empty reshape for non-batching model as scalar tensors are not supported for ` +
              `model '${context.modelName}'. Remove the reshape, or set max_batch_size above 0.`,
          );
        }
      }
    }
  },
});
