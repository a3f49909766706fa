// Sequence batching as Triton validates it: each control tensor is a named model input that
// carries one control kind, and each kind goes to one tensor; START, READY and END are
// booleans encoded by a [false, true] pair of one type, CORRID is the correlation id itself
// in an integer or string tensor. The strategies' sizes and ratios must be in range.
import type { ConfigNode } from '../config-view';
import { defineCheck } from './check';

/** Control kinds by proto number; an unwritten kind is CONTROL_SEQUENCE_START (0). */
const KINDS = ['CONTROL_SEQUENCE_START', 'CONTROL_SEQUENCE_READY', 'CONTROL_SEQUENCE_END', 'CONTROL_SEQUENCE_CORRID'];
const FALSE_TRUE = ['int32_false_true', 'fp32_false_true', 'bool_false_true'];
/** The correlation id's data types, by name and by proto number. */
const CORRID_TYPES = ['TYPE_UINT64', 'TYPE_INT64', 'TYPE_UINT32', 'TYPE_INT32', 'TYPE_STRING'];
const CORRID_TYPE_NUMBERS = ['5', '9', '4', '8', '13'];

/** The control's kind by name; undefined when quoted (the structure check reports that). */
function kindOf(control: ConfigNode): string | undefined {
  if (control.scalar('kind')?.token === 'string') return undefined;
  const written = control.word('kind') ?? '0';
  return /^\d+$/.test(written) ? (KINDS[Number(written)] ?? written) : written;
}

