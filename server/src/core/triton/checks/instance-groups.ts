// Instance groups as Triton reads them: GPUs only for KIND_GPU/KIND_AUTO groups, no negative
// GPU ids, and a count below 1 is silently raised to 1 (worth a warning: it is not what was written).
import { removeFields, replaceSpan, type OffsetFix } from '../pbtxt-edits';
import type { TritonCheck } from './check';

export const instanceGroups: TritonCheck = {
  id: 'triton/instance-group',
  description: 'Instance groups: GPUs only on GPU kinds, valid GPU ids, a count of at least 1.',
  check(config, context) {
    config.messages('instance_group').forEach((group, index) => {
      const groupName = group.string('name') ?? `${context.modelName}_${index}`;
      const kind = group.word('kind') ?? 'KIND_AUTO';
      const gpus = group.scalars('gpus');
      if ((kind === 'KIND_CPU' || kind === 'KIND_MODEL') && gpus.length) {
        const fields = group.fields('gpus');
        const fixes: OffsetFix[] = [{ title: 'Remove gpus', edits: removeFields(context.text, fields) }];
        const kindValue = group.scalar('kind');
        if (kindValue) fixes.push({ title: 'Use kind: KIND_GPU', edits: [replaceSpan(kindValue, 'KIND_GPU')] });
        context.report(fields[0].nameStart, fields[0].nameEnd, 'error', this.id, `instance group ${groupName} of model ${context.modelName} has kind ${kind} but specifies one or more GPUs. Remove gpus, or use kind: KIND_GPU.`, fixes);
      }
      for (const gpu of gpus) {
        if (gpu.number !== undefined && gpu.number < 0) {
          context.report(gpu.start, gpu.end, 'error', this.id, `instance group ${groupName} of model ${context.modelName} specifies invalid or unsupported gpu id ${gpu.text}: GPU ids start at 0.`);
        }
      }
      const count = group.scalar('count');
      if (count?.number !== undefined && count.number < 1) {
        const fix: OffsetFix = { title: 'Change count to 1', edits: [replaceSpan(count, '1')], preferred: true };
        context.report(count.start, count.end, 'warning', this.id, `instance group ${groupName} of model ${context.modelName} has count ${count.text}; Triton raises it to 1. Write count: 1.`, [fix]);
      }
    });
  },
};
