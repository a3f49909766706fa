// Checks a Triton config against the model_config.proto schema as protobuf's text format
// parser does when Triton loads the file: unknown fields, values of the wrong type, unknown
// enum values, a non-repeated field given twice, two members of one oneof. Messages follow
// protobuf's own wording, so a user can search for them.
import { didYouMean } from '../did-you-mean';
import type { LineIndex } from '../text-lines';
import type { Finding } from '../types';
import type { PbDocument, PbField, PbMessage, PbValue } from './pbtxt-ast';
import { toFixes, type OffsetFix } from './pbtxt-edits';
import type { ProtoField, ProtoMessage, ProtoSchema } from './proto-schema';
import { scalarProblem } from './scalar-values';

interface Context {
  schema: ProtoSchema;
  lines: LineIndex;
  findings: Finding[];
}

function report(
  context: Context,
  start: number,
  end: number,
  code: string,
  message: string,
  related?: Finding['related'],
  fixes?: OffsetFix[],
): void {
  const finding: Finding = { range: context.lines.range(start, end), severity: 'error', code, message };
  if (related) finding.related = related;
  if (fixes) finding.fixes = toFixes(context.lines, fixes);
  context.findings.push(finding);
}

/** The one fix of a mistake whose correction is plain: replace the span by `newText`. */
function replacement(start: number, end: number, title: string, newText: string): OffsetFix[] {
  return [{ title, edits: [{ start, end, newText }], preferred: true }];
}

/** The message a map entry is: `key` and `value` of the map's types. */
export function mapEntry(owner: string, field: ProtoField): ProtoMessage {
  const fields = new Map<string, ProtoField>([
    ['key', { name: 'key', type: field.map!.key, repeated: false }],
    ['value', { name: 'value', type: field.map!.value, repeated: false }],
  ]);
  return { name: `${owner}.${field.name}Entry`, fields };
}

function checkValue(context: Context, owner: ProtoMessage, field: ProtoField, value: PbValue): void {
  if (value.kind === 'list') {
    if (!field.repeated && !field.map) {
      report(
        context,
        value.start,
        value.start + 1,
        'triton/not-repeated',
        `Field "${field.name}" is not repeated: it takes one value, not a list.`,
      );
      return;
    }
    for (const item of value.items) checkValue(context, owner, { ...field, repeated: false }, item);
    return;
  }
  const message = field.map ? mapEntry(owner.name, field) : context.schema.message(field.type);
  if (message) {
    if (value.kind === 'message') checkMessage(context, message, value);
    else
      report(
        context,
        value.start,
        value.end,
        'triton/expected-message',
        `Expected "{", found ${value.text}: "${field.name}" is a message (${message.name.replace(/^inference\./, '')}), ` +
          `written as ${field.name} { … }.`,
      );
    return;
  }
  if (value.kind === 'message') {
    report(
      context,
      value.start,
      value.start + 1,
      'triton/wrong-type',
      `Field "${field.name}" takes a ${field.type.replace(/^inference\./, '')} value, not a message.`,
    );
    return;
  }
  const problem = scalarProblem(value, field.name, field.type, context.schema.enum(field.type));
  if (!problem) return;
  const code = problem.message.startsWith('Unknown enumeration') ? 'triton/unknown-enum-value' : 'triton/wrong-type';
  const fixes = problem.fix && replacement(value.start, value.end, problem.fix.title, problem.fix.newText);
  report(context, value.start, value.end, code, problem.message, undefined, fixes);
}

function checkMessage(context: Context, message: ProtoMessage, node: PbMessage): void {
  const seen = new Map<string, PbField>();
  const oneofs = new Map<string, PbField>();
  for (const field of node.fields) {
    const proto = message.fields.get(field.name);
    if (!proto) {
      const suggestion = didYouMean(field.name, message.fields.keys());
      // Renaming onto a non-repeated field written already would only trade one error for another.
      const target = suggestion === undefined ? undefined : message.fields.get(suggestion);
      const taken = target && !target.repeated && !target.map && node.fields.some((other) => other.name === suggestion);
      const fixes = suggestion && !taken ? replacement(field.nameStart, field.nameEnd, `Change to ${suggestion}`, suggestion) : undefined;
      report(
        context,
        field.nameStart,
        field.nameEnd,
        'triton/unknown-field',
        `Message type "${message.name}" has no field named "${field.name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        undefined,
        fixes,
      );
      continue;
    }
    const first = seen.get(field.name);
    const firstRange = (f: PbField) => [{ range: context.lines.range(f.nameStart, f.nameEnd), message: `First "${f.name}" is here.` }];
    if (first && !proto.repeated && !proto.map) {
      report(
        context,
        field.nameStart,
        field.nameEnd,
        'triton/duplicate-field',
        `Non-repeated field "${field.name}" is specified multiple times.`,
        firstRange(first),
      );
    } else if (proto.oneof) {
      const other = oneofs.get(proto.oneof);
      if (other && other.name !== field.name) {
        report(
          context,
          field.nameStart,
          field.nameEnd,
          'triton/oneof-conflict',
          `Field "${field.name}" is specified along with field "${other.name}", another member of oneof "${proto.oneof}".`,
          firstRange(other),
        );
      }
      oneofs.set(proto.oneof, other ?? field);
    }
    seen.set(field.name, first ?? field);
    if (field.value) checkValue(context, message, proto, field.value);
  }
}

/** Structural findings of a parsed Triton config. */
export function checkStructure(document: PbDocument, schema: ProtoSchema): Finding[] {
  const root = schema.root;
  if (!root) return [];
  const context: Context = { schema, lines: document.lines, findings: [] };
  checkMessage(context, root, document.root);
  return context.findings;
}
