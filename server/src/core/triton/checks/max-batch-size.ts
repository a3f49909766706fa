// A negative max_batch_size is refused; 0 means the model does not batch.
import { defineCheck } from './check';

export const tritonMaxBatchSize = defineCheck({
  id: 'triton/max-batch-size',
  severity: 'error',
  description: 'The max_batch_size must not be negative.',
  docs: {
    why:
      '`max_batch_size` is the largest batch the model accepts; 0 means the model does not batch and its tensors ' +
      'are exactly as their dims say. Triton refuses a negative value when the model loads.',
    fix: 'Write the largest batch the model takes, or 0 for a model that does not batch.',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/model_configuration.md (maximum batch size).',
    folder: 'detector',
    invalid: `backend: "python"
max_batch_size: -1
#               ^^ error[triton/max-batch-size]: 'max_batch_size' must be non-negative value for detector. Use 0 for a model that does not batch.`,
    valid: `backend: "python"
max_batch_size: 0`,
  },
  check(config, context) {
    const value = config.scalar('max_batch_size');
    if (value?.number !== undefined && value.number < 0) {
      context.report(
        value.start,
        value.end,
        `'max_batch_size' must be non-negative value for ${context.modelName}. Use 0 for a model that does not batch.`,
      );
    }
  },
});
