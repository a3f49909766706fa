// A reshape is the shape the backend sees instead of dims, so Triton refuses one that does not
// hold the same elements. With variable (-1) dims it compares the products of the runs between
// the -1s pairwise ([2, 4, -1, 6] may become [8, -1, 1, 6]), so both need as many -1s.
// An empty reshape is a scalar: 1 element (`dims: [ 1 ] reshape { shape: [ ] }` is the usual way
// to hand a batching backend a [batch] tensor).
import type { PbScalar } from '../pbtxt-ast';
import { defineCheck } from './check';

/** The dims as numbers, or undefined when one is not a valid dim (triton/dims reports those). */
function shapeOf(scalars: PbScalar[]): number[] | undefined {
  const dims = scalars.map((scalar) => scalar.number);
  return dims.every((dim): dim is number => dim !== undefined && Number.isInteger(dim) && (dim >= 1 || dim === -1)) ? dims : undefined;
}

/** The products of the runs of fixed dims between the -1s: one more product than there are -1s. */
function runs(shape: number[]): number[] {
  const products = [1];
  for (const dim of shape) {
    if (dim === -1) products.push(1);
    else products[products.length - 1] *= dim;
  }
  return products;
}

export const tritonReshape = defineCheck({
  id: 'triton/reshape',
  severity: 'error',
  description: 'A reshape holds as many elements as dims, compared between the variable (-1) dims, with as many -1s.',
  docs: {
    why:
      'A `reshape` is the shape the backend sees instead of `dims`, so it must hold as many elements. With ' +
      'variable (-1) dims Triton compares the products of the fixed dims between the -1s, so both need as many ' +
      '-1s. It refuses a reshape that does not fit when the model loads.',
    fix: 'Make the reshape hold as many elements as `dims`, with a -1 for each -1 of `dims` (`[ 2, 4, -1 ]` may become `[ 8, -1 ]`).',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/model_configuration.md (reshape).',
    folder: 'detector',
    invalid: `backend: "python"
max_batch_size: 8
input [ { name: "image" data_type: TYPE_FP32 dims: [ 3, 224, 224 ] reshape { shape: [ 3, 50176, 2 ] } } ]
#                                                                  ^^^^^^^ error[triton/reshape]: model input 'image' has different size for dims and reshape for model 'detector': dims hold 150528 elements, reshape 301056. Make the reshape hold as many elements as dims.`,
    valid: `backend: "python"
max_batch_size: 8
input [ { name: "image" data_type: TYPE_FP32 dims: [ 3, 224, 224 ] reshape { shape: [ 3, 50176 ] } } ]`,
  },
  check(config, context) {
    for (const section of ['input', 'output']) {
      for (const tensor of config.messages(section)) {
        const field = tensor.field('reshape');
        const dims = shapeOf(tensor.scalars('dims'));
        const shape = shapeOf(tensor.message1('reshape')?.scalars('shape') ?? []);
        // No dims written: auto-complete fills them in (or triton/tensor-fields asks for them).
        if (!field || !dims?.length || !shape) continue;
        const name = tensor.string('name');
        const label = `model ${section}${name ? ` '${name}'` : ''}`;
        const [from, to] = [runs(dims), runs(shape)];
        if (from.length !== to.length) {
          context.report(
            field.nameStart,
            field.nameEnd,
            `${label} has different number of variable-size dimensions for dims and reshape for model '${context.modelName}': ` +
              `dims have ${from.length - 1}, reshape ${to.length - 1}. Give the reshape a -1 for each -1 of dims.`,
          );
        } else if (from.some((count, index) => count !== to[index])) {
          context.report(
            field.nameStart,
            field.nameEnd,
            `${label} has different size for dims and reshape for model '${context.modelName}': dims hold ${from.join(' × -1 × ')} ` +
              `elements, reshape ${to.join(' × -1 × ')}. Make the reshape hold as many elements as dims.`,
          );
        }
      }
    }
  },
});
