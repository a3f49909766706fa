// The parsed form of a .proto file, and the resolution of its type names by protobuf's scoping
// rules (with the checks protoc makes on field numbers and names). Pure; used by proto-parse.ts.
import { ProtoSyntaxError } from './proto-lex';

export type ProtoOptionValue = string | number | boolean;
export type ProtoOptions = Record<string, ProtoOptionValue>;
export type TypeKind = 'scalar' | 'message' | 'enum';

export interface ProtoField {
  name: string;
  number: number;
  /** Scalar name, or the full name (`inference.ModelInput`) of a message or enum; `map<K, V>` for maps. */
  type: string;
  /** The type as written in the file. */
  written: string;
  kind: TypeKind | 'map';
  repeated?: boolean;
  optional?: boolean;
  oneof?: string;
  /** Map fields: the key's scalar type and the value type (full name for messages and enums). */
  map?: { key: string; value: string; valueKind: TypeKind };
  options: ProtoOptions;
  description?: string;
  line: number;
}

export interface ProtoOneof {
  name: string;
  fields: string[];
  description?: string;
}

export interface ProtoEnumValue {
  name: string;
  number: number;
  options: ProtoOptions;
  description?: string;
}

export interface ProtoEnum {
  name: string;
  fullName: string;
  values: ProtoEnumValue[];
  options: ProtoOptions;
  description?: string;
  line: number;
}

export interface ProtoMessage {
  name: string;
  fullName: string;
  fields: ProtoField[];
  oneofs: ProtoOneof[];
  messages: ProtoMessage[];
  enums: ProtoEnum[];
  /** Reserved field numbers (`[from, to]` ranges, inclusive) and names. */
  reserved: { ranges: [number, number][]; names: string[] };
  options: ProtoOptions;
  description?: string;
  line: number;
}

export interface ProtoFile {
  syntax: string;
  package: string;
  options: ProtoOptions;
  messages: ProtoMessage[];
  enums: ProtoEnum[];
}

export const SCALAR_TYPES = new Set([
  'double',
  'float',
  'int32',
  'int64',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
  'sfixed32',
  'sfixed64',
  'bool',
  'string',
  'bytes',
]);

function allMessages(messages: ProtoMessage[]): ProtoMessage[] {
  return messages.flatMap((m) => [m, ...allMessages(m.messages)]);
}

/** Every message and enum of the file, by full name. */
export function typesOf(file: ProtoFile): { messages: Map<string, ProtoMessage>; enums: Map<string, ProtoEnum> } {
  const messages = allMessages(file.messages);
  const enums = [...file.enums, ...messages.flatMap((m) => m.enums)];
  return { messages: new Map(messages.map((m) => [m.fullName, m])), enums: new Map(enums.map((e) => [e.fullName, e])) };
}

/** Resolves every field's type to a scalar or a full name; throws ProtoSyntaxError on unknown types and clashes. */
export function resolveTypes(file: ProtoFile): void {
  const { messages, enums } = typesOf(file);
  const kinds = new Map<string, TypeKind | 'package'>();
  const parts = file.package ? file.package.split('.') : [];
  parts.forEach((_, i) => kinds.set(parts.slice(0, i + 1).join('.'), 'package'));
  for (const [name, kind] of [
    ...[...messages.keys()].map((n) => [n, 'message'] as const),
    ...[...enums.keys()].map((n) => [n, 'enum'] as const),
  ]) {
    if (kinds.has(name)) throw new ProtoSyntaxError(`"${name}" is defined twice`, (messages.get(name) ?? enums.get(name))?.line ?? 1);
    kinds.set(name, kind);
  }
  /** protobuf's rule: find the first component from the innermost scope outwards, then the rest within it. */
  const resolve = (written: string, scope: string, line: number): { name: string; kind: TypeKind } => {
    if (SCALAR_TYPES.has(written)) return { name: written, kind: 'scalar' };
    if (written.startsWith('.')) {
      const kind = kinds.get(written.slice(1));
      if (kind && kind !== 'package') return { name: written.slice(1), kind };
      throw new ProtoSyntaxError(`"${written}" is not defined`, line);
    }
    const [firstPart] = written.split('.');
    for (let outer = scope; ; outer = outer.includes('.') ? outer.slice(0, outer.lastIndexOf('.')) : '') {
      const prefix = outer ? `${outer}.` : '';
      if (kinds.has(prefix + firstPart)) {
        const kind = kinds.get(prefix + written);
        if (kind && kind !== 'package') return { name: prefix + written, kind };
        throw new ProtoSyntaxError(
          `"${written}" is resolved to "${prefix + written}", which is not defined (the innermost scope is searched first)`,
          line,
        );
      }
      if (!outer) break;
    }
    throw new ProtoSyntaxError(`"${written}" is not defined (imported files are not read)`, line);
  };
  for (const message of messages.values()) {
    const numbers = new Map<number, string>();
    for (const field of message.fields) {
      const where = `field "${field.name}" of ${message.fullName}`;
      if (numbers.has(field.number))
        throw new ProtoSyntaxError(`${where} reuses number ${field.number} of "${numbers.get(field.number)}"`, field.line);
      if (message.fields.filter((f) => f.name === field.name).length > 1)
        throw new ProtoSyntaxError(`${where} is defined twice`, field.line);
      if (
        message.reserved.ranges.some(([from, to]) => field.number >= from && field.number <= to) ||
        message.reserved.names.includes(field.name)
      ) {
        throw new ProtoSyntaxError(`${where} uses a reserved name or number`, field.line);
      }
      numbers.set(field.number, field.name);
      if (field.map) {
        const value = resolve(field.map.value, message.fullName, field.line);
        field.map = { key: field.map.key, value: value.name, valueKind: value.kind };
        field.type = `map<${field.map.key}, ${value.name}>`;
      } else {
        const type = resolve(field.written, message.fullName, field.line);
        field.type = type.name;
        field.kind = type.kind;
      }
    }
  }
}
