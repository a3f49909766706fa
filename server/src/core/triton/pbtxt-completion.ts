// Completion in Triton configs: the fields the message at the cursor may take (with snippets
// for the common blocks: input, output, instance_group, dynamic_batching, ensemble step,
// parameters), enum values, booleans, and known platform and backend names.
import type { Completion, Position } from '../types';
import { mapEntry } from './check-structure';
import { PLATFORM_BACKENDS } from './platforms';
import type { PbDocument } from './pbtxt-ast';
import { locate } from './pbtxt-locate';
import type { ProtoField, ProtoMessage, ProtoSchema } from './proto-schema';

const BACKENDS = ['onnxruntime', 'tensorrt', 'pytorch', 'tensorflow', 'python', 'openvino', 'vllm', 'tensorrtllm', 'fil', 'dali'];
const DATA_TYPES = 'TYPE_FP32,TYPE_FP16,TYPE_BF16,TYPE_INT64,TYPE_INT32,TYPE_INT8,TYPE_UINT8,TYPE_BOOL,TYPE_STRING';

/** Ready-made blocks for the fields users write most, as Triton's documentation writes them. */
const SNIPPETS: Record<string, string> = {
  input: `input [\n  {\n    name: "\${1:input}"\n    data_type: \${2|${DATA_TYPES}|}\n    dims: [ \${3:-1} ]\n  }\n]`,
  output: `output [\n  {\n    name: "\${1:output}"\n    data_type: \${2|${DATA_TYPES}|}\n    dims: [ \${3:-1} ]\n  }\n]`,
  instance_group: 'instance_group [\n  {\n    count: ${1:1}\n    kind: ${2|KIND_GPU,KIND_CPU,KIND_MODEL,KIND_AUTO|}\n  }\n]',
  dynamic_batching: 'dynamic_batching {\n  max_queue_delay_microseconds: ${1:100}\n}',
  step:
    'step [\n  {\n    model_name: "$1"\n    model_version: -1\n    input_map {\n      key: "$2"\n    ' +
    '  value: "$3"\n    }\n    output_map {\n      key: "$4"\n      value: "$5"\n    }\n  }\n]',
  parameters: 'parameters {\n  key: "${1:name}"\n  value: {\n    string_value: "${2:value}"\n  }\n}',
};

/** The message type at a path of field names from the config's root. */
export function messageAt(schema: ProtoSchema, path: string[]): ProtoMessage | undefined {
  let message = schema.root;
  for (const name of path) {
    const field = message?.fields.get(name);
    if (!message || !field) return undefined;
    message = field.map ? mapEntry(message.name, field) : schema.message(field.type);
  }
  return message;
}

function fieldSnippet(schema: ProtoSchema, field: ProtoField): string {
  if (SNIPPETS[field.name]) return SNIPPETS[field.name];
  const enumType = schema.enum(field.type);
  if (enumType) return `${field.name}: \${1|${enumType.names.join(',')}|}`;
  if (field.type === 'bool') return `${field.name}: \${1|true,false|}`;
  if (field.map || schema.message(field.type)) return field.repeated ? `${field.name} [\n  {\n    $0\n  }\n]` : `${field.name} {\n  $0\n}`;
  if (field.type === 'string') return `${field.name}: "$0"`;
  return field.repeated ? `${field.name}: [ $0 ]` : `${field.name}: $0`;
}

function valueCompletions(schema: ProtoSchema, owner: ProtoMessage, name: string): { label: string; insert: string }[] {
  const field = owner.fields.get(name);
  if (!field) return [];
  if (owner.name === 'inference.ModelConfig' && name === 'platform')
    return [...Object.keys(PLATFORM_BACKENDS), 'ensemble'].map((p) => ({ label: p, insert: `"${p}"` }));
  if (owner.name === 'inference.ModelConfig' && name === 'backend') return BACKENDS.map((b) => ({ label: b, insert: `"${b}"` }));
  const enumType = schema.enum(field.type);
  if (enumType) return enumType.names.map((v) => ({ label: v, insert: v }));
  if (field.type === 'bool') return ['true', 'false'].map((v) => ({ label: v, insert: v }));
  return [];
}

export function completePbtxt(document: PbDocument, position: Position, schema: ProtoSchema): Completion[] {
  const lines = document.lines;
  const offset = lines.offsetAt(position);
  const before = lines.lineText(position.line).slice(0, position.character);
  const located = locate(document.root, offset);
  const owner = messageAt(schema, located.path);
  if (!owner) return [];
  const valueMatch = /(\w+)\s*:\s*"?(\w*)$/.exec(before);
  if (valueMatch) {
    const prefixStart = position.character - valueMatch[2].length - (before.endsWith(`"${valueMatch[2]}`) ? 1 : 0);
    const range = { start: { line: position.line, character: prefixStart }, end: position };
    return valueCompletions(schema, owner, valueMatch[1]).map((v, i) => ({
      label: v.label,
      kind: 'value',
      insertText: v.insert,
      snippet: false,
      range,
      sortText: String(i).padStart(3, '0'),
    }));
  }
  const keyMatch = /(?:^|[\s{[<,;])(\w*)$/.exec(before);
  if (!keyMatch) return [];
  const range = { start: { line: position.line, character: position.character - keyMatch[1].length }, end: position };
  const present = new Set(located.message.fields.filter((f) => !(offset >= f.nameStart && offset <= f.nameEnd)).map((f) => f.name));
  return [...owner.fields.values()]
    .filter((field) => field.repeated || field.map || !present.has(field.name))
    .map((field) => ({
      label: field.name,
      kind: SNIPPETS[field.name] ? 'snippet' : 'property',
      detail: `${field.repeated ? 'repeated ' : ''}${field.map ? `map<${field.map.key}, ${field.map.value.replace(/^inference\./, '')}>` : field.type.replace(/^inference\./, '')}`,
      documentation: field.description,
      insertText: fieldSnippet(schema, field),
      snippet: true,
      range,
    }));
}
