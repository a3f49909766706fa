// Instance groups as Triton reads them: GPUs only for KIND_GPU/KIND_AUTO groups, no negative
// GPU ids, and a count below 1 is silently raised to 1 (worth a warning: it is not what was written).
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
        const first = group.fields('gpus')[0];
        context.report(first.nameStart, first.nameEnd, 'error', this.id, `instance group ${groupName} of model ${context.modelName} has kind ${kind} but specifies one or more GPUs. Remove gpus, or use kind: KIND_GPU.`);
      }
      for (const gpu of gpus) {
        if (gpu.number !== undefined && gpu.number < 0) {
          context.report(gpu.start, gpu.end, 'error', this.id, `instance group ${groupName} of model ${context.modelName} specifies invalid or unsupported gpu id ${gpu.text}: GPU ids start at 0.`);
        }
      }
      const count = group.scalar('count');
      if (count?.number !== undefined && count.number < 1) {
        context.report(count.start, count.end, 'warning', this.id, `instance group ${groupName} of model ${context.modelName} has count ${count.text}; Triton raises it to 1. Write count: 1.`);
      }
    });
  },
};
