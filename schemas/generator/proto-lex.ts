// Splits .proto text into tokens with line numbers, attaching to each token the comment block
// directly before it, and turns such a block (Triton's `//@@` Sphinx style too) into clean prose.

export type TokenKind = 'ident' | 'number' | 'string' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** The token as written (strings keep their quotes). */
  text: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  /** The comment lines directly before the token (no blank line between), markers removed. */
  comments?: string[];
}

export class ProtoSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column = 0,
  ) {
    super(`line ${line}${column ? `:${column}` : ''}: ${message}`);
    this.name = 'ProtoSyntaxError';
  }
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /(?:0[xX][0-9A-Fa-f]+|\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/y;
const STRING = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/y;
const SYMBOLS = '{}[]()<>=;,.-+:';

/** Tokenizes proto source; throws ProtoSyntaxError on characters that start no token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  let pending: string[] = [];
  let pendingEnd = -1; // line on which the pending comment block ends
  let lastTokenLine = -1;
  let i = 0;
  const comment = (lines: string[], startLine: number, endLine: number): void => {
    if (startLine === lastTokenLine) return; // a trailing comment belongs to the token before it
    if (pending.length === 0 || startLine > pendingEnd + 1) pending = [];
    pending.push(...lines);
    pendingEnd = endLine;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      lineStart = ++i;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') {
      i++;
      continue;
    }
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      comment([text.slice(i + 2, stop).replace(/\r$/, '')], line, line);
      i = stop;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new ProtoSyntaxError('unterminated /* comment', line, i - lineStart + 1);
      const body = text
        .slice(i + 2, end)
        .split('\n')
        .map((l, n) => (n === 0 ? l : l.replace(/^\s*\*(?!\/)/, '')).replace(/\r$/, ''));
      const startLine = line;
      for (let k = i; k < end; k++) {
        if (text[k] !== '\n') continue;
        line++;
        lineStart = k + 1;
      }
      comment(body, startLine, line);
      i = end + 2;
      continue;
    }
    const column = i - lineStart + 1;
    let kind: TokenKind | undefined;
    let match: string | undefined;
    for (const [k, pattern] of [
      ['ident', IDENT],
      ['number', NUMBER],
      ['string', STRING],
    ] as const) {
      pattern.lastIndex = i;
      const m = pattern.exec(text);
      if (m) {
        kind = k;
        match = m[0];
        break;
      }
    }
    if (!kind && SYMBOLS.includes(ch)) {
      kind = 'symbol';
      match = ch;
    }
    if (!kind || match === undefined) {
      const what = ch === '"' || ch === "'" ? 'unterminated string' : `unexpected character ${JSON.stringify(ch)}`;
      throw new ProtoSyntaxError(what, line, column);
    }
    const token: Token = { kind, text: match, line, column };
    if (pending.length && pendingEnd >= line - 1) token.comments = pending;
    pending = [];
    lastTokenLine = line;
    tokens.push(token);
    i += match.length;
  }
  return tokens;
}

/** A Sphinx directive line (`.. cpp:var:: int32 count`, `.. cpp::var::`, `.. cpp:namespace::`). */
const DIRECTIVE = /^\s*\.\.\s+[\w:]+::/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * The description in a comment block: `@@` markers and Sphinx directive lines (with their
 * continuation lines) removed, paragraphs reflowed into single lines and separated by a blank
 * line; lines indented deeper than the paragraph (lists, tables) keep their own line.
 */
export function describeComment(lines: string[] | undefined): string | undefined {
  if (!lines) return undefined;
  const prose: string[] = [];
  let directiveIndent = -1;
  for (const raw of lines) {
    const line = raw.replace(/^@@/, '').replace(/\s+$/, '');
    if (DIRECTIVE.test(line)) {
      directiveIndent = indentOf(line);
      continue;
    }
    if (directiveIndent >= 0 && line !== '' && indentOf(line) > directiveIndent) continue;
    directiveIndent = -1;
    prose.push(line.replace(/:cpp:\w+:`([^`]*)`/g, "'$1'"));
  }
  const base = Math.min(...prose.filter((l) => l !== '').map(indentOf));
  const paragraphs: string[] = [];
  let current: string[] = [];
  let paragraphIndent = 0;
  let lastIndent = -1;
  const flush = (): void => {
    if (current.length) paragraphs.push(current.join('\n'));
    current = [];
  };
  for (const line of prose) {
    if (line === '') {
      lastIndent = -1;
      flush();
      continue;
    }
    const indent = indentOf(line);
    if (!current.length) paragraphIndent = indent;
    // Prose (not deeper, table-like lines) gets single spaces between words.
    const words = indent <= paragraphIndent ? line.trim().replace(/ {2,}/g, ' ') : line.trim();
    const text = ' '.repeat(Math.max(0, indent - base)) + words;
    const last = current.length - 1;
    const item = /^[-*] /.test(line.trimStart());
    const previous = current[last] ?? '';
    const continuesItem = /^\s*[-*] /.test(previous) && indent > paragraphIndent;
    // A deeper line wrapping the deeper line before it (which ends like prose, not like a table row).
    const wraps = indent === lastIndent && /[\w.,;:]$/.test(previous) && !/\S {2,}\S/.test(previous);
    if (last >= 0 && !item && (indent <= paragraphIndent || continuesItem || wraps)) current[last] += ` ${words}`;
    else current.push(text);
    lastIndent = indent;
  }
  flush();
  const description = paragraphs.join('\n\n').trim();
  return description || undefined;
}
