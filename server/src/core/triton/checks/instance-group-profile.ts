// TensorRT-only instance group settings: `profile` picks optimization profiles of a TensorRT
// plan by index (a non-negative integer, written as a string), and the TensorRT backend runs
// on GPUs only. A config that names neither platform nor backend is auto-completed from the
// model file, possibly to TensorRT, so only a written non-TensorRT framework refuses profiles.
import type { TritonCheck } from './check';
import { backendOf } from '../platforms';

export const instanceGroupProfile: TritonCheck = {
  id: 'triton/instance-group-profile',
  description: 'Instance group profiles only for TensorRT, as non-negative integers; TensorRT instances on GPUs only.',
  check(config, context) {
    const backend = backendOf(config);
    const tensorrt = backend === 'tensorrt';
    const otherFramework = !tensorrt && backend !== undefined;
    const model = context.modelName;
    config.messages('instance_group').forEach((group, index) => {
      const groupName = group.string('name') ?? `${model}_${index}`;
      const kind = group.scalar('kind');
      if (tensorrt && kind && (kind.text === 'KIND_CPU' || kind.text === '2')) {
        context.report(kind.start, kind.end, 'error', this.id, `TensorRT backend supports only GPU device: instance group ${groupName} of model ${model} has kind KIND_CPU. Use kind: KIND_GPU.`);
      }
      const profiles = group.fields('profile');
      if (!profiles.length) return;
      if (otherFramework) {
        context.report(profiles[0].nameStart, profiles[0].nameEnd, 'error', this.id, `instance group ${groupName} of model ${model} specifies profile field which is only supported for TensorRT models. Remove profile.`);
        return;
      }
      for (const profile of group.scalars('profile')) {
        // An unquoted value is a type error that the structure check reports.
        if (profile.token === 'string' && !/^\d+$/.test(profile.string ?? '')) {
          context.report(profile.start, profile.end, 'error', this.id, `instance group ${groupName} of model ${model} specifies invalid profile ${profile.text}. The field should contain the string representation of a non-negative integer.`);
        }
      }
    });
  },
};
