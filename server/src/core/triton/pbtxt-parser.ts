// Parses protobuf text format into the PbDocument tree, reporting one finding per syntax error
// and resynchronising after it (at the next field name, line or closing brace).
import { LineIndex } from '../text-lines';
import type { Finding } from '../types';
import type { PbDocument, PbField, PbList, PbMessage } from './pbtxt-ast';
import { lex, type Token } from './pbtxt-lexer';
import type { RawError } from './pbtxt-literals';
import { isClose, isOpen, isSymbol, startsValue } from './pbtxt-cursor';
import { closerOf, messages } from './pbtxt-messages';
import { ScalarParser } from './pbtxt-scalar-parser';

const MAX_DEPTH = 100;

class Parser extends ScalarParser {
  /** Opening braces found unclosed: in the second pass, these close where indentation says. */
  readonly unclosed: number[] = [];

  constructor(
    text: string,
    tokens: Token[],
    private readonly suspects: ReadonlySet<number>,
  ) {
    super(text, tokens);
  }

  parseRoot(): PbMessage {
    const root: PbMessage = { kind: 'message', start: 0, end: this.text.length, closed: true, fields: [] };
    while (this.peek().kind !== 'eof') {
      const token = this.peek();
      if (isClose(token)) {
        this.report(token.start, token.end, 'pbtxt/extra-brace', messages.extraCloser(token.text));
        this.next();
      } else this.parseMember(root.fields, 0, false);
    }
    return root;
  }

  /** Parses what stands where a field belongs: a field, or something reported and skipped. */
  private parseMember(fields: PbField[], depth: number, byIndent: boolean): void {
    const token = this.peek();
    if (token.kind === 'identifier') {
      fields.push(this.parseField(depth, byIndent));
      return;
    }
    const nameLike = token.kind === 'string' || token.kind === 'integer' || token.kind === 'float' || token.kind === 'invalid';
    if (token.kind !== 'invalid') {
      const code = nameLike ? 'pbtxt/bad-field-name' : 'pbtxt/unexpected-token';
      this.report(token.start, token.end, code, messages.expectedFieldName(token));
    }
    if (isOpen(token) || isSymbol(token, '[')) {
      // A message or list without a name: skip it whole, so its closer does not close ours.
      if (isOpen(token)) this.parseMessage(depth + 1, byIndent);
      else this.parseList(depth, byIndent);
      return;
    }
    this.next();
    if (nameLike && isSymbol(this.peek(), ':', '{', '<', '[')) {
      // Parse the rest as a field so its value does not cascade; it has no usable name.
      this.parseFieldRest(this.newField(token), token, depth, byIndent);
      return;
    }
    this.skipRestOfLine(token.line, depth, byIndent);
  }

  /** Skips tokens on `line` up to the next field or closing brace; braces skipped as wholes. */
  private skipRestOfLine(line: number, depth: number, byIndent: boolean): void {
    for (let token = this.peek(); token.kind !== 'eof' && token.line === line; token = this.peek()) {
      if (isClose(token) || this.atFieldStart()) return;
      if (isOpen(token)) this.parseMessage(depth + 1, byIndent);
      else if (isSymbol(token, '[')) this.parseList(depth, byIndent);
      else this.next();
    }
  }

  private newField(name: Token): PbField {
    return { name: name.text, nameStart: name.start, nameEnd: name.end, value: null, start: name.start, end: name.end };
  }

  private parseField(depth: number, byIndent: boolean): PbField {
    const name = this.next();
    const field = this.newField(name);
    this.parseFieldRest(field, name, depth, byIndent);
    return field;
  }

