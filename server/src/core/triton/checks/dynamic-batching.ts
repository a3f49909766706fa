// Dynamic batching: preferred batch sizes must be positive and fit max_batch_size, and a
// model that does not batch (max_batch_size 0) cannot batch dynamically.
import type { TritonCheck } from './check';

export const dynamicBatching: TritonCheck = {
  id: 'triton/dynamic-batching',
  description: 'Dynamic batching needs a batching model and preferred sizes between 1 and max_batch_size.',
  check(config, context) {
    const batching = config.message1('dynamic_batching');
    if (!batching) return;
    const maxBatchSize = config.number('max_batch_size') ?? 0;
    const field = config.field('dynamic_batching')!;
    if (maxBatchSize === 0 && config.scalar('max_batch_size')) {
      context.report(field.nameStart, field.nameEnd, 'error', this.id, `dynamic batching is not supported for model '${context.modelName}' whose max_batch_size is 0. Set max_batch_size above 0, or remove dynamic_batching.`);
      return;
    }
    for (const size of batching.scalars('preferred_batch_size')) {
      if (size.number === undefined) continue;
      if (size.number < 1) context.report(size.start, size.end, 'error', this.id, `dynamic batching preferred size must be positive for ${context.modelName} (found ${size.text}).`);
      else if (maxBatchSize > 0 && size.number > maxBatchSize) {
        context.report(size.start, size.end, 'error', this.id, `dynamic batching preferred size must be <= max batch size for ${context.modelName}: ${size.text} is above max_batch_size ${maxBatchSize}.`);
      }
    }
  },
};
