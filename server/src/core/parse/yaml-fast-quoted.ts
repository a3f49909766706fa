// Quoted scalars for the fast parser, single- and double-quoted, on one line or folded over
// several. Values are computed exactly as the `yaml` library computes them (its folding rules are
// ported below), and anything the library would report makes the fast path give up.
import type { ScalarNode } from '../document';
import { CR, Cursor, LF, giveUp } from './yaml-fast-cursor';

const BACKSLASH = 92;
const DOUBLE = 34;
const SINGLE = 39;

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };
const HEX = /^[0-9a-fA-F]+$/;

/**
 * A line break inside a quoted scalar: the next line, unless blank, must be indented deeper than
 * the collection holding the scalar (the library reports it otherwise). Returns the offset of
 * the next line's first non-space character.
 */
function continuation(cursor: Cursor, lf: number, parentCol: number): number {
  const first = cursor.skipSpaces(lf + 1);
  if (first >= cursor.length) giveUp();
  if (!cursor.isLineEnd(first) && first - (lf + 1) <= parentCol) giveUp();
  return first;
}

/** Reads a quoted scalar from its opening quote. A multi-line one is allowed only where `multiLine`. */
export function readQuoted(cursor: Cursor, start: number, parentCol: number, multiLine: boolean): ScalarNode {
  const text = cursor.text;
  const quote = text.charCodeAt(start);
  let simple = true;
  let lines = false;
  let i = start + 1;
  for (;;) {
    const ch = text.charCodeAt(i);
    if (i >= cursor.length) giveUp();
    if (ch === quote) {
      if (quote === SINGLE && text.charCodeAt(i + 1) === SINGLE) {
        simple = false;
        i += 2;
        continue;
      }
      break;
    }
    if (ch === LF) {
      if (!multiLine) giveUp();
      lines = true;
      i = continuation(cursor, i, parentCol);
    } else if (ch === BACKSLASH && quote === DOUBLE) {
      simple = false;
      // An escaped line break still starts a line whose indentation must be checked.
      const next = text.charCodeAt(i + 1);
      i += next === LF || next === CR ? 1 : 2;
    } else {
      i++;
    }
  }
  const end = i + 1;
  let value: string;
  if (simple && !lines) value = text.slice(start + 1, i);
  else if (quote === DOUBLE) value = doubleQuotedValue(text.slice(start, end));
  else value = unfold(text.slice(start + 1, i)).replace(/''/g, "'");
  return { kind: 'scalar', start, end, value, quoted: true };
}

const TRIM_END = /[ \t]+$/;
const TRIM_BOTH = /^[ \t]+|[ \t]+$/g;
const TRIM_START = /^[ \t]+/;

/** Line folding of plain and single-quoted scalars, as the library's `unfoldLines`. */
export function unfold(source: string): string {
  const lines = source.split(/\r?\n/);
  if (lines.length === 1) return source;
  let result = lines[0].replace(TRIM_END, '');
  let separator = ' ';
  for (let k = 1; k < lines.length - 1; k++) {
    const line = lines[k].replace(TRIM_BOTH, '');
    if (line === '') {
      if (separator === '\n') result += separator;
      else separator = '\n';
    } else {
      result += separator + line;
      separator = ' ';
    }
  }
  return result + separator + lines[lines.length - 1].replace(TRIM_START, '');
}

/** A line break and the blank lines after it: one space, or one newline per blank line. */
function foldNewline(source: string, offset: number): { fold: string; offset: number } {
  let fold = '';
  let ch = source[offset + 1];
  while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
    if (ch === '\r' && source[offset + 2] !== '\n') break;
    if (ch === '\n') fold += '\n';
    offset += 1;
    ch = source[offset + 1];
  }
  return { fold: fold || ' ', offset };
}

/** The value of a double-quoted scalar (source with its quotes), as the library's `doubleQuotedValue`. */
function doubleQuotedValue(source: string): string {
  let result = '';
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i];
    if (ch === '\r' && source[i + 1] === '\n') continue;
    if (ch === '\n') {
      const { fold, offset } = foldNewline(source, i);
      result += fold;
      i = offset;
    } else if (ch === '\\') {
      let next = source[++i];
      const escaped = ESCAPES[next];
      if (escaped) {
        result += escaped;
      } else if (next === '\n' || (next === '\r' && source[i + 1] === '\n')) {
        // An escaped line break joins the lines without a space.
        if (next === '\r') i++;
        next = source[i + 1];
        while (next === ' ' || next === '\t') next = source[++i + 1];
      } else if (HEX_LENGTH[next]) {
        const length = HEX_LENGTH[next];
        const digits = source.substr(i + 1, length);
        const code = digits.length === length && HEX.test(digits) ? parseInt(digits, 16) : NaN;
        if (!(code <= 0x10ffff)) giveUp();
        result += String.fromCodePoint(code);
        i += length;
      } else {
        giveUp();
      }
    } else if (ch === ' ' || ch === '\t') {
      // Spaces before a line break are dropped; elsewhere they are kept.
      const wsStart = i;
      let next = source[i + 1];
      while (next === ' ' || next === '\t') next = source[++i + 1];
      if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n')) result += i > wsStart ? source.slice(wsStart, i + 1) : ch;
    } else {
      result += ch;
    }
  }
  return result;
}
