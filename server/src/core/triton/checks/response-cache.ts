// The response cache answers a request from an earlier identical one, which is only right when
// one request gives one response on its own: not for a sequence, whose answers depend on the
// requests before, nor for a decoupled model, which may send any number of responses.
import type { TritonCheck } from './check';

export const responseCache: TritonCheck = {
  id: 'triton/response-cache',
  description: 'The response cache cannot be enabled with sequence batching or a decoupled transaction policy.',
  check(config, context) {
    const cache = config.message1('response_cache');
    const enable = cache?.scalar('enable');
    if (!enable || !cache?.flag('enable')) return;
    const model = context.modelName;
    if (config.field('sequence_batching')) {
      context.report(enable.start, enable.end, 'error', this.id, `Response Cache does not currently support model ${model} with sequence batching scheduler. Set enable: false.`);
    }
    if (config.message1('model_transaction_policy')?.flag('decoupled')) {
      context.report(enable.start, enable.end, 'error', this.id, `Response Cache does not currently support model ${model} with 'decoupled' transaction policy. Set enable: false.`);
    }
  },
};
