// Inputs and outputs need a name, a data type and dims. Triton fills data types and dims in
// from the model file for backends that auto-complete configs, so those are only required
// for the others (PyTorch, ensembles, custom backends).
import type { TritonCheck } from './check';
import { AUTO_COMPLETING, backendOf } from '../platforms';

export const tensorFields: TritonCheck = {
  id: 'triton/tensor-fields',
  description: 'Every input and output has a name, a data_type other than TYPE_INVALID, and dims unless auto-complete fills them in.',
  check(config, context) {
    const backend = backendOf(config);
    // Without a platform or backend, auto-complete picks the backend from the model file.
    const autoCompleted = backend === undefined || AUTO_COMPLETING.has(backend);
    for (const section of ['input', 'output']) {
      for (const tensor of config.messages(section)) {
        const [start, end] = [tensor.message.start, tensor.message.start + 1];
        const name = tensor.string('name');
        if (!name) {
          context.report(start, end, 'error', this.id, `model ${section} must specify 'name' for ${context.modelName}.`);
          continue;
        }
        const type = tensor.scalar('data_type');
        if (type?.text === 'TYPE_INVALID') {
          context.report(type.start, type.end, 'error', this.id, `model ${section} '${name}' must specify 'data_type' for ${context.modelName}: TYPE_INVALID is not a data type.`);
        }
        const missing = [...(type ? [] : ['data_type']), ...(tensor.field('dims') ? [] : ['dims'])];
        if (missing.length && !autoCompleted) {
          context.report(start, end, 'error', this.id, `model ${section} '${name}' must specify ${missing.map((m) => `'${m}'`).join(' and ')} for ${context.modelName}${backend ? ` (the ${backend} backend does not fill them in)` : ''}.`);
        }
      }
    }
  },
};
