// A reading view over a parsed Triton config for the semantic checks: fields by name, whether
// written by repetition or as a list, with their values decoded and their nodes at hand for ranges.
import type { PbField, PbMessage, PbScalar, PbValue } from './pbtxt-ast';

/** The values of every occurrence of field `name` of `message` of the given kind, by repetition and from lists. */
function valuesOf<K extends 'scalar' | 'message'>(message: PbMessage, name: string, kind: K): Extract<PbValue, { kind: K }>[] {
  // Plain loops: the checks call this for every tensor of configs with thousands of them.
  const found: Extract<PbValue, { kind: K }>[] = [];
  for (const field of message.fields) {
    if (field.name !== name || !field.value) continue;
    if (field.value.kind === kind) found.push(field.value as Extract<PbValue, { kind: K }>);
    else if (field.value.kind === 'list') {
      for (const item of field.value.items) if (item.kind === kind) found.push(item as Extract<PbValue, { kind: K }>);
    }
  }
  return found;
}

export class ConfigNode {
  constructor(readonly message: PbMessage) {}

  /** Every occurrence of a field. */
  fields(name: string): PbField[] {
    return this.message.fields.filter((field) => field.name === name);
  }

  /** The last occurrence of a field, as protobuf keeps it. */
  field(name: string): PbField | undefined {
    const fields = this.message.fields;
    for (let i = fields.length - 1; i >= 0; i--) if (fields[i].name === name) return fields[i];
    return undefined;
  }

  scalar(name: string): PbScalar | undefined {
    const value = this.field(name)?.value;
    return value?.kind === 'scalar' ? value : undefined;
  }

  /** Every scalar of a repeated scalar field, by repetition and from lists. */
  scalars(name: string): PbScalar[] {
    return valuesOf(this.message, name, 'scalar');
  }

  /** Every message of a (repeated) message field. */
  messages(name: string): ConfigNode[] {
    return valuesOf(this.message, name, 'message').map((message) => new ConfigNode(message));
  }

  /** The last message of a (repeated) message field. */
  message1(name: string): ConfigNode | undefined {
    const all = valuesOf(this.message, name, 'message');
    return all.length ? new ConfigNode(all[all.length - 1]) : undefined;
  }

  string(name: string): string | undefined {
    const scalar = this.scalar(name);
    return scalar?.token === 'string' ? scalar.string : undefined;
  }

  /** An enum value (identifier) or integer, as written. */
  word(name: string): string | undefined {
    const scalar = this.scalar(name);
    return scalar && scalar.token !== 'string' ? scalar.text : undefined;
  }

  number(name: string): number | undefined {
    return this.scalar(name)?.number;
  }

  /**
   * Where a finding about the model as a whole goes: the value of the first of `fields` that
   * is written, else the first field's name, else the file's start.
   */
  anchor(...fields: string[]): { start: number; end: number } {
    for (const name of fields) {
      const value = this.field(name)?.value;
      if (value) return { start: value.start, end: value.kind === 'scalar' ? value.end : value.start + 1 };
    }
    const first = this.message.fields[0];
    return first ? { start: first.nameStart, end: first.nameEnd } : { start: 0, end: 0 };
  }

  /** A bool field read as protobuf's text format reads it (`true`, `True`, `t`, `1`); false when unset or not true. */
  flag(name: string): boolean {
    const text = this.scalar(name)?.text;
    return text === 'true' || text === 'True' || text === 't' || text === '1';
  }
}