  private parseFieldRest(field: PbField, name: Token, depth: number, byIndent: boolean): void {
    let token = this.peek();
    let colon = isSymbol(token, ':');
    if (!colon && isSymbol(token, '=') && token.line === name.line && (startsValue(this.peek(1)) || isOpen(this.peek(1)))) {
      this.report(token.start, token.end, 'pbtxt/missing-colon', messages.expectedColon(token));
      colon = true;
    }
    if (colon) {
      if (token.text === ':') field.colon = token.start;
      field.end = token.end;
      this.next();
      token = this.peek();
    }
    if (isOpen(token)) field.value = this.parseMessage(depth + 1, byIndent);
    else if (isSymbol(token, '[')) {
      const list = this.parseList(depth, byIndent);
      field.value = list;
      if (!colon && list.items.some((item) => item.kind === 'scalar')) {
        this.report(token.start, token.end, 'pbtxt/missing-colon', messages.expectedColon(token));
      }
    } else if (colon) {
      const nextField = token.kind === 'identifier' && (isSymbol(this.peek(1), ':') || (isOpen(this.peek(1)) && token.line !== name.line));
      if (startsValue(token) && !nextField) field.value = this.parseScalar();
      else {
        const stray = token.kind === 'symbol' && token.line === name.line && !isClose(token) && !isSymbol(token, ';', ',');
        if (stray) {
          this.report(token.start, token.end, 'pbtxt/unexpected-token', messages.missingValueAfterColon(field.name, token));
          this.skipRestOfLine(name.line, depth, byIndent);
        } else this.report(name.start, field.end, 'pbtxt/missing-value', messages.missingValueAfterColon(field.name, token));
      }
    } else if (startsValue(token) && token.line === name.line && !this.atFieldStart()) {
      if (token.kind !== 'invalid') this.report(token.start, token.end, 'pbtxt/missing-colon', messages.expectedColon(token));
      field.value = this.parseScalar();
    } else {
      this.report(name.start, name.end, 'pbtxt/missing-value', messages.missingValueAfterName(field.name, token));
      if (token.line === name.line && !isClose(token) && !isSymbol(token, ';', ',') && !this.atFieldStart()) {
        this.skipRestOfLine(name.line, depth, byIndent);
      }
    }
    if (field.value) field.end = Math.max(field.end, field.value.end);
    const separator = this.peek();
    if (isSymbol(separator, ';', ',')) {
      field.separator = separator.start;
      field.end = separator.end;
      this.next();
    }
  }

  /** Parses `{…}` or `<…>` at the current token. */
  private parseMessage(depth: number, byIndent: boolean): PbMessage {
    const open = this.next();
    const message: PbMessage = {
      kind: 'message',
      start: open.start,
      end: open.end,
      open: open.text as '{' | '<',
      closed: false,
      fields: [],
    };
    if (depth > MAX_DEPTH) {
      this.report(open.start, open.end, 'pbtxt/too-deep', messages.tooDeep(MAX_DEPTH));
      this.skipBalanced(message);
      return message;
    }
    const indentClose = byIndent || this.suspects.has(open.start);
    for (;;) {
      const token = this.peek();
      if (token.kind === 'eof' || (indentClose && token.first && token.indent <= open.indent && !isClose(token))) {
        this.report(open.start, open.end, 'pbtxt/unclosed-brace', messages.unclosedMessage(open.text));
        this.unclosed.push(open.start);
        return message;
      }
      if (isClose(token)) {
        this.next();
        if (token.text !== closerOf(open.text)) {
          this.report(token.start, token.end, 'pbtxt/mismatched-brace', messages.mismatched(open.text, token.text));
          // A stray closer when the right one follows on the line: skip it, do not close.
          if (this.closerLaterOnLine(closerOf(open.text), token.line)) continue;
        }
        message.closed = true;
        message.end = token.end;
        return message;
      }
      this.parseMember(message.fields, depth, indentClose);
      if (message.fields.length) message.end = Math.max(message.end, message.fields[message.fields.length - 1].end);
    }
  }

