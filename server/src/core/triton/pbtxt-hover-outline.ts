// Hover (a field's description from model_config.proto, its type and allowed values) and the
// outline of a Triton config (inputs, outputs, instance groups and ensemble steps by name).
import type { LineIndex } from '../text-lines';
import type { Hover, OutlineSymbol, Position } from '../types';
import type { PbDocument, PbField, PbMessage, PbValue } from './pbtxt-ast';
import { messageAt } from './pbtxt-completion';
import { locate } from './pbtxt-locate';
import type { ProtoSchema } from './proto-schema';

export function hoverPbtxt(document: PbDocument, position: Position, schema: ProtoSchema): Hover | undefined {
  const lines = document.lines;
  const located = locate(document.root, lines.offsetAt(position));
  if (!located.field) return undefined;
  const owner = messageAt(schema, located.path);
  const field = owner?.fields.get(located.field.name);
  if (!owner || !field) return undefined;
  const type = field.map ? `map<${field.map.key}, ${field.map.value}>` : field.type;
  const out = [`**${field.name}** · \`${field.repeated ? 'repeated ' : ''}${type.replace(/inference\./g, '')}\``];
  if (field.oneof) out[0] += ` · one of \`${field.oneof}\``;
  if (field.description) out.push('', field.description);
  const enumType = schema.enum(field.type);
  if (enumType) out.push('', `Allowed: ${enumType.names.map((v) => `\`${v}\``).join(', ')}`);
  out.push('', `*${owner.name.replace(/^inference\./, '')}*`);
  const span = located.onName ? [located.field.nameStart, located.field.nameEnd] : [located.field.value!.start, located.field.value!.end];
  return { markdown: out.join('\n'), range: lines.range(span[0], span[1]) };
}

/** A message's own name for the outline: its `name`, or an ensemble step's `model_name`. */
function labelOf(message: PbMessage): string | undefined {
  for (const key of ['name', 'model_name', 'key']) {
    const value = message.fields.find((f) => f.name === key)?.value;
    if (value?.kind === 'scalar') return value.string ?? value.text;
  }
  return undefined;
}

function symbolsOf(field: PbField, lines: LineIndex): OutlineSymbol[] {
  const name = { start: field.nameStart, end: field.nameEnd };
  const symbol = (label: string, value: PbValue | null, detail?: string): OutlineSymbol => ({
    name: label,
    detail,
    kind: value?.kind === 'message' ? 'object' : value?.kind === 'list' ? 'array' : 'field',
    range: lines.range(field.start, field.end),
    selectionRange: lines.range(name.start, name.end),
    children: value?.kind === 'message' ? value.fields.flatMap((f) => symbolsOf(f, lines)) : [],
  });
  const value = field.value;
  if (value?.kind === 'list' && value.items.every((item) => item.kind === 'message')) {
    return value.items.map((item) => {
      const message = item;
      return {
        ...symbol(field.name, message, labelOf(message)),
        range: lines.range(message.start, message.end),
        selectionRange: lines.range(message.start, message.start + 1),
      };
    });
  }
  if (value?.kind === 'message') return [symbol(field.name, value, labelOf(value))];
  return [symbol(field.name, value, value?.kind === 'scalar' ? value.text : undefined)];
}

export function outlinePbtxt(document: PbDocument): OutlineSymbol[] {
  return document.root.fields.flatMap((field) => symbolsOf(field, document.lines));
}
