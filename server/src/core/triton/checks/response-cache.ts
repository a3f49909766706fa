// The response cache answers a request from an earlier identical one, which is only right when
// one request gives one response on its own: not for a sequence, whose answers depend on the
// requests before, nor for a decoupled model, which may send any number of responses.
import { defineCheck } from './check';

export const tritonResponseCache = defineCheck({
  id: 'triton/response-cache',
  severity: 'error',
  description: 'The response cache cannot be enabled with sequence batching or a decoupled transaction policy.',
  docs: {
    why:
      'The response cache answers a request with the response to an earlier identical one. That is only right ' +
      'when one request gives one response on its own, so Triton refuses the cache for a sequence model (whose ' +
      'answers depend on earlier requests) and a decoupled model (which may send any number of responses).',
    fix: 'Set `response_cache { enable: false }` (or remove it) for sequence-batched and decoupled models.',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/response_cache.md (limitations).',
    folder: 'detector',
    invalid: `backend: "python"
model_transaction_policy { decoupled: true }
response_cache { enable: true }
#                        ^^^^ error[triton/response-cache]: Response Cache does not currently support model detector with 'decoupled' transaction policy. Set enable: false.`,
    valid: `backend: "python"
response_cache { enable: true }`,
  },
  check(config, context) {
    const cache = config.message1('response_cache');
    const enable = cache?.scalar('enable');
    if (!enable || !cache?.flag('enable')) return;
    const model = context.modelName;
    if (config.field('sequence_batching')) {
      context.report(
        enable.start,
        enable.end,
        `Response Cache does not currently support model ${model} with sequence batching scheduler. Set enable: false.`,
      );
    }
    if (config.message1('model_transaction_policy')?.flag('decoupled')) {
      context.report(
        enable.start,
        enable.end,
        `Response Cache does not currently support model ${model} with 'decoupled' transaction policy. Set enable: false.`,
      );
    }
  },
});
