// Format Document for protobuf text format (Triton `config.pbtxt`): rewrites a file without syntax
// errors in one canonical layout from its parse tree, keeping every value and comment. Pure.
import type { PbComment, PbField, PbList, PbMessage, PbScalar } from './pbtxt-ast';
import { lex } from './pbtxt-lexer';
import { parsePbtxt } from './pbtxt-parser';

/*
 * The canonical form: two-space indentation, one field per line; `name: value` for scalars and
 * `name {` … `}` for messages (`<>` and `name: {` become `{}`; an empty message is `name {}`).
 * Lists keep list syntax: scalars on one line `name: [ 1, 2 ]` (`name: []` when empty), messages
 * one per block (`name [`, `{` … `},`, `]`); a list holding a comment, or both scalars and
 * messages, is written one item a line (with the colon unless it holds only messages).
 * Scalars are copied from the source; one spanning lines is put on one line (adjacent strings
 * joined by one space, a `-` glued to its number). Separators `;` `,` after fields are dropped.
 * Comments: one on its own line stays on its own line, indented like what follows it (a field,
 * a list item, or the closing bracket — then at the body's indentation); a trailing comment stays
 * at the end of the line of the code before it, after one space (if that line already carries a
 * comment, it moves to its own line). One blank line is kept wherever the source had one or more
 * between fields, list items and own-line comments; none after an opening bracket, before a
 * closing one, or at the start of the file. Lines end with `\n` whatever the input used (CRLF and
 * CR become LF); the file ends with exactly one `\n` (an empty file stays empty).
 */

const INDENT = '  ';
const BLANK_LINE = /\n[ \t\f\v]*\n/;

interface Line {
  indent: number;
  code: string;
  comment?: string;
}

class Formatter {
  private readonly lines: (Line | null)[] = []; // null: a blank line
  private nextComment = 0;
  /** Source offset up to which everything has been written. */
  private cursor = 0;
  /** True right after an opening bracket or at the start of the file: no blank line here. */
  private atBodyStart = true;

  constructor(
    private readonly text: string,
    private readonly comments: PbComment[],
  ) {}

  format(root: PbMessage): string {
    this.fields(root.fields, 0);
    this.flushComments(this.text.length, 0);
    const out = this.lines.map((line) =>
      line ? INDENT.repeat(line.indent) + line.code + (line.comment ? (line.code ? ' ' : '') + line.comment : '') : '',
    );
    return out.length ? out.join('\n') + '\n' : '';
  }

  private fields(fields: PbField[], indent: number): void {
    for (const field of fields) this.field(field, indent);
  }

  private field(field: PbField, indent: number): void {
    const value = field.value!;
    this.startElement(field.start, indent);
    if (value.kind === 'scalar') {
      this.push(indent, `${field.name}: ${this.scalar(value)}`, field.end);
    } else if (value.kind === 'message') {
      this.message(value, `${field.name} `, indent, '');
    } else this.list(value, field.name, indent);
    this.cursor = Math.max(this.cursor, field.end);
  }

  /** Writes `{` … `}` after `prefix`, then `suffix` after the closing brace. */
  private message(message: PbMessage, prefix: string, indent: number, suffix: string): void {
    if (!message.fields.length && !this.hasComment(message.start, message.end)) {
      this.push(indent, `${prefix}{}${suffix}`, message.end);
      return;
    }
    this.open(indent, `${prefix}{`, message.start + 1);
    this.fields(message.fields, indent + 1);
    this.close(message.end - 1, indent, `}${suffix}`, message.end);
  }

  private list(list: PbList, name: string, indent: number): void {
    const messages = list.items.length > 0 && list.items.every((item) => item.kind === 'message');
    const head = messages ? `${name} [` : `${name}: [`;
    if (list.items.every((item) => item.kind === 'scalar') && !this.hasComment(list.start, list.end)) {
      const items = list.items.map((item) => this.scalar(item)).join(', ');
      this.push(indent, items ? `${head} ${items} ]` : `${head}]`, list.end);
      return;
    }
    this.open(indent, head, list.start + 1);
    list.items.forEach((item, i) => {
      const comma = i < list.items.length - 1 ? ',' : '';
      this.startElement(item.start, indent + 1);
      if (item.kind === 'message') this.message(item, '', indent + 1, comma);
      else this.push(indent + 1, this.scalar(item) + comma, item.end);
    });
    this.close(list.end - 1, indent, ']', list.end);
  }

  /** A scalar as written; one spanning lines (strings concatenated, `-` then a number) joined. */
  private scalar(scalar: PbScalar): string {
    if (!/[\r\n]/.test(scalar.text)) return scalar.text;
    const parts = lex(scalar.text)
      .tokens.filter((token) => token.kind !== 'eof')
      .map((token) => token.text);
    return scalar.negative ? `-${parts.slice(1).join(' ')}` : parts.join(' ');
  }

  /** Whether a comment starts strictly inside `start`…`end` (comments are sorted: binary search). */
  private hasComment(start: number, end: number): boolean {
    let low = 0;
    let high = this.comments.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.comments[mid].start <= start) low = mid + 1;
      else high = mid;
    }
    return low < this.comments.length && this.comments[low].start < end;
  }

  /** Before a field or list item at `start`: its preceding comments, then a blank line if any. */
  private startElement(start: number, indent: number): void {
    this.flushComments(start, indent);
    this.blankLineBefore(start);
  }

  private blankLineBefore(start: number): void {
    if (!this.atBodyStart && this.cursor < start && BLANK_LINE.test(this.text.slice(this.cursor, start).replace(/\r\n?/g, '\n')))
      this.lines.push(null);
    this.atBodyStart = false;
  }

  private push(indent: number, code: string, end: number): void {
    this.lines.push({ indent, code });
    this.cursor = Math.max(this.cursor, end);
  }

  private open(indent: number, code: string, end: number): void {
    this.push(indent, code, end);
    this.atBodyStart = true;
  }

  /** Writes the closing bracket at `at`, after the comments that end the body. */
  private close(at: number, indent: number, code: string, end: number): void {
    this.flushComments(at, indent + 1);
    this.push(indent, code, end);
    this.atBodyStart = false;
  }

  /** Writes the comments before `upTo`: trailing ones after the last line, the others on their own. */
  private flushComments(upTo: number, indent: number): void {
    while (this.nextComment < this.comments.length && this.comments[this.nextComment].start < upTo) {
      const comment = this.comments[this.nextComment++];
      const last = this.lines[this.lines.length - 1];
      if (this.trails(comment) && last && !last.comment) last.comment = comment.text;
      else {
        this.blankLineBefore(comment.start);
        this.lines.push({ indent, code: '', comment: comment.text });
      }
      this.cursor = Math.max(this.cursor, comment.end);
    }
  }

  /** Whether code precedes the comment on its source line. */
  private trails(comment: PbComment): boolean {
    for (let i = comment.start - 1; i >= 0; i--) {
      const c = this.text[i];
      if (c === '\n' || c === '\r') return false;
      if (c !== ' ' && c !== '\t' && c !== '\f' && c !== '\v') return true;
    }
    return false;
  }
}

/** Formats a text format file; refuses (with the first error's line) when it has syntax errors. */
export function formatPbtxt(text: string): { text: string } | { error: string } {
  const document = parsePbtxt(text);
  const first = document.findings[0];
  if (first) {
    return { error: `Formatting needs a file without syntax errors: line ${first.range.start.line + 1}: ${first.message}` };
  }
  return { text: new Formatter(text, document.comments).format(document.root) };
}