export const tritonSequenceBatching = defineCheck({
  id: 'triton/sequence-batching',
  severity: 'error',
  description: 'Sequence batching control tensors are named, one kind each, with the right encoding; strategy settings in range.',
  docs: {
    why:
      'The sequence batcher tells a stateful model where each sequence starts, ends and which slot is ready ' +
      'through control tensors: each is a named model input that carries one control kind, each kind goes to one ' +
      'tensor, START, READY and END are encoded by a [false, true] pair of one type, and CORRID carries the ' +
      'correlation id in an integer or string tensor. Triton refuses a config that breaks any of these, or whose ' +
      'strategy sizes and ratios are out of range.',
    fix:
      'Name each control input, give each control kind one tensor, write one `*_false_true` pair of two values ' +
      'for START, READY and END, and a `data_type` (TYPE_UINT64, TYPE_INT64, TYPE_UINT32, TYPE_INT32 or ' +
      'TYPE_STRING) for CORRID.',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/architecture.md (stateful models, control inputs) and batcher.md (sequence ' +
      'batcher).',
    folder: 'detector',
    invalid: `backend: "python"
max_batch_size: 8
sequence_batching {
  control_input [
    { name: "START" control [ { kind: CONTROL_SEQUENCE_START int32_false_true: [ 0 ] } ] },
#                                                            ^^^^^^^^^^^^^^^^ error[triton/sequence-batching]: sequence batching control 'int32_false_true' must have exactly 2 entries for CONTROL_SEQUENCE_START for detector (found 1): the false value, then the true value.
    { name: "CORRID" control [ { kind: CONTROL_SEQUENCE_CORRID data_type: TYPE_FP32 } ] }
#                                                                         ^^^^^^^^^ error[triton/sequence-batching]: unexpected data type for control CONTROL_SEQUENCE_CORRID for detector. Allowed data types are TYPE_UINT64, TYPE_INT64, TYPE_UINT32, TYPE_INT32 and TYPE_STRING.
  ]
}`,
    valid: `backend: "python"
max_batch_size: 8
sequence_batching {
  control_input [
    { name: "START" control [ { kind: CONTROL_SEQUENCE_START int32_false_true: [ 0, 1 ] } ] },
    { name: "CORRID" control [ { kind: CONTROL_SEQUENCE_CORRID data_type: TYPE_UINT64 } ] }
  ]
}`,
  },
  check(config, context) {
    const batching = config.message1('sequence_batching');
    if (!batching) return;
    const model = context.modelName;
    const report: Report = (start, end, message) => context.report(start, end, message);
    const tensors = new Set<string>();
    const kinds = new Set<string>();

    for (const input of batching.messages('control_input')) {
      const nameValue = input.scalar('name');
      const name = input.string('name');
      if (!name) {
        const [start, end] = nameValue ? [nameValue.start, nameValue.end] : [input.message.start, input.message.start + 1];
        report(
          start,
          end,
          `sequence batching control tensor must have a name for ${model}. Set name to the model input that receives the control.`,
        );
      } else if (tensors.has(name)) {
        report(
          nameValue!.start,
          nameValue!.end,
          `sequence batching control tensor '${name}' is specified for multiple control kinds for ${model}. ` +
            `Give each control kind its own tensor.`,
        );
        continue;
      } else tensors.add(name);

      input.messages('control').forEach((control, index) => {
        const kind = kindOf(control);
        if (!kind) return;
        const kindValue = control.scalar('kind');
        const [start, end] = kindValue ? [kindValue.start, kindValue.end] : [control.message.start, control.message.start + 1];
        if (index > 0) {
          report(
            start,
            end,
            `sequence batching control tensor ${name ? `'${name}' ` : ''}is specified for multiple control kinds ` +
              `for ${model}. Give each control kind its own tensor.`,
          );
          return;
        }
        if (kinds.has(kind)) {
          report(start, end, `sequence batching specifies multiple ${kind} tensors for ${model}. Keep ${kind} on one control tensor.`);
          return;
        }
        kinds.add(kind);
        if (kind === 'CONTROL_SEQUENCE_CORRID') checkCorrid(control, [start, end], model, report);
        else if (KINDS.includes(kind)) checkFalseTrue(control, kind, [start, end], model, report);
      });
    }

    const maxBatchSize = config.number('max_batch_size') ?? 0;
    for (const size of batching.message1('oldest')?.scalars('preferred_batch_size') ?? []) {
      if (size.number === undefined) continue;
      if (size.number < 1)
        report(size.start, size.end, `sequence batching preferred batch size must be positive for ${model} (found ${size.text}).`);
      else if (maxBatchSize > 0 && size.number > maxBatchSize) {
        report(
          size.start,
          size.end,
          `sequence batching preferred batch size must be <= max batch size for ${model}: ${size.text} is above ` +
            `max_batch_size ${maxBatchSize}.`,
        );
      }
    }

    const utilization = batching.message1('direct')?.scalar('minimum_slot_utilization');
    const ratio = utilization?.number;
    if (utilization && ratio !== undefined && !(ratio >= 0 && ratio <= 1)) {
      report(
        utilization.start,
        utilization.end,
        `sequence batching minimum slot utilization must be in range [0, 1] for ${model} (found ${utilization.text}): ` +
          `it is the fraction of batch slots that must be ready, e.g. 0.5.`,
      );
    }
  },
});

type Report = (start: number, end: number, message: string) => void;

/** START, READY and END: exactly one of the [false, true] pairs, with its two values. */
function checkFalseTrue(control: ConfigNode, kind: string, kindRange: [number, number], model: string, report: Report): void {
  const written = FALSE_TRUE.filter((field) => control.field(field));
  if (!written.length) {
    report(
      ...kindRange,
      `sequence batching must specify either 'int32_false_true', 'fp32_false_true' or 'bool_false_true' ` +
        `for ${kind} for ${model}. Add one with the false value, then the true value, e.g. int32_false_true: ` +
        `[ 0, 1 ].`,
    );
    return;
  }
  if (written.length > 1) {
    const extra = control.field(written[1])!;
    report(
      extra.nameStart,
      extra.nameEnd,
      `sequence batching must specify only one of 'int32_false_true', 'fp32_false_true' or 'bool_false_true' ` +
        `for ${kind} for ${model}. Remove ${written[1]}.`,
    );
    return;
  }
  const count = control.scalars(written[0]).length;
  if (count !== 2) {
    const field = control.fields(written[0])[0];
    report(
      field.nameStart,
      field.nameEnd,
      `sequence batching control '${written[0]}' must have exactly 2 entries for ${kind} for ${model} (found ` +
        `${count}): the false value, then the true value.`,
    );
  }
}

/** CORRID carries the correlation id itself: a data type, and no [false, true] pair. */
function checkCorrid(control: ConfigNode, kindRange: [number, number], model: string, report: Report): void {
  const kind = 'CONTROL_SEQUENCE_CORRID';
  for (const name of FALSE_TRUE) {
    const field = control.field(name);
    if (field)
      report(
        field.nameStart,
        field.nameEnd,
        `sequence batching must not specify either 'int32_false_true', 'fp32_false_true' or 'bool_false_true' ` +
          `for ${kind} for ${model}. Remove ${name}; data_type gives the correlation id's type.`,
      );
  }
  const type = control.scalar('data_type');
  if (type?.token === 'string') return; // a quoted enum value: the structure check reports it
  if (type && (CORRID_TYPES.includes(type.text) || CORRID_TYPE_NUMBERS.includes(type.text))) return;
  const [start, end] = type ? [type.start, type.end] : kindRange;
  report(
    start,
    end,
    `unexpected data type for control ${kind} for ${model}${type ? '' : ' (data_type is not set)'}. Allowed ` +
      `data types are ${CORRID_TYPES.slice(0, -1).join(', ')} and ${CORRID_TYPES[CORRID_TYPES.length - 1]}.`,
  );
}
