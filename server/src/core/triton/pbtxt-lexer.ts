// Splits protobuf text format into tokens with offsets and line positions, collects `#`
// comments, and reports lexical errors (bad strings and numbers, `//` used as a comment).
import type { PbComment } from './pbtxt-ast';
import { readNumber, readString, type RawError } from './pbtxt-literals';

export type TokenKind = 'identifier' | 'string' | 'integer' | 'float' | 'symbol' | 'invalid' | 'eof';

export interface Token {
  /** `symbol` covers punctuation and stray characters; `invalid` a malformed number (reported). */
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
  /** Zero-based line of `start`. */
  line: number;
  /** Offset of `start` from its line's start. */
  column: number;
  /** Column of the first token of this token's line. */
  indent: number;
  /** True for the first token of its line. */
  first: boolean;
  /** Decoded value of a string literal. */
  string?: string;
  number?: number;
  bigint?: bigint;
}

export interface LexResult {
  tokens: Token[];
  comments: PbComment[];
  errors: RawError[];
}

// The main loop reads character codes, not one-character strings: large configs lex several times faster.
const isDigitCode = (code: number) => code >= 48 && code <= 57;
const isIdentStartCode = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
const isIdentPartCode = (code: number) => isIdentStartCode(code) || isDigitCode(code);
/** Space, tab, vertical tab, form feed. */
const isBlankCode = (code: number) => code === 32 || code === 9 || code === 11 || code === 12;

function lineEnd(src: string, from: number): number {
  let i = from;
  while (i < src.length && src.charCodeAt(i) !== 10 && src.charCodeAt(i) !== 13) i++;
  return i;
}

export function lex(src: string): LexResult {
  const tokens: Token[] = [];
  const comments: PbComment[] = [];
  const errors: RawError[] = [];
  let i = 0;
  let line = 0;
  let lineStart = 0;
  let lastLine = -1;
  let indent = 0;
  // Every token gets the same fields in the same order (one object shape): files of tens of thousands of lines lex fast.
  const push = (kind: TokenKind, start: number, end: number, string?: string, number?: number, bigint?: bigint) => {
    const first = line !== lastLine;
    if (first) indent = start - lineStart;
    lastLine = line;
    tokens.push({ kind, start, end, text: src.slice(start, end), line, column: start - lineStart, indent, first, string, number, bigint });
  };
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 10 || c === 13) {
      i += c === 13 && src.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      lineStart = i;
      continue;
    }
    if (isBlankCode(c)) {
      i++;
      continue;
    }
    if (c === 35 /* # */) {
      const end = lineEnd(src, i);
      comments.push({ start: i, end, text: src.slice(i, end) });
      i = end;
      continue;
    }
    if (c === 47 /* / */ && src.charCodeAt(i + 1) === 47) {
      errors.push({
        start: i,
        end: i + 2,
        code: 'pbtxt/slash-comment',
        message: '"//" does not start a comment in protobuf text format: comments start with "#".',
      });
      i = lineEnd(src, i);
      continue;
    }
    const start = i;
    if (isIdentStartCode(c)) {
      i++;
      while (isIdentPartCode(src.charCodeAt(i))) i++;
      push('identifier', start, i);
    } else if (isDigitCode(c) || (c === 46 /* . */ && isDigitCode(src.charCodeAt(i + 1)))) {
      const literal = readNumber(src, start, errors);
      i = literal.end;
      push(literal.kind, start, i, undefined, literal.number, literal.bigint);
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      const literal = readString(src, start, errors);
      i = literal.end;
      push('string', start, i, literal.value);
    } else {
      const cp = src.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      push('symbol', start, i);
    }
  }
  const eofLine = line !== lastLine;
  tokens.push({
    kind: 'eof',
    start: src.length,
    end: src.length,
    text: '',
    line,
    column: src.length - lineStart,
    indent: eofLine ? src.length - lineStart : indent,
    first: eofLine,
    string: undefined,
    number: undefined,
    bigint: undefined,
  });
  return { tokens, comments, errors };
}
