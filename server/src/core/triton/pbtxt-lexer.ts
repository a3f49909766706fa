// Splits protobuf text format into tokens with offsets and line positions, collects `#`
// comments, and reports lexical errors (bad strings and numbers, `//` used as a comment).
import type { PbComment } from './pbtxt-ast';
import { isIdentPart, isIdentStart, readNumber, readString, type RawError } from './pbtxt-literals';

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

const WHITESPACE = new Set([' ', '\t', '\v', '\f']);

function lineEnd(src: string, from: number): number {
  let i = from;
  while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
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
  const push = (kind: TokenKind, start: number, end: number, extra: Partial<Token> = {}) => {
    const first = line !== lastLine;
    if (first) indent = start - lineStart;
    lastLine = line;
    tokens.push({ kind, start, end, text: src.slice(start, end), line, column: start - lineStart, indent, first, ...extra });
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\n' || c === '\r') {
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      lineStart = i;
      continue;
    }
    if (WHITESPACE.has(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      const end = lineEnd(src, i);
      comments.push({ start: i, end, text: src.slice(i, end) });
      i = end;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
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
    if (isIdentStart(c)) {
      while (isIdentPart(src[i])) i++;
      push('identifier', start, i);
    } else if ((c >= '0' && c <= '9') || (c === '.' && src[i + 1] >= '0' && src[i + 1] <= '9')) {
      const literal = readNumber(src, start, errors);
      i = literal.end;
      push(literal.kind, start, i, { number: literal.number, bigint: literal.bigint });
    } else if (c === '"' || c === "'") {
      const literal = readString(src, start, errors);
      i = literal.end;
      push('string', start, i, { string: literal.value });
    } else {
      const cp = src.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      push('symbol', start, i);
    }
  }
  const eofLine = line !== lastLine;
  tokens.push({
    kind: 'eof', start: src.length, end: src.length, text: '', line, column: src.length - lineStart,
    indent: eofLine ? src.length - lineStart : indent, first: eofLine,
  });
  return { tokens, comments, errors };
}
