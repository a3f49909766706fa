// Quick-fix edits for YAML manifests, by offsets into one document's text: replace a value,
// add an entry to a map or an item to a sequence in the style around it (block lines at the
// siblings' indentation, or flow `{…}`/`[…]` syntax inside flow collections), remove an entry.
import type { MapEntry, MapNode, SeqNode, YamlNode } from '../document';
import { replaceSpan, type OffsetEdit } from '../offset-edits';

export { replaceSpan, type OffsetEdit, type OffsetFix } from '../offset-edits';

/** A value a fix writes: rendered as block YAML or as flow YAML, whichever fits where it goes. */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

/** Strings that YAML would read as something else, or that would break a line, get quotes. */
function scalarText(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  const plain = /^[A-Za-z0-9_./-][A-Za-z0-9_./ -]*$/.test(value) && !/ $/.test(value);
  const special = /^(true|false|yes|no|on|off|y|n|null|~|-?\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|\.inf|\.nan)$/i.test(value);
  return plain && !special ? value : JSON.stringify(value);
}

/** Flow syntax: `{ a: 1, b: [x] }`. */
export function flowText(value: YamlValue): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${scalarText(k)}: ${flowText(v)}`)
      .join(', ')} }`;
  return scalarText(value);
}

/** Block lines for `key: value` at `indent` spaces (no trailing line break). */
export function blockEntry(key: string, value: YamlValue, indent: number): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value) ? value.length === 0 : value !== null && typeof value === 'object' && Object.keys(value).length === 0) {
    return `${pad}${scalarText(key)}: ${flowText(value)}`;
  }
  if (Array.isArray(value)) return `${pad}${scalarText(key)}:\n${value.map((item) => blockItem(item, indent)).join('\n')}`;
  if (value !== null && typeof value === 'object') {
    return `${pad}${scalarText(key)}:\n${Object.entries(value)
      .map(([k, v]) => blockEntry(k, v, indent + 2))
      .join('\n')}`;
  }
  return `${pad}${scalarText(key)}: ${scalarText(value)}`;
}

/** A block sequence item `- …` at `indent` spaces. */
export function blockItem(value: YamlValue, indent: number): string {
  const pad = ' '.repeat(indent);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
    const lines = Object.entries(value).map(([k, v]) => blockEntry(k, v, indent + 2));
    return `${pad}- ${lines.join('\n').slice(indent + 2)}`;
  }
  return `${pad}- ${flowText(value)}`;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const columnOf = (text: string, offset: number) => offset - lineStart(text, offset);

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

const isFlow = (text: string, node: MapNode | SeqNode) => text[node.start] === '{' || text[node.start] === '[';

/** Where a block collection's last line ends: after its last entry's value (comments on that line kept before the insertion). */
function endOfLastLine(text: string, node: MapNode | SeqNode): number {
  return lineEnd(text, Math.max(node.start, node.end - 1));
}

/** Replaces a value (scalar or collection) by new text. */
export function replaceValue(node: YamlNode, value: YamlValue): OffsetEdit {
  return replaceSpan(node, flowText(value));
}

/** Adds `key: value` to a map, after its last entry. */
export function addEntry(text: string, map: MapNode, key: string, value: YamlValue): OffsetEdit {
  if (isFlow(text, map)) {
    const close = map.end - 1;
    const entry = `${scalarText(key)}: ${flowText(value)}`;
    return map.entries.length ? { start: close, end: close, newText: `, ${entry} ` } : replaceSpan(map, `{ ${entry} }`);
  }
  const indent = map.entries.length ? columnOf(text, map.entries[0].key.start) : columnOf(text, map.start);
  const at = endOfLastLine(text, map);
  return { start: at, end: at, newText: `\n${blockEntry(key, value, indent)}` };
}

/**
 * Adds `key: value` under the entry `owner` whose value is absent (`key:`), null or an empty
 * flow map: the new map replaces it, indented under the owner's key.
 */
export function setUnder(text: string, owner: MapEntry, key: string, value: YamlValue): OffsetEdit {
  const indent = columnOf(text, owner.key.start) + 2;
  const from = owner.value ? owner.value.start : owner.key.end + 1;
  const to = owner.value ? owner.value.end : owner.key.end + 1;
  const start = text[from - 1] === ' ' ? from - 1 : from;
  return { start, end: Math.max(to, start), newText: `\n${blockEntry(key, value, indent)}` };
}

/** Appends an item to a sequence, in its style. */
export function addItem(text: string, seq: SeqNode, value: YamlValue): OffsetEdit {
  if (isFlow(text, seq)) {
    const close = seq.end - 1;
    return seq.items.length ? { start: close, end: close, newText: `, ${flowText(value)}` } : replaceSpan(seq, `[${flowText(value)}]`);
  }
  const first = seq.items.find((item) => item !== null);
  // A block item starts with `- `: the dash is two columns left of the item's content.
  const indent = first ? columnOf(text, first.start) - 2 : columnOf(text, seq.start);
  const at = endOfLastLine(text, seq);
  return { start: at, end: at, newText: `\n${blockItem(value, Math.max(indent, 0))}` };
}

/** Removes an entry of a block map with its lines, or of a flow map with its comma. */
export function removeEntry(text: string, map: MapNode, entry: MapEntry): OffsetEdit {
  const end = entry.value ? entry.value.end : entry.key.end;
  if (isFlow(text, map)) {
    let after = end;
    while (text[after] === ' ') after++;
    if (text[after] === ',') after++;
    while (text[after] === ' ') after++;
    return { start: entry.key.start, end: after, newText: '' };
  }
  const start = lineStart(text, entry.key.start);
  const stop = lineEnd(text, Math.max(end - 1, entry.key.end));
  const breakLength = text.startsWith('\r\n', stop) ? 2 : text[stop] === '\n' ? 1 : 0;
  return { start, end: stop + breakLength, newText: '' };
}

/**
 * Removes an item of a sequence: a block item with its lines (from its dash to the end of its
 * last line), a flow item with the comma that separates it from a neighbour.
 */
export function removeItem(text: string, seq: SeqNode, item: YamlNode): OffsetEdit {
  if (isFlow(text, seq)) {
    const items = seq.items.filter((other): other is YamlNode => other !== null);
    const index = items.indexOf(item);
    const next = items[index + 1];
    const previous = items[index - 1];
    if (next) return { start: item.start, end: next.start, newText: '' };
    if (previous) return { start: previous.end, end: item.end, newText: '' };
    return { start: seq.start + 1, end: seq.end - 1, newText: '' };
  }
  // The dash may sit on the item's line (`- name: a`) or alone on the line above it.
  let dash = item.start - 1;
  while (dash > seq.start && /\s/.test(text[dash])) dash--;
  const start = lineStart(text, text[dash] === '-' ? dash : item.start);
  const stop = lineEnd(text, Math.max(item.end - 1, item.start));
  const breakLength = text.startsWith('\r\n', stop) ? 2 : text[stop] === '\n' ? 1 : 0;
  return { start, end: stop + breakLength, newText: '' };
}
