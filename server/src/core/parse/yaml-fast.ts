// A hand-written parser for the shape nearly every manifest has: block mappings and sequences
// of plain, quoted and block scalars, one-line flow collections and comments. It is several
// times faster than the `yaml` library; on anything else it gives up and the library parses.
import type { MapNode, ScalarNode, SeqNode, YamlNode } from '../document';
import { COLON, Cursor, DASH, GIVE_UP, HASH, INDICATOR, Stop, giveUp } from './yaml-fast-cursor';
import { readBlockScalar } from './yaml-fast-block';
import { hasDuplicateKey, readFlow } from './yaml-fast-flow';
import { readQuoted, unfold } from './yaml-fast-quoted';

const MAX_KEY_LENGTH = 1000; // the library rejects implicit keys longer than 1024 characters

/**
 * The document's root node, null for an empty document, or undefined when the document is not
 * in the subset this parser reads (including every document with a syntax error): the
 * library must parse it. Node offsets are offsets into `text`. `charactersChecked`: the caller
 * tested `supportedCharacters` on a text holding this one (one test of a whole file is cheaper).
 */
export function parseFast(text: string, charactersChecked = false): YamlNode | null | undefined {
  try {
    const cursor = new Cursor(text, charactersChecked);
    cursor.nextContentLine(0);
    if (cursor.col === -1) return null;
    const root = blockNode(cursor, -1);
    if (cursor.col !== -1) giveUp();
    return root;
  } catch (error) {
    // Deep nesting exhausting the stack is the library's problem too, not a crash of ours.
    if (error === GIVE_UP || error instanceof RangeError) return undefined;
    throw error;
  }
}

function isQuote(ch: number): boolean {
  return ch === 34 || ch === 39;
}

function isSeqEntry(cursor: Cursor, offset: number): boolean {
  return cursor.code(offset) === DASH && cursor.isBlank(offset + 1);
}

/** A plain scalar may start with `-` followed by a non-blank; every other indicator is the library's. */
function checkPlainStart(cursor: Cursor, offset: number): void {
  const ch = cursor.code(offset);
  if (ch < 128 && INDICATOR[ch] === 1 && (ch !== DASH || cursor.isBlank(offset + 1))) giveUp();
}

function isKeyColon(cursor: Cursor, offset: number): boolean {
  return cursor.code(offset) === COLON && cursor.isBlank(offset + 1);
}

/** A node that starts a line (the cursor is on it); `parentCol` is the column of the collection holding it. */
function blockNode(cursor: Cursor, parentCol: number): YamlNode {
  const start = cursor.pos;
  const col = cursor.col;
  const ch = cursor.code(start);
  if (isSeqEntry(cursor, start)) return blockSeq(cursor, col);
  if (isQuote(ch)) {
    const node = readQuoted(cursor, start, parentCol, true);
    const after = cursor.skipSpaces(node.end);
    if (isKeyColon(cursor, after)) return blockMap(cursor, col, quotedKey(cursor, node, after));
    if (parentCol < 0) giveUp(); // a scalar document: rare, the library's
    cursor.finishLine(node.end);
    return node;
  }
  if (ch === 91 || ch === 123) {
    if (parentCol < 0) giveUp();
    return flowValue(cursor, start);
  }
  checkPlainStart(cursor, start);
  const end = cursor.scanPlainLine(start);
  if (cursor.stop === Stop.Colon) return blockMap(cursor, col, key(cursor, start, end));
  if (parentCol < 0) giveUp();
  return plainValue(cursor, start, end, parentCol);
}

/** A quoted scalar followed by the `:` at `colon`, as a key: on one line. Moves past the colon. */
function quotedKey(cursor: Cursor, node: ScalarNode, colon: number): ScalarNode {
  const lf = cursor.text.indexOf('\n', node.start);
  if ((lf !== -1 && lf < node.end) || colon - node.start > MAX_KEY_LENGTH) giveUp();
  cursor.pos = colon + 1;
  return node;
}

/** A plain key whose colon the last scan stopped at; moves past the colon. */
function key(cursor: Cursor, start: number, end: number): ScalarNode {
  if (cursor.stopAt - start > MAX_KEY_LENGTH) giveUp();
  cursor.pos = cursor.stopAt + 1;
  return cursor.plainScalar(start, end, cursor.text.slice(start, end));
}

/** The key of a mapping entry that starts a line; moves past its colon. */
function readKey(cursor: Cursor): ScalarNode {
  const start = cursor.pos;
  if (isQuote(cursor.code(start))) {
    const node = readQuoted(cursor, start, -1, false);
    const colon = cursor.skipSpaces(node.end);
    if (!isKeyColon(cursor, colon)) giveUp();
    return quotedKey(cursor, node, colon);
  }
  checkPlainStart(cursor, start);
  const end = cursor.scanPlainLine(start);
  if (cursor.stop !== Stop.Colon) giveUp();
  return key(cursor, start, end);
}

