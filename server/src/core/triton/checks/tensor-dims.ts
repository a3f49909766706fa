// Every dimension of an input or output is at least 1, or -1 for a variable size.
import type { TritonCheck } from './check';

export const tensorDims: TritonCheck = {
  id: 'triton/dims',
  description: 'Tensor dimensions must be >= 1, or -1 for a variable-size dimension.',
  check(config, context) {
    for (const section of ['input', 'output']) {
      for (const tensor of config.messages(section)) {
        const name = tensor.string('name') ?? '(unnamed)';
        const reshape = tensor.message1('reshape');
        const dims = [...tensor.scalars('dims'), ...(reshape?.scalars('shape') ?? [])];
        for (const dim of dims) {
          if (dim.number === undefined || dim.number >= 1 || dim.number === -1) continue;
          context.report(dim.start, dim.end, 'error', this.id, `model '${context.modelName}', tensor '${name}': dimension must be integer >= 1, or -1 to indicate a variable-size dimension (found ${dim.text}).`);
        }
      }
    }
  },
};
