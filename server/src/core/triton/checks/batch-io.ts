// batch_input and batch_output as Triton validates them: every kind derives its tensor from
// exactly one source input; a batch input is TYPE_INT32 or TYPE_FP32 and names the input the
// backend creates for it; sources are model inputs, targets model outputs, and an output is
// handled by one batch output only. Inputs and outputs may be left to auto-complete, so names
// are checked only against a config that declares some.
import type { ConfigNode } from '../config-view';
import { defineCheck, type CheckContext } from './check';

/** TYPE_INT32 and TYPE_FP32, by name and by number. */
const BATCH_INPUT_TYPES = new Set(['TYPE_INT32', 'TYPE_FP32', '8', '11']);

/** Declared tensor names, or undefined when none is written (auto-complete may add them). */
function declared(config: ConfigNode, section: string): Set<string> | undefined {
  const names = config.messages(section).flatMap((tensor) => tensor.string('name') ?? []);
  return names.length ? new Set(names) : undefined;
}

/** Exactly one source input, each of them a declared input. */
function checkSources(batch: ConfigNode, what: string, defaultKind: string, inputs: Set<string> | undefined, context: CheckContext): void {
  const sources = batch.scalars('source_input');
  if (sources.length !== 1) {
    const kind = batch.word('kind') ?? defaultKind;
    const first = batch.fields('source_input')[0];
    const [start, end] = first ? [first.nameStart, first.nameEnd] : [batch.message.start, batch.message.start + 1];
    context.report(
      start,
      end,
      `${what} kind '${kind}' expects 1 source input, got ${sources.length}, for model '${context.modelName}'. ` +
        `Name exactly one model input in source_input.`,
    );
  }
  for (const source of sources) {
    if (inputs && source.string !== undefined && !inputs.has(source.string)) {
      context.report(
        source.start,
        source.end,
        `unknown source input name '${source.string}' for model '${context.modelName}'. Name one of its inputs: ${[...inputs].join(', ')}.`,
      );
    }
  }
}

export const tritonBatchIo = defineCheck({
  id: 'triton/batch-io',
  severity: 'error',
  description:
    'Batch inputs and outputs: one declared source input each, a batch input typed INT32 or FP32 with a target, outputs as targets once.',
  docs: {
    why:
      "Triton creates a batch input (the element count of each request, the batch's accumulated sizes…) from " +
      'exactly one source input, in INT32 or FP32, and hands it to the backend under `target_name`; a batch ' +
      'output scatters an output back to the requests by the shape of a source input. A config that gets any of ' +
      'this wrong is refused when the model loads, so the model never comes up.',
    fix:
      'Give each `batch_input` a `kind`, one `target_name`, `data_type: TYPE_INT32` or `TYPE_FP32` and exactly ' +
      'one `source_input` naming a model input; give each `batch_output` one `source_input` and the outputs it ' +
      'handles as `target_name`, each output in one batch output only.',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/ragged_batching.md (batch input and batch output).',
    folder: 'detector',
    invalid: `backend: "python"
max_batch_size: 16
input [ { name: "tokens" data_type: TYPE_INT32 dims: [ -1 ] allow_ragged_batch: true } ]
output [ { name: "logits" data_type: TYPE_FP32 dims: [ 2 ] } ]
batch_input [
  {
    kind: BATCH_ACCUMULATED_ELEMENT_COUNT
    target_name: "offsets"
    data_type: TYPE_INT64
#              ^^^^^^^^^^ error[triton/batch-io]: batch input data type must be TYPE_INT32 or TYPE_FP32 for model 'detector', found TYPE_INT64. Write data_type: TYPE_INT32 or TYPE_FP32.
    source_input: "token"
#                 ^^^^^^^ error[triton/batch-io]: unknown source input name 'token' for model 'detector'. Name one of its inputs: tokens.
  }
]`,
    valid: `backend: "python"
max_batch_size: 16
input [ { name: "tokens" data_type: TYPE_INT32 dims: [ -1 ] allow_ragged_batch: true } ]
output [ { name: "logits" data_type: TYPE_FP32 dims: [ 2 ] } ]
batch_input [
  {
    kind: BATCH_ACCUMULATED_ELEMENT_COUNT
    target_name: "offsets"
    data_type: TYPE_INT32
    source_input: "tokens"
  }
]`,
  },
  check(config, context) {
    const inputs = declared(config, 'input');
    const outputs = declared(config, 'output');
    for (const batch of config.messages('batch_input')) {
      const [start, end] = [batch.message.start, batch.message.start + 1];
      if (!batch.scalars('target_name').length) {
        context.report(
          start,
          end,
          `batch input must specify 'target_name' for model '${context.modelName}'. Name the input that the backend creates for it.`,
        );
      }
      checkSources(batch, 'batch input', 'BATCH_ELEMENT_COUNT', inputs, context);
      const type = batch.scalar('data_type');
      if (!type || !BATCH_INPUT_TYPES.has(type.text)) {
        const found = type ? `found ${type.text}` : 'found none';
        context.report(
          type?.start ?? start,
          type?.end ?? end,
          `batch input data type must be TYPE_INT32 or TYPE_FP32 for model '${context.modelName}', ${found}. ` +
            `Write data_type: TYPE_INT32 or TYPE_FP32.`,
        );
      }
    }
    const targets = new Set<string>();
    for (const batch of config.messages('batch_output')) {
      checkSources(batch, 'batch output', 'BATCH_SCATTER_WITH_INPUT_SHAPE', inputs, context);
      for (const target of batch.scalars('target_name')) {
        if (target.string === undefined) continue;
        if (outputs && !outputs.has(target.string)) {
          context.report(
            target.start,
            target.end,
            `unknown target output name '${target.string}' for model '${context.modelName}'. Name one of its ` +
              `outputs: ${[...outputs].join(', ')}.`,
          );
        } else if (targets.has(target.string)) {
          context.report(
            target.start,
            target.end,
            `target output name '${target.string}' can only be specified once for model '${context.modelName}'. ` +
              `Remove the repeated target_name.`,
          );
        }
        targets.add(target.string);
      }
    }
  },
});
