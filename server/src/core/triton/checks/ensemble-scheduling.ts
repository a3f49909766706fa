// ensemble_scheduling belongs to ensembles alone, and an ensemble always has it, with steps
// that name a model and map its inputs and outputs; ensembles have no instances of their own.
import type { TritonCheck } from './check';

export const ensembleScheduling: TritonCheck = {
  id: 'triton/ensemble',
  description: 'ensemble_scheduling only and always for the ensemble platform, with complete steps.',
  check(config, context) {
    const isEnsemble = config.string('platform') === 'ensemble';
    const scheduling = config.field('ensemble_scheduling');
    if (scheduling && !isEnsemble) {
      context.report(scheduling.nameStart, scheduling.nameEnd, 'error', this.id, `ensemble scheduling cannot be set for model '${context.modelName}' whose platform is not ensemble. Set platform: "ensemble", or remove ensemble_scheduling.`);
      return;
    }
    if (!isEnsemble) return;
    const platform = config.scalar('platform')!;
    if (!scheduling) {
      context.report(platform.start, platform.end, 'error', this.id, `ensemble scheduling must be set for ensemble ${context.modelName} whose platform is ensemble: add ensemble_scheduling with its steps.`);
      return;
    }
    for (const name of ['instance_group', 'optimization', 'model_warmup']) {
      const field = config.field(name);
      if (field) context.report(field.nameStart, field.nameEnd, 'error', this.id, `${name} is not allowed for ensemble ${context.modelName}: an ensemble runs no instances of its own.`);
    }
    const steps = config.message1('ensemble_scheduling')?.messages('step') ?? [];
    if (!steps.length) context.report(scheduling.nameStart, scheduling.nameEnd, 'error', this.id, `must specify at least one step in ensemble ${context.modelName}.`);
    steps.forEach((step, index) => {
      const missing = ['model_name', 'input_map', 'output_map'].filter((field) => !step.field(field));
      if (missing.length) {
        context.report(step.message.start, step.message.start + 1, 'error', this.id, `step ${index + 1} of ensemble ${context.modelName} must specify ${missing.map((m) => `'${m}'`).join(', ')}.`);
      }
    });
  },
};
