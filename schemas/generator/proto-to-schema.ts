// Converts a parsed proto file into one draft-07 JSON schema document: a definition per message
// and enum (keyed by full name) with the proto facts under "x-proto", the root a $ref to one message.
import { typesOf, type ProtoEnum, type ProtoField, type ProtoFile, type ProtoMessage, type TypeKind } from './proto-parse';
import type { JsonSchema } from '../../server/src/core/schema/translate';

export interface ProtoSchemaOptions {
  /** The document's `$id`. */
  id: string;
  /** Full name of the message the document validates, e.g. `inference.ModelConfig`. */
  root: string;
  title: string;
  /** Defaults to the root message's description. */
  description?: string;
}

const INTEGER_TYPES = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);
/** 64-bit integers: numbers, or strings as in protobuf's JSON mapping. */
const LONG_TYPES = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

export function definitionRef(fullName: string): string {
  return `#/definitions/${fullName}`;
}

/** The JSON schema of one value of a proto type (no description). */
export function valueSchema(type: string, kind: TypeKind): JsonSchema {
  if (kind !== 'scalar') return { $ref: definitionRef(type) };
  if (type === 'double' || type === 'float') return { type: 'number' };
  if (INTEGER_TYPES.has(type)) return { type: 'integer' };
  if (LONG_TYPES.has(type)) return { type: ['integer', 'string'] };
  if (type === 'bool') return { type: 'boolean' };
  if (type === 'string' || type === 'bytes') return { type: 'string' };
  throw new Error(`unknown scalar type ${type}`);
}

function fieldSchema(field: ProtoField): JsonSchema {
  const proto: JsonSchema = { number: field.number, type: field.type };
  let schema: JsonSchema;
  if (field.map) {
    schema = { type: 'object', additionalProperties: valueSchema(field.map.value, field.map.valueKind) };
    proto.map = { key: field.map.key, value: field.map.value };
  } else {
    const value = valueSchema(field.type, field.kind as TypeKind);
    schema = field.repeated ? { type: 'array', items: value } : value;
  }
  if (field.repeated) proto.repeated = true;
  if (field.optional) proto.optional = true;
  if (field.oneof) proto.oneof = field.oneof;
  if (field.options.deprecated === true) schema.deprecated = true;
  return { ...schema, ...(field.description ? { description: field.description } : {}), 'x-proto': proto };
}

function messageSchema(message: ProtoMessage): JsonSchema {
  const proto: JsonSchema = { message: message.fullName };
  if (message.oneofs.length) proto.oneofs = Object.fromEntries(message.oneofs.map((o) => [o.name, o.fields]));
  return {
    type: 'object',
    ...(message.description ? { description: message.description } : {}),
    properties: Object.fromEntries(message.fields.map((field) => [field.name, fieldSchema(field)])),
    additionalProperties: false,
    'x-proto': proto,
  };
}

function enumSchema(enumeration: ProtoEnum): JsonSchema {
  const described = enumeration.values.filter((v) => v.description);
  return {
    type: 'string',
    enum: enumeration.values.map((v) => v.name),
    ...(enumeration.description ? { description: enumeration.description } : {}),
    'x-proto': {
      enum: enumeration.fullName,
      values: Object.fromEntries(enumeration.values.map((v) => [v.name, v.number])),
      descriptions: Object.fromEntries(described.map((v) => [v.name, v.description])),
    },
  };
}

/** Every message and enum of the file as definitions keyed by full name. */
export function protoDefinitions(file: ProtoFile): Record<string, JsonSchema> {
  const { messages, enums } = typesOf(file);
  const definitions: Record<string, JsonSchema> = {};
  for (const message of messages.values()) definitions[message.fullName] = messageSchema(message);
  for (const enumeration of enums.values()) definitions[enumeration.fullName] = enumSchema(enumeration);
  return definitions;
}

/** The schema document for `options.root`, with every message and enum of the file in `definitions`. */
export function protoToSchema(file: ProtoFile, options: ProtoSchemaOptions): JsonSchema {
  const definitions = protoDefinitions(file);
  const root = definitions[options.root];
  if (!root || root.type !== 'object') throw new Error(`${options.root} is not a message of the proto file`);
  const description = options.description ?? (root.description as string | undefined);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: options.id,
    title: options.title,
    ...(description ? { description } : {}),
    $ref: definitionRef(options.root),
    definitions,
  };
}
