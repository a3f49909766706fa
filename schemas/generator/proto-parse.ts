// A pure parser for proto3 files like Triton's model_config.proto: messages, enums, fields,
// oneofs, maps, reserved ranges and options, with type names resolved by protobuf's scoping rules.
import { describeComment, ProtoSyntaxError, tokenize, type Token } from './proto-lex';
import {
  resolveTypes,
  SCALAR_TYPES,
  type ProtoEnum,
  type ProtoField,
  type ProtoFile,
  type ProtoMessage,
  type ProtoOneof,
  type ProtoOptions,
  type ProtoOptionValue,
} from './proto-model';

export { ProtoSyntaxError } from './proto-lex';
export * from './proto-model';

const MAP_KEY_TYPES = new Set([...SCALAR_TYPES].filter((t) => !['double', 'float', 'bytes'].includes(t)));
const MAX_FIELD_NUMBER = 536870911;

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  fail(message: string, token = this.peek()): never {
    const last = this.tokens[this.tokens.length - 1];
    throw new ProtoSyntaxError(token ? message : `${message} (at end of file)`, token?.line ?? last?.line ?? 1, token?.column ?? 0);
  }
  next(): Token {
    return this.tokens[this.pos++] ?? this.fail('unexpected end of file');
  }
  is(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return !!token && token.kind !== 'string' && token.text === text;
  }
  accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.pos++;
    return true;
  }
  expect(text: string): Token {
    if (!this.is(text)) this.fail(`expected "${text}", found ${this.describe()}`);
    return this.next();
  }
  describe(token = this.peek()): string {
    return token ? `"${token.text}"` : 'end of file';
  }
  ident(what: string): Token {
    if (this.peek()?.kind !== 'ident') this.fail(`expected ${what}, found ${this.describe()}`);
    return this.next();
  }
  /** A dotted name, optionally with a leading dot (`.inference.DataType`). */
  fullIdent(what: string): string {
    let name = this.accept('.') ? '.' : '';
    name += this.ident(what).text;
    while (this.accept('.')) name += `.${this.ident(what).text}`;
    return name;
  }
  integer(what: string): number {
    const negative = this.accept('-');
    const token = this.next();
    if (token.kind !== 'number' || !/^(0[xX][0-9A-Fa-f]+|\d+)$/.test(token.text))
      this.fail(`expected ${what}, found ${this.describe(token)}`, token);
    const text = token.text;
    const value = /^0[xX]/.test(text) ? parseInt(text.slice(2), 16) : /^0\d/.test(text) ? parseInt(text, 8) : Number(text);
    return negative ? -value : value;
  }
  /** A constant: identifier, number (with sign), string (adjacent literals concatenated), or a `{...}` aggregate kept as text. */
  constant(): ProtoOptionValue {
    const token = this.peek() ?? this.fail('expected a value');
    if (token.kind === 'string') {
      let value = '';
      while (this.peek()?.kind === 'string') value += unquote(this.next().text);
      return value;
    }
    if (token.text === '{') {
      const start = this.pos;
      for (let depth = 0; ;) {
        const t = this.next();
        depth += t.text === '{' ? 1 : t.text === '}' ? -1 : 0;
        if (depth === 0) break;
      }
      return this.tokens
        .slice(start, this.pos)
        .map((t) => t.text)
        .join(' ');
    }
    const sign = this.accept('-') ? -1 : this.accept('+') ? 1 : 0;
    const value = this.next();
    if (value.kind === 'ident') {
      if (sign && !/^(inf|nan)$/.test(value.text)) this.fail(`expected a number after the sign, found ${this.describe(value)}`, value);
      if (value.text === 'true' || value.text === 'false') return value.text === 'true';
      return sign ? `${sign < 0 ? '-' : ''}${value.text}` : value.text;
    }
    if (value.kind !== 'number') this.fail(`expected a value, found ${this.describe(value)}`, value);
    const number = /^0[xX]/.test(value.text)
      ? parseInt(value.text.slice(2), 16)
      : /^0\d+$/.test(value.text)
        ? parseInt(value.text, 8)
        : Number(value.text);
    return sign < 0 ? -number : number;
  }
  /** `name = value` of an option statement or a `[...]` list entry; name like `deprecated` or `(my.ext).field`. */
  option(into: ProtoOptions): void {
    let name: string;
    if (this.accept('(')) {
      name = `(${this.fullIdent('an option name')})`;
      this.expect(')');
    } else name = this.ident('an option name').text;
    while (this.accept('.')) name += `.${this.ident('an option name').text}`;
    this.expect('=');
    into[name] = this.constant();
  }
  /** Options in `[a = 1, b = 2]` after a field or enum value. */
  fieldOptions(): ProtoOptions {
    const options: ProtoOptions = {};
    if (!this.accept('[')) return options;
    do this.option(options);
    while (this.accept(','));
    this.expect(']');
    return options;
  }
  statementOption(into: ProtoOptions): void {
    this.expect('option');
    this.option(into);
    this.expect(';');
  }
  reserved(into: ProtoMessage['reserved'] | undefined): void {
    this.expect('reserved');
    do {
      if (this.peek()?.kind === 'string') into?.names.push(unquote(this.next().text));
      else if (this.peek()?.kind === 'ident')
        into?.names.push(this.next().text); // edition 2023 style
      else {
        const from = this.integer('a field number');
        const to = this.accept('to') ? (this.accept('max') ? MAX_FIELD_NUMBER : this.integer('a field number')) : from;
        into?.ranges.push([from, to]);
      }
    } while (this.accept(','));
    this.expect(';');
  }
  skipBlock(): void {
    this.expect('{');
    for (let depth = 1; depth > 0;) {
      const t = this.next();
      depth += t.text === '{' ? 1 : t.text === '}' ? -1 : 0;
    }
  }

  file(): ProtoFile {
    const file: ProtoFile = { syntax: 'proto2', package: '', options: {}, messages: [], enums: [] };
    if (this.is('syntax')) {
      this.next();
      this.expect('=');
      const syntax = this.next();
      if (syntax.kind !== 'string') this.fail('expected "proto2" or "proto3"', syntax);
      file.syntax = unquote(syntax.text);
      if (file.syntax !== 'proto3') this.fail(`only proto3 is supported, this file is ${file.syntax}`, syntax);
      this.expect(';');
    }
    while (this.peek()) {
      const token = this.peek() as Token;
      if (this.accept(';')) continue;
      if (token.text === 'package') {
        this.next();
        file.package = this.fullIdent('a package name');
        this.expect(';');
      } else if (token.text === 'import') {
        this.next();
        if (this.is('public') || this.is('weak')) this.next();
        if (this.next().kind !== 'string') this.fail('expected the imported file name', token);
        this.expect(';');
      } else if (token.text === 'option') this.statementOption(file.options);
      else if (token.text === 'message') file.messages.push(this.message(file.package));
      else if (token.text === 'enum') file.enums.push(this.enumeration(file.package));
      else if (token.text === 'service') {
        this.next();
        this.ident('a service name');
        this.skipBlock();
      } else this.fail(`unexpected ${this.describe()} at top level (expected message, enum, option, import or package)`);
    }
    return file;
  }

  message(scope: string): ProtoMessage {
    const start = this.expect('message');
    const name = this.ident('a message name').text;
    const fullName = scope ? `${scope}.${name}` : name;
    const message: ProtoMessage = {
      name,
      fullName,
      fields: [],
      oneofs: [],
      messages: [],
      enums: [],
      reserved: { ranges: [], names: [] },
      options: {},
      description: describeComment(start.comments),
      line: start.line,
    };
    this.expect('{');
    while (!this.accept('}')) {
      const token = this.peek() ?? this.fail(`message ${name} is not closed`, start);
      if (this.accept(';')) continue;
      if (token.text === 'message') message.messages.push(this.message(fullName));
      else if (token.text === 'enum') message.enums.push(this.enumeration(fullName));
      else if (token.text === 'option') this.statementOption(message.options);
      else if (token.text === 'reserved') this.reserved(message.reserved);
      else if (token.text === 'oneof') this.oneof(message);
      else if (['extend', 'extensions', 'group'].includes(token.text)) this.fail(`"${token.text}" is not supported (proto2)`);
      else message.fields.push(this.field());
    }
    return message;
  }

  oneof(message: ProtoMessage): void {
    const start = this.expect('oneof');
    const oneof: ProtoOneof = { name: this.ident('a oneof name').text, fields: [], description: describeComment(start.comments) };
    this.expect('{');
    while (!this.accept('}')) {
      if (this.accept(';')) continue;
      if (this.is('option')) {
        this.statementOption({});
        continue;
      }
      if (['repeated', 'optional', 'required', 'map'].includes(this.peek()?.text ?? '') && !this.is('=', 2))
        this.fail(`a oneof field cannot be "${this.peek()?.text}"`);
      const field = this.field();
      field.oneof = oneof.name;
      oneof.fields.push(field.name);
      message.fields.push(field);
    }
    message.oneofs.push(oneof);
  }

  field(): ProtoField {
    const first = this.peek() ?? this.fail('expected a field');
    const label =
      ['repeated', 'optional', 'required'].includes(first.text) && first.kind === 'ident' && !this.is('=', 2)
        ? this.next().text
        : undefined;
    if (label === 'required') this.fail('"required" is not allowed in proto3', first);
    let written: string;
    let map: { key: string; value: string } | undefined;
    if (this.is('map') && this.is('<', 1)) {
      if (label) this.fail(`a map field cannot be "${label}"`, first);
      this.next();
      this.next();
      const key = this.ident('a map key type').text;
      if (!MAP_KEY_TYPES.has(key)) this.fail(`"${key}" cannot be a map key type (integral or string types only)`);
      this.expect(',');
      const value = this.fullIdent('a map value type');
      this.expect('>');
      map = { key, value };
      written = `map<${key}, ${value}>`;
    } else written = this.fullIdent('a field type');
    const name = this.ident('a field name').text;
    this.expect('=');
    const numberToken = this.peek();
    const number = this.integer('a field number');
    if (number < 1 || number > MAX_FIELD_NUMBER || (number >= 19000 && number <= 19999))
      this.fail(`field number ${number} of "${name}" is out of range or reserved`, numberToken);
    const options = this.fieldOptions();
    this.expect(';');
    const field: ProtoField = {
      name,
      number,
      type: written,
      written,
      kind: map ? 'map' : 'scalar',
      options,
      description: describeComment(first.comments),
      line: first.line,
    };
    if (map) field.map = { ...map, valueKind: 'scalar' };
    if (label === 'repeated') field.repeated = true;
    if (label === 'optional') field.optional = true;
    return field;
  }

  enumeration(scope: string): ProtoEnum {
    const start = this.expect('enum');
    const name = this.ident('an enum name').text;
    const result: ProtoEnum = {
      name,
      fullName: scope ? `${scope}.${name}` : name,
      values: [],
      options: {},
      description: describeComment(start.comments),
      line: start.line,
    };
    this.expect('{');
    while (!this.accept('}')) {
      const token = this.peek() ?? this.fail(`enum ${name} is not closed`, start);
      if (this.accept(';')) continue;
      if (token.text === 'option' && !this.is('=', 1)) this.statementOption(result.options);
      else if (token.text === 'reserved' && !this.is('=', 1)) this.reserved(undefined);
      else {
        const valueName = this.ident('an enum value name').text;
        this.expect('=');
        const number = this.integer('an enum value number');
        const options = this.fieldOptions();
        this.expect(';');
        const seen = result.values.find((v) => v.number === number);
        if (seen && result.options.allow_alias !== true)
          this.fail(`enum value ${valueName} reuses number ${number} of ${seen.name} (set option allow_alias = true)`, token);
        if (result.values.some((v) => v.name === valueName)) this.fail(`enum value ${valueName} is defined twice`, token);
        if (result.values.length === 0 && number !== 0) this.fail(`the first value of enum ${name} must be zero in proto3`, token);
        result.values.push({ name: valueName, number, options, description: describeComment(token.comments) });
      }
    }
    return result;
  }
}

function unquote(text: string): string {
  const body = text.slice(1, -1);
  return body.replace(/\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return ({ n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' } as Record<string, string>)[e] ?? e;
  });
}

/** Parses .proto text; throws ProtoSyntaxError (with the line) on anything it cannot parse or resolve. */
export function parseProto(text: string): ProtoFile {
  const file = new Parser(tokenize(text)).file();
  resolveTypes(file);
  return file;
}
