// ensemble_scheduling belongs to ensembles alone, and an ensemble always has it, with steps
// that name a model and map its inputs and outputs; ensembles have no instances of their own.
import { missingStepFields } from '../ensemble-steps';
import { defineCheck } from './check';

/** How Triton's log refuses each of them on an ensemble. */
const TRITON_WORDS: Record<string, string> = {
  instance_group: 'instance group should not be specified',
  optimization: 'optimization should not be specified',
  model_warmup: 'model_warmup can not be specified',
};

export const tritonEnsemble = defineCheck({
  id: 'triton/ensemble',
  severity: 'error',
  description: 'An ensemble, and only an ensemble, has ensemble_scheduling with complete steps, and no instances of its own.',
  docs: {
    why:
      'An ensemble is a pipeline of other models: Triton runs it from `ensemble_scheduling`, whose steps each ' +
      "name a model and map the ensemble's tensors to its inputs and from its outputs. Triton refuses an " +
      'ensemble without steps, a step without `model_name`, `input_map` or `output_map`, instance groups, ' +
      'optimization or warmup on an ensemble (it runs no instances of its own), and `ensemble_scheduling` on a ' +
      'model that is not an ensemble.',
    fix:
      'Give an ensemble (`platform: "ensemble"`) an `ensemble_scheduling` with at least one complete step, and ' +
      'nothing that configures instances; on any other model, remove `ensemble_scheduling`.',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config) and `src/ensemble_scheduler/ensemble_utils.cc`; docs/user_guide/ensemble_models.md.',
    folder: 'pipeline',
    invalid: `platform: "ensemble"
max_batch_size: 8
input [ { name: "raw" data_type: TYPE_UINT8 dims: [ -1 ] } ]
output [ { name: "scores" data_type: TYPE_FP32 dims: [ 1000 ] } ]
instance_group [ { kind: KIND_GPU } ]
^^^^^^^^^^^^^^ error[triton/ensemble]: instance group should not be specified for ensemble 'pipeline': an ensemble runs no instances of its own. Remove instance_group.
ensemble_scheduling {
  step [
    { model_name: "preprocess" input_map { key: "raw" value: "raw" } }
#   ^ error[triton/ensemble]: step 1 of ensemble pipeline must specify 'output_map'.
  ]
}`,
    valid: `platform: "ensemble"
max_batch_size: 8
input [ { name: "raw" data_type: TYPE_UINT8 dims: [ -1 ] } ]
output [ { name: "scores" data_type: TYPE_FP32 dims: [ 1000 ] } ]
ensemble_scheduling {
  step [
    {
      model_name: "preprocess"
      input_map { key: "raw" value: "raw" }
      output_map { key: "pixels" value: "scores" }
    }
  ]
}`,
  },
  check(config, context) {
    const isEnsemble = config.string('platform') === 'ensemble';
    const scheduling = config.field('ensemble_scheduling');
    if (scheduling && !isEnsemble) {
      context.report(
        scheduling.nameStart,
        scheduling.nameEnd,
        `ensemble scheduling cannot be set for model '${context.modelName}' whose platform is not ensemble. ` +
          `Set platform: "ensemble", or remove ensemble_scheduling.`,
      );
      return;
    }
    if (!isEnsemble) return;
    const platform = config.scalar('platform')!;
    if (!scheduling) {
      context.report(
        platform.start,
        platform.end,
        `ensemble scheduling must be set for ensemble ${context.modelName} whose platform is ensemble: add ` +
          `ensemble_scheduling with its steps.`,
      );
      return;
    }
    // Triton counts instance groups and warmups, and asks only whether optimization is set: an empty list is none.
    for (const name of ['instance_group', 'optimization', 'model_warmup']) {
      const field = config.field(name);
      if (field && (name === 'optimization' || config.messages(name).length))
        context.report(
          field.nameStart,
          field.nameEnd,
          `${TRITON_WORDS[name]} for ensemble '${context.modelName}': an ensemble runs no instances of its own. Remove ${name}.`,
        );
    }
    const steps = config.message1('ensemble_scheduling')?.messages('step') ?? [];
    if (!steps.length)
      context.report(
        scheduling.nameStart,
        scheduling.nameEnd,
        `must specify 'step' for ensemble '${context.modelName}': add at least one step.`,
      );
    steps.forEach((step, index) => {
      const missing = missingStepFields(step);
      if (missing.length) {
        context.report(
          step.message.start,
          step.message.start + 1,
          `step ${index + 1} of ensemble ${context.modelName} must specify ${missing.map((m) => `'${m}'`).join(', ')}.`,
        );
      }
    });
  },
});
