// Flow collections (`[a, "b"]`, `{k: v}`, `{}`) for the fast parser, on a single line. A flow
// collection that spans lines, holds a comment, an empty entry or a `k: v` pair inside `[...]`
// is left to the library.
import type { MapEntry, ScalarNode, YamlNode } from '../document';
import { COLON, Cursor, INDICATOR, SPACE, giveUp } from './yaml-fast-cursor';
import { readQuoted } from './yaml-fast-quoted';

const OPEN_SEQ = 91; // [
const CLOSE_SEQ = 93; // ]
const OPEN_MAP = 123; // {
const CLOSE_MAP = 125; // }
const COMMA = 44;

/** Characters that end a plain scalar inside a flow collection. */
const FLOW_END = new Uint8Array(128);
for (const ch of ',[]{}') FLOW_END[ch.charCodeAt(0)] = 1;

function isFlowBlank(cursor: Cursor, offset: number): boolean {
  const ch = cursor.code(offset);
  return cursor.isBlank(offset) || (ch < 128 && FLOW_END[ch] === 1);
}

/** A plain scalar inside a flow collection. Stops before `,`, brackets and a `:` indicator. */
function flowPlain(cursor: Cursor, start: number): ScalarNode {
  const first = cursor.code(start);
  if (first < 128 && INDICATOR[first] === 1) {
    // `-`, `?` and `:` may start a plain scalar when a non-blank character follows.
    const starter = first === 45 || first === 63 || first === COLON;
    if (!starter || isFlowBlank(cursor, start + 1)) giveUp();
  }
  const text = cursor.text;
  let end = start;
  for (let i = start; ; i++) {
    const ch = text.charCodeAt(i);
    if (ch === SPACE) continue;
    if (cursor.isLineEnd(i)) giveUp(); // the collection goes on on the next line
    if ((ch < 128 && FLOW_END[ch] === 1) || (ch === COLON && isFlowBlank(cursor, i + 1))) break;
    if (ch === 35 /* # */ && text.charCodeAt(i - 1) === SPACE) giveUp(); // a comment: the collection spans lines
    end = i + 1;
  }
  return cursor.plainScalar(start, end, text.slice(start, end));
}

function flowNode(cursor: Cursor, start: number): YamlNode {
  const ch = cursor.code(start);
  if (ch === OPEN_SEQ || ch === OPEN_MAP) return readFlow(cursor, start);
  if (ch === 34 || ch === 39) return readQuoted(cursor, start, -1, false);
  return flowPlain(cursor, start);
}

/**
 * After an entry: skips spaces and one comma. Returns the offset of the next entry, or of the
 * closing bracket.
 */
function afterEntry(cursor: Cursor, offset: number, close: number): number {
  let i = cursor.skipSpaces(offset);
  const ch = cursor.code(i);
  if (ch === close) return i;
  if (ch !== COMMA) giveUp();
  i = cursor.skipSpaces(i + 1);
  if (cursor.code(i) === COMMA) giveUp(); // an empty entry
  return i;
}

/** Reads a flow sequence or mapping from its opening bracket, on one line. */
export function readFlow(cursor: Cursor, start: number): YamlNode {
  const isSeq = cursor.code(start) === OPEN_SEQ;
  const close = isSeq ? CLOSE_SEQ : CLOSE_MAP;
  const items: YamlNode[] = [];
  const entries: MapEntry[] = [];
  let i = cursor.skipSpaces(start + 1);
  if (cursor.code(i) === COMMA) giveUp();
  while (cursor.code(i) !== close) {
    if (cursor.isLineEnd(i)) giveUp();
    const node = flowNode(cursor, i);
    if (isSeq) {
      items.push(node);
      if (cursor.code(cursor.skipSpaces(node.end)) === COLON) giveUp(); // `[k: v]` is a pair
      i = afterEntry(cursor, node.end, close);
      continue;
    }
    if (node.kind !== 'scalar') giveUp();
    const colon = cursor.skipSpaces(node.end);
    // Only `key: value` with a space after the colon; `{a}`, `{a: }` and `{"a":1}` go to the library.
    if (cursor.code(colon) !== COLON || cursor.code(colon + 1) !== SPACE) giveUp();
    const valueStart = cursor.skipSpaces(colon + 1);
    const ch = cursor.code(valueStart);
    if (ch === COMMA || ch === close || cursor.isLineEnd(valueStart)) giveUp();
    const value = flowNode(cursor, valueStart);
    entries.push({ key: node, value });
    i = afterEntry(cursor, value.end, close);
  }
  const end = i + 1;
  if (isSeq) return { kind: 'seq', start, end, items };
  if (hasDuplicateKey(entries)) giveUp();
  return { kind: 'map', start, end, entries };
}

function keyName(key: ScalarNode): string {
  const value = key.value;
  return typeof value === 'string' ? value : String(value);
}

/** Duplicate keys (compared as the syntax checker compares them) and merge keys are the library's. */
export function hasDuplicateKey(entries: readonly MapEntry[]): boolean {
  const count = entries.length;
  if (count <= 8) {
    // Small mappings with string keys, the most common: comparing each pair allocates nothing.
    let strings = true;
    for (let a = 0; a < count && strings; a++) {
      const name = entries[a].key.value;
      if (typeof name !== 'string') strings = false;
      else if (name === '<<') return true;
      else for (let b = 0; b < a; b++) if (entries[b].key.value === name) return true;
    }
    if (strings) return false;
  }
  // A number or boolean key equals its text (`1` and "1"): compare names.
  const seen = new Set<string>();
  for (const { key } of entries) {
    const name = keyName(key);
    if (seen.has(name) || name === '<<') return true;
    seen.add(name);
  }
  return false;
}
