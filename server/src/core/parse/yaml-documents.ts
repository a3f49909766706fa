// Splits a YAML file into its documents without parsing them: at lines starting with `---` or
// `...` followed by a blank, which YAML forbids inside content, so each document can be parsed
// (and re-parsed after an edit) on its own.

/** A document's text in the file: whole lines, from `start` to `end` (exclusive). */
export interface DocumentChunk {
  start: number;
  end: number;
  /** Line of `start`, counted as LineIndex counts lines. */
  startLine: number;
}

interface RawChunk extends DocumentChunk {
  /** Starts with `---` or ends with `...`: a document even when empty. */
  marked: boolean;
  /** Holds something else than blank lines, comments and directives. */
  content: boolean;
}

const DASH = 45;
const DOT = 46;

function isMarker(text: string, offset: number, ch: number): boolean {
  if (text.charCodeAt(offset + 1) !== ch || text.charCodeAt(offset + 2) !== ch) return false;
  const after = text.charCodeAt(offset + 3);
  // As the library's lexer: a space, tab, line break or the end of the text.
  return offset + 3 >= text.length || after === 32 || after === 9 || after === 10 || after === 13;
}

/** A line that a stream may hold between documents: blank, a comment, or a directive. */
function isBetweenDocuments(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) === 37 /* % */) return true;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 32 || ch === 9) continue;
    return ch === 10 || ch === 13 || ch === 35; /* # */
  }
  return true;
}

function countLoneCRs(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\r', start); i !== -1 && i < end; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

function rawChunks(text: string): RawChunk[] {
  const chunks: RawChunk[] = [];
  const loneCRs = text.includes('\r') && /\r(?!\n)/.test(text);
  let chunk: RawChunk = { start: 0, end: 0, startLine: 0, marked: false, content: false };
  let line = 0;
  for (let start = 0; start < text.length;) {
    const lf = text.indexOf('\n', start);
    const next = lf === -1 ? text.length : lf + 1;
    const ch = text.charCodeAt(start);
    const lines = loneCRs ? 1 + countLoneCRs(text, start, next) : 1;
    if (ch === DASH && isMarker(text, start, DASH)) {
      if (start > chunk.start) chunks.push({ ...chunk, end: start });
      chunk = { start, end: 0, startLine: line, marked: true, content: false };
    } else if (ch === DOT && isMarker(text, start, DOT)) {
      // `...` ends its document: the line belongs to it, and what follows is a new chunk.
      chunks.push({ ...chunk, end: next, marked: true });
      chunk = { start: next, end: 0, startLine: line + lines, marked: false, content: false };
    } else if (!chunk.marked && !chunk.content && !isBetweenDocuments(text, start, next)) {
      chunk.content = true;
    }
    line += lines;
    start = next;
  }
  if (chunk.start < text.length) chunks.push({ ...chunk, end: text.length });
  return chunks;
}

/**
 * The documents of a file, as the `yaml` library counts them. Comments and directives before a
 * `---` belong to the document it starts (the library reads them so); after the last document
 * they belong to it; a file holding nothing else has no document.
 */
export function splitDocuments(text: string): DocumentChunk[] {
  const documents: DocumentChunk[] = [];
  let prefix: DocumentChunk | undefined;
  for (const { start, end, startLine, marked, content } of rawChunks(text)) {
    if (!marked && !content) {
      prefix ??= { start, end, startLine };
      continue;
    }
    documents.push(prefix ? { start: prefix.start, end, startLine: prefix.startLine } : { start, end, startLine });
    prefix = undefined;
  }
  if (prefix && documents.length > 0) documents[documents.length - 1].end = text.length;
  return documents;
}
