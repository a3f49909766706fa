// batch_input and batch_output as Triton validates them: every kind derives its tensor from
// exactly one source input; a batch input is TYPE_INT32 or TYPE_FP32 and names the input the
// backend creates for it; sources are model inputs, targets model outputs, and an output is
// handled by one batch output only. Inputs and outputs may be left to auto-complete, so names
// are checked only against a config that declares some.
import type { ConfigNode } from '../config-view';
import type { CheckContext, TritonCheck } from './check';

/** TYPE_INT32 and TYPE_FP32, by name and by number. */
const BATCH_INPUT_TYPES = new Set(['TYPE_INT32', 'TYPE_FP32', '8', '11']);

/** Declared tensor names, or undefined when none is written (auto-complete may add them). */
function declared(config: ConfigNode, section: string): Set<string> | undefined {
  const names = config.messages(section).flatMap((tensor) => tensor.string('name') ?? []);
  return names.length ? new Set(names) : undefined;
}

/** Exactly one source input, each of them a declared input. */
function checkSources(batch: ConfigNode, what: string, defaultKind: string, inputs: Set<string> | undefined, context: CheckContext, id: string): void {
  const sources = batch.scalars('source_input');
  if (sources.length !== 1) {
    const kind = batch.word('kind') ?? defaultKind;
    const first = batch.fields('source_input')[0];
    const [start, end] = first ? [first.nameStart, first.nameEnd] : [batch.message.start, batch.message.start + 1];
    context.report(start, end, 'error', id, `${what} kind '${kind}' expects 1 source input, got ${sources.length}, for model '${context.modelName}'. Name exactly one model input in source_input.`);
  }
  for (const source of sources) {
    if (inputs && source.string !== undefined && !inputs.has(source.string)) {
      context.report(source.start, source.end, 'error', id, `unknown source input name '${source.string}' for model '${context.modelName}'. Name one of its inputs: ${[...inputs].join(', ')}.`);
    }
  }
}

export const batchIo: TritonCheck = {
  id: 'triton/batch-io',
  description: 'Batch inputs and outputs: one declared source input each, a batch input typed INT32 or FP32 with a target, outputs as targets once.',
  check(config, context) {
    const inputs = declared(config, 'input');
    const outputs = declared(config, 'output');
    for (const batch of config.messages('batch_input')) {
      const [start, end] = [batch.message.start, batch.message.start + 1];
      if (!batch.scalars('target_name').length) {
        context.report(start, end, 'error', this.id, `batch input must specify 'target_name' for model '${context.modelName}'. Name the input that the backend creates for it.`);
      }
      checkSources(batch, 'batch input', 'BATCH_ELEMENT_COUNT', inputs, context, this.id);
      const type = batch.scalar('data_type');
      if (!type || !BATCH_INPUT_TYPES.has(type.text)) {
        const found = type ? `found ${type.text}` : 'found none';
        context.report(type?.start ?? start, type?.end ?? end, 'error', this.id, `batch input data type must be TYPE_INT32 or TYPE_FP32 for model '${context.modelName}', ${found}. Write data_type: TYPE_INT32 or TYPE_FP32.`);
      }
    }
    const targets = new Set<string>();
    for (const batch of config.messages('batch_output')) {
      checkSources(batch, 'batch output', 'BATCH_SCATTER_WITH_INPUT_SHAPE', inputs, context, this.id);
      for (const target of batch.scalars('target_name')) {
        if (target.string === undefined) continue;
        if (outputs && !outputs.has(target.string)) {
          context.report(target.start, target.end, 'error', this.id, `unknown target output name '${target.string}' for model '${context.modelName}'. Name one of its outputs: ${[...outputs].join(', ')}.`);
        } else if (targets.has(target.string)) {
          context.report(target.start, target.end, 'error', this.id, `target output name '${target.string}' can only be specified once for model '${context.modelName}'. Remove the repeated target_name.`);
        }
        targets.add(target.string);
      }
    }
  },
};
