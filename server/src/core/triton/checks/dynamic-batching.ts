// Dynamic batching: preferred batch sizes must be positive and fit max_batch_size, and a
// model that does not batch (max_batch_size 0) cannot batch dynamically. Priority levels run
// from 1 to priority_levels, and preserve_ordering cannot keep its promise with several
// levels or with requests that a DELAY timeout pushes back in the queue.
import type { ConfigNode } from '../config-view';
import { defineCheck } from './check';

export const tritonDynamicBatching = defineCheck({
  id: 'triton/dynamic-batching',
  severity: 'error',
  description:
    'Dynamic batching needs a batching model, preferred sizes between 1 and max_batch_size, priority levels in range, ' +
    'and one level without DELAY timeouts when preserving order.',
  docs: {
    why:
      'The dynamic batcher groups requests into batches of at most `max_batch_size`, so a model that does not ' +
      'batch cannot use it and a preferred size above the maximum can never be formed. With priorities, requests ' +
      'go to levels 1 to `priority_levels`, and a level outside that range is refused; `preserve_ordering` ' +
      'cannot keep its promise across several levels or with requests that a DELAY timeout sends to the back of ' +
      'the queue. Triton refuses these configs when the model loads; priority settings without `priority_levels` ' +
      'are ignored, which is worth a warning.',
    fix:
      'Set `max_batch_size` above 0 or remove `dynamic_batching`; keep preferred sizes between 1 and ' +
      '`max_batch_size`; with `priority_levels`, set `default_priority_level` and the policy keys within range; ' +
      'with `preserve_ordering`, use one level and `timeout_action: REJECT`.',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/batcher.md (dynamic batcher, priority levels, preserve ordering).',
    folder: 'detector',
    invalid: `backend: "python"
max_batch_size: 8
dynamic_batching {
  preferred_batch_size: [ 4, 16 ]
#                            ^^ error[triton/dynamic-batching]: dynamic batching preferred size must be <= max batch size for detector: 16 is above max_batch_size 8.
  default_priority_level: 1
# ^^^^^^^^^^^^^^^^^^^^^^ warning[triton/dynamic-batching]: default_priority_level has no effect for detector without priority_levels. Set priority_levels, or remove default_priority_level.
}`,
    valid: `backend: "python"
max_batch_size: 16
dynamic_batching {
  preferred_batch_size: [ 4, 16 ]
  max_queue_delay_microseconds: 100
}`,
  },
  check(config, context) {
    const batching = config.message1('dynamic_batching');
    if (!batching) return;
    const model = context.modelName;
    const maxBatchSize = config.number('max_batch_size') ?? 0;
    const field = config.field('dynamic_batching')!;
    if (maxBatchSize === 0 && config.scalar('max_batch_size')) {
      context.report(
        field.nameStart,
        field.nameEnd,
        `dynamic batching is not supported for model '${model}' whose max_batch_size is 0. Set max_batch_size ` +
          `above 0, or remove dynamic_batching.`,
      );
      return;
    }
    for (const size of batching.scalars('preferred_batch_size')) {
      if (size.number === undefined) continue;
      if (size.number < 1)
        context.report(size.start, size.end, `dynamic batching preferred size must be positive for ${model} (found ${size.text}).`);
      else if (maxBatchSize > 0 && size.number > maxBatchSize) {
        context.report(
          size.start,
          size.end,
          `dynamic batching preferred size must be <= max batch size for ${model}: ${size.text} is above max_batch_size ${maxBatchSize}.`,
        );
      }
    }

    // priority_queue_policy is a map: repeated { key: level value { ... } } entries.
    const policies = batching.messages('priority_queue_policy');
    const levels = batching.scalar('priority_levels');
    const levelCount = levels?.number ?? 0;
    if (levelCount > 0) {
      const range = `[1, ${levelCount}]`;
      const level = batching.scalar('default_priority_level');
      if (!level) {
        // Unset means 0, which Triton refuses once priorities are on.
        const name = batching.field('priority_levels')!;
        context.report(
          name.nameStart,
          name.nameEnd,
          `default priority level must be in range ${range} for ${model}: default_priority_level is not set. ` +
            `Add default_priority_level, the level of requests that do not give one.`,
        );
      } else if (level.number !== undefined && (level.number < 1 || level.number > levelCount)) {
        context.report(level.start, level.end, `default priority level must be in range ${range} for ${model} (found ${level.text}).`);
      }
      for (const policy of policies) {
        const key = policy.scalar('key');
        if (key?.number !== undefined && (key.number < 1 || key.number > levelCount)) {
          context.report(
            key.start,
            key.end,
            `priority queue policy must have priority level in range ${range} for ${model} (found ${key.text}).`,
          );
        }
      }
    } else {
      // Without priority_levels there is a single queue: Triton ignores these settings.
      for (const name of ['default_priority_level', 'priority_queue_policy']) {
        const unused = batching.field(name);
        if (unused)
          context.report(
            unused.nameStart,
            unused.nameEnd,
            `${name} has no effect for ${model} without priority_levels. Set priority_levels, or remove ${name}.`,
            { severity: 'warning' },
          );
      }
    }

    if (!batching.flag('preserve_ordering')) return;
    if (levelCount > 1) {
      context.report(
        levels!.start,
        levels!.end,
        `Only one priority level is allowed when 'preserve_ordering' is true for ${model}. Set priority_levels: ` +
          `1, or turn preserve_ordering off.`,
      );
    }
    const queues = [batching.message1('default_queue_policy'), ...policies.map((policy) => policy.message1('value'))];
    for (const queue of queues)
      reportDelay(queue, (start, end) =>
        context.report(
          start,
          end,
          `Queue policy can not have DELAY as timeout action when 'preserve_ordering' is true for ${model}. ` +
            `Use timeout_action: REJECT, or turn preserve_ordering off.`,
        ),
      );
  },
});

/** A delayed request would be answered after later ones: DELAY with a timeout breaks the order. */
function reportDelay(queue: ConfigNode | undefined, report: (start: number, end: number) => void): void {
  const action = queue?.scalar('timeout_action');
  const timeout = queue?.number('default_timeout_microseconds') ?? 0;
  if (action && (action.text === 'DELAY' || action.text === '1') && timeout !== 0) report(action.start, action.end);
}
