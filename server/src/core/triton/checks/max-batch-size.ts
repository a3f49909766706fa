// A negative max_batch_size is refused; 0 means the model does not batch.
import type { TritonCheck } from './check';

export const maxBatchSize: TritonCheck = {
  id: 'triton/max-batch-size',
  description: 'max_batch_size must not be negative.',
  check(config, context) {
    const value = config.scalar('max_batch_size');
    if (value?.number !== undefined && value.number < 0) {
      context.report(value.start, value.end, 'error', this.id, `'max_batch_size' must be non-negative value for ${context.modelName}. Use 0 for a model that does not batch.`);
    }
  },
};
