// A reading view over a parsed Triton config for the semantic checks: fields by name, whether
// written by repetition or as a list, with their values decoded and their nodes at hand for ranges.
import type { PbField, PbMessage, PbScalar, PbValue } from './pbtxt-ast';

function values(field: PbField): PbValue[] {
  if (!field.value) return [];
  return field.value.kind === 'list' ? field.value.items : [field.value];
}

export class ConfigNode {
  constructor(readonly message: PbMessage) {}

  /** Every occurrence of a field. */
  fields(name: string): PbField[] {
    return this.message.fields.filter((field) => field.name === name);
  }

  /** The last occurrence of a field, as protobuf keeps it. */
  field(name: string): PbField | undefined {
    const all = this.fields(name);
    return all[all.length - 1];
  }

  scalar(name: string): PbScalar | undefined {
    const value = this.field(name)?.value;
    return value?.kind === 'scalar' ? value : undefined;
  }

  /** Every scalar of a repeated scalar field, by repetition and from lists. */
  scalars(name: string): PbScalar[] {
    return this.fields(name).flatMap(values).filter((value): value is PbScalar => value.kind === 'scalar');
  }

  /** Every message of a (repeated) message field. */
  messages(name: string): ConfigNode[] {
    return this.fields(name)
      .flatMap(values)
      .filter((value): value is PbMessage => value.kind === 'message')
      .map((message) => new ConfigNode(message));
  }

  message1(name: string): ConfigNode | undefined {
    const all = this.messages(name);
    return all[all.length - 1];
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
}
