// TensorRT-only instance group settings: `profile` picks optimization profiles of a TensorRT
// plan by index (a non-negative integer, written as a string), and the TensorRT backend runs
// on GPUs only. A config that names neither platform nor backend is auto-completed from the
// model file, possibly to TensorRT, so only a written non-TensorRT framework refuses profiles.
import { defineCheck } from './check';
import { backendOf } from '../platforms';

export const tritonInstanceGroupProfile = defineCheck({
  id: 'triton/instance-group-profile',
  severity: 'error',
  description: 'Instance group profiles only for TensorRT, as non-negative integers; TensorRT instances on GPUs only.',
  docs: {
    why:
      '`profile` picks the optimization profiles of a TensorRT engine by index, so Triton refuses it for other ' +
      'frameworks and refuses a value that is not a non-negative integer written as a string; TensorRT engines ' +
      'run on GPUs only, so a KIND_CPU group of a TensorRT model is refused too. A config that names neither ' +
      'platform nor backend may turn out to be TensorRT once Triton reads the model file, so only a written ' +
      'non-TensorRT framework is reported for `profile`.',
    fix:
      'Use `profile` with TensorRT models only, as strings of profile indexes (`profile: [ "0", "1" ]`), and ' +
      '`kind: KIND_GPU` for TensorRT instance groups.',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/model_configuration.md (instance groups, profiles).',
    folder: 'detector',
    invalid: `platform: "tensorrt_plan"
instance_group [
  { kind: KIND_CPU },
#         ^^^^^^^^ error[triton/instance-group-profile]: TensorRT backend supports only GPU device: instance group detector_0 of model detector has kind KIND_CPU. Use kind: KIND_GPU.
  { kind: KIND_GPU profile: [ "first" ] }
#                             ^^^^^^^ error[triton/instance-group-profile]: instance group detector_1 of model detector specifies invalid profile "first". The field should contain the string representation of a non-negative integer.
]`,
    valid: `platform: "tensorrt_plan"
instance_group [
  { kind: KIND_GPU profile: [ "0" ] },
  { kind: KIND_GPU profile: [ "1" ] }
]`,
  },
  check(config, context) {
    const backend = backendOf(config);
    const tensorrt = backend === 'tensorrt';
    const otherFramework = !tensorrt && backend !== undefined;
    const model = context.modelName;
    config.messages('instance_group').forEach((group, index) => {
      const groupName = group.string('name') ?? `${model}_${index}`;
      const kind = group.scalar('kind');
      if (tensorrt && kind && (kind.text === 'KIND_CPU' || kind.text === '2')) {
        context.report(
          kind.start,
          kind.end,
          `TensorRT backend supports only GPU device: instance group ${groupName} of model ${model} has kind KIND_CPU. Use kind: KIND_GPU.`,
        );
      }
      const profiles = group.fields('profile');
      if (!profiles.length) return;
      if (otherFramework) {
        context.report(
          profiles[0].nameStart,
          profiles[0].nameEnd,
          `instance group ${groupName} of model ${model} specifies profile field which is only supported for ` +
            `TensorRT models. Remove profile.`,
        );
        return;
      }
      for (const profile of group.scalars('profile')) {
        // An unquoted value is a type error that the structure check reports.
        if (profile.token === 'string' && !/^\d+$/.test(profile.string ?? '')) {
          context.report(
            profile.start,
            profile.end,
            `instance group ${groupName} of model ${model} specifies invalid profile ${profile.text}. The field ` +
              `should contain the string representation of a non-negative integer.`,
          );
        }
      }
    });
  },
});
