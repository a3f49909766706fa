// Instance groups as Triton reads them: GPUs only for KIND_GPU/KIND_AUTO groups, no negative
// GPU ids, and a count below 1 is silently raised to 1 (worth a warning: it is not what was written).
import { removeFields, replaceSpan, type OffsetFix } from '../pbtxt-edits';
import { defineCheck } from './check';

export const tritonInstanceGroup = defineCheck({
  id: 'triton/instance-group',
  severity: 'error',
  description: 'Instance groups: GPUs only on GPU kinds, valid GPU ids, a count of at least 1.',
  docs: {
    why:
      "An instance group says where the model's instances run. Triton refuses GPUs on a KIND_CPU or KIND_MODEL " +
      'group and negative GPU ids; a `count` below 1 is silently raised to 1, which is not what was written (a ' +
      'warning).',
    fix:
      'Remove `gpus` from CPU and model groups, or make the group `kind: KIND_GPU` (the quick fixes do either); ' +
      'number GPUs from 0; write a count of at least 1 (the quick fix writes 1).',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/model_configuration.md (instance groups).',
    folder: 'detector',
    invalid: `backend: "onnxruntime"
instance_group [
  { count: 2 kind: KIND_CPU gpus: [ 0 ] },
#                           ^^^^ error[triton/instance-group]: instance group detector_0 of model detector has kind KIND_CPU but specifies one or more GPUs. Remove gpus, or use kind: KIND_GPU.
  { count: 0 kind: KIND_GPU gpus: [ 1 ] }
#          ^ warning[triton/instance-group]: instance group detector_1 of model detector has count 0; Triton raises it to 1. Write count: 1.
]`,
    valid: `backend: "onnxruntime"
instance_group [
  { count: 2 kind: KIND_GPU gpus: [ 0 ] },
  { count: 1 kind: KIND_CPU }
]`,
  },
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
        context.report(
          fields[0].nameStart,
          fields[0].nameEnd,
          `instance group ${groupName} of model ${context.modelName} has kind ${kind} but specifies one or ` +
            `more GPUs. Remove gpus, or use kind: KIND_GPU.`,
          { fixes },
        );
      }
      for (const gpu of gpus) {
        if (gpu.number !== undefined && gpu.number < 0) {
          context.report(
            gpu.start,
            gpu.end,
            `instance group ${groupName} of model ${context.modelName} specifies invalid or unsupported gpu id ` +
              `${gpu.text}: GPU ids start at 0.`,
          );
        }
      }
      const count = group.scalar('count');
      if (count?.number !== undefined && count.number < 1) {
        const fix: OffsetFix = { title: 'Change count to 1', edits: [replaceSpan(count, '1')], preferred: true };
        context.report(
          count.start,
          count.end,
          `instance group ${groupName} of model ${context.modelName} has count ${count.text}; Triton raises it to 1. Write count: 1.`,
          { fixes: [fix], severity: 'warning' },
        );
      }
    });
  },
});