  /** Whether `closer` closes the current message later on `line`. */
  private closerLaterOnLine(closer: string, line: number): boolean {
    let level = 0;
    for (let ahead = 0; ; ahead++) {
      const token = this.peek(ahead);
      if (token.kind === 'eof' || token.line !== line) return false;
      if (isOpen(token)) level++;
      else if (isClose(token) && level-- === 0) return token.text === closer;
    }
  }

  /** Past the nesting limit: skips to the matching closer without building anything. */
  private skipBalanced(message: PbMessage): void {
    let level = 1;
    while (level > 0 && this.peek().kind !== 'eof') {
      const token = this.next();
      if (isOpen(token)) level++;
      else if (isClose(token)) level--;
      message.end = token.end;
    }
    message.closed = level === 0;
  }

  /** Parses `[…]` at the current token: scalars and messages separated by commas. */
  private parseList(depth: number, byIndent: boolean): PbList {
    const open = this.next();
    const list: PbList = { kind: 'list', start: open.start, end: open.end, items: [] };
    let expectItem = true;
    let afterComma = false;
    let recovering = false;
    let missingComma = false;
    for (;;) {
      const token = this.peek();
      if (isSymbol(token, ']')) {
        if (afterComma) this.report(token.start, token.end, 'pbtxt/unexpected-token', messages.trailingComma());
        this.next();
        list.end = token.end;
        return list;
      }
      const fieldStart = token.kind === 'identifier' && isSymbol(this.peek(1), ':', '{', '<');
      if (
        token.kind === 'eof' ||
        isClose(token) ||
        isSymbol(token, ':') ||
        fieldStart ||
        (byIndent && token.first && token.indent <= open.indent)
      ) {
        this.report(open.start, open.end, 'pbtxt/unclosed-bracket', messages.unclosedList());
        return list;
      }
      if (expectItem || startsValue(token) || isOpen(token)) {
        if (!expectItem && !missingComma)
          this.report(token.start, token.end, 'pbtxt/unexpected-token', messages.expectedCommaOrClose(token));
        missingComma = !expectItem;
        const item = isOpen(token) ? this.parseMessage(depth + 1, byIndent) : startsValue(token) ? this.parseScalar() : null;
        if (item) {
          list.items.push(item);
          list.end = item.end;
          recovering = false;
        } else if (!startsValue(token)) {
          if (!recovering) this.report(token.start, token.end, 'pbtxt/unexpected-token', messages.expectedListValue(token));
          recovering = true;
          this.next();
        }
        expectItem = afterComma = isSymbol(token, ',');
      } else if (isSymbol(token, ',')) {
        this.next();
        list.end = token.end;
        expectItem = afterComma = true;
      } else {
        if (!recovering) this.report(token.start, token.end, 'pbtxt/unexpected-token', messages.expectedCommaOrClose(token));
        recovering = true;
        this.next();
      }
    }
  }
}

function toFinding(lines: LineIndex, error: RawError): Finding {
  return { range: lines.range(error.start, error.end), severity: 'error', code: error.code, message: error.message };
}

/** Parses a text format file; never throws, whatever the text. */
export function parsePbtxt(text: string): PbDocument {
  const { tokens, comments, errors: lexErrors } = lex(text);
  let parser = new Parser(text, tokens, new Set());
  let root = parser.parseRoot();
  if (parser.unclosed.length) {
    // Something is unclosed: parse again, closing the messages concerned where a line is
    // indented no deeper than the line that opened them, so the fields after stay in place.
    const second = new Parser(text, tokens, new Set(parser.unclosed));
    const secondRoot = second.parseRoot();
    if (second.errors.length <= parser.errors.length) [parser, root] = [second, secondRoot];
  }
  const lexStarts = new Set(lexErrors.map((error) => error.start));
  const all = [...lexErrors, ...parser.errors.filter((error) => !lexStarts.has(error.start))].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  const lines = new LineIndex(text);
  return { text, lines, root, comments, findings: all.map((error) => toFinding(lines, error)) };
}