/** A block mapping at `col` whose first key is read; the cursor is after that key's colon. */
function blockMap(cursor: Cursor, col: number, firstKey: ScalarNode): MapNode {
  // Entries gather on a shared stack, then move to an array of their exact size: arrays grown by
  // push keep room for 17 and more, which on a large file is megabytes for the collector to copy.
  const stack = cursor.entries;
  const base = cursor.entriesTop;
  let key = firstKey;
  let end: number;
  for (;;) {
    // A nested collection read here uses the stack above entriesTop and leaves it as it found it.
    const value = valueAfterIndicator(cursor, col, true);
    stack[cursor.entriesTop++] = { key, value };
    end = value === null ? cursor.emptyAt : value.end;
    if (cursor.col !== col) break;
    key = readKey(cursor);
  }
  const entries = stack.slice(base, cursor.entriesTop);
  cursor.entriesTop = base;
  if (cursor.col > col || hasDuplicateKey(entries)) giveUp();
  return { kind: 'map', start: firstKey.start, end, entries };
}

/** A block sequence whose first `-` is at the cursor, at `col`. */
function blockSeq(cursor: Cursor, col: number): SeqNode {
  const start = cursor.pos;
  const stack = cursor.items; // as in blockMap
  const base = cursor.itemsTop;
  let end: number;
  for (;;) {
    cursor.pos += 1;
    const item = valueAfterIndicator(cursor, col, false);
    stack[cursor.itemsTop++] = item;
    end = item === null ? cursor.emptyAt : item.end;
    // A line at the same column that is not an entry ends the sequence: its parent mapping's next key.
    if (cursor.col !== col || !isSeqEntry(cursor, cursor.pos)) break;
  }
  const items = stack.slice(base, cursor.itemsTop);
  cursor.itemsTop = base;
  if (cursor.col > col) giveUp();
  return { kind: 'seq', start, end, items };
}

/**
 * The value after a key's `:` or an entry's `-` (the cursor is just after it), in the collection
 * at `col`. Null for an empty value. A mapping's value may be a sequence at the mapping's column.
 */
function valueAfterIndicator(cursor: Cursor, col: number, inMap: boolean): YamlNode | null {
  const at = cursor.skipSpaces(cursor.pos);
  const ch = cursor.code(at);
  if (cursor.isLineEnd(at) || ch === HASH) {
    cursor.emptyAt = at;
    cursor.nextContentLine(cursor.nextLineStart(at));
    if (cursor.col > col) return blockNode(cursor, col);
    if (inMap && cursor.col === col && isSeqEntry(cursor, cursor.pos)) return blockSeq(cursor, col);
    return null;
  }
  const column = at - cursor.lineStart;
  if (isSeqEntry(cursor, at)) {
    if (inMap) giveUp(); // `key: - a`
    cursor.pos = at;
    cursor.col = column;
    return blockSeq(cursor, column);
  }
  if (isQuote(ch)) {
    const node = readQuoted(cursor, at, col, true);
    const after = cursor.skipSpaces(node.end);
    if (!isKeyColon(cursor, after)) {
      cursor.finishLine(node.end);
      return node;
    }
    // `- "key": value` starts a mapping inside the entry; in a mapping's value it is an error.
    if (inMap) giveUp();
    return blockMap(cursor, column, quotedKey(cursor, node, after));
  }
  if (ch === 91 || ch === 123) return flowValue(cursor, at);
  if (ch === 124 || ch === 62) return readBlockScalar(cursor, at, col);
  checkPlainStart(cursor, at);
  const end = cursor.scanPlainLine(at);
  if (cursor.stop === Stop.Colon) {
    if (inMap) giveUp(); // `a: b: c`
    return blockMap(cursor, column, key(cursor, at, end));
  }
  return plainValue(cursor, at, end, col);
}

function flowValue(cursor: Cursor, start: number): YamlNode {
  const node = readFlow(cursor, start);
  if (cursor.code(cursor.skipSpaces(node.end)) === COLON) giveUp(); // a flow collection as a key
  cursor.finishLine(node.end);
  return node;
}

/**
 * A plain scalar whose first line was scanned up to `end`. It goes on over the following lines
 * indented deeper than `parentCol`, folded; a comment ends it.
 */
function plainValue(cursor: Cursor, start: number, end: number, parentCol: number): ScalarNode {
  let last = end;
  if (cursor.stop === Stop.LineEnd) {
    let line = cursor.nextLineStart(end);
    while (line < cursor.length) {
      const first = cursor.skipSpaces(line);
      if (cursor.isLineEnd(first)) {
        line = cursor.nextLineStart(first);
        continue;
      }
      const ch = cursor.code(first);
      // Indicators mean nothing at the start of a continuation line; `#` starts a comment there.
      if (first - line <= parentCol || ch === HASH) break;
      last = cursor.scanPlainLine(first);
      const stop: Stop = cursor.stopped();
      if (stop === Stop.Colon) giveUp(); // a key inside a multi-line scalar
      if (stop === Stop.Comment) break;
      line = cursor.nextLineStart(last);
    }
  }
  const source = cursor.text.slice(start, last);
  const node = cursor.plainScalar(start, last, last === end ? source : unfold(source));
  cursor.finishLine(last);
  return node;
}
