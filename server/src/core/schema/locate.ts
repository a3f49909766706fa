// Finds the nodes behind a JSON path (as validators report it) in the document model, and the
// smallest range that shows a problem there: a key for what is wrong with a whole block, the
// value itself for a wrong scalar.
import type { MapEntry, MapNode, YamlNode } from '../document';

export type PathSegment = string | number;

/** Splits a JSON pointer such as `/spec/containers/0/name` into its segments. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The entry of a key in a mapping; the last one wins, as in JSON objects and for Kubernetes. */
export function entryOf(map: MapNode, key: string): MapEntry | undefined {
  for (let i = map.entries.length - 1; i >= 0; i--) {
    if (String(map.entries[i].key.value) === key) return map.entries[i];
  }
  return undefined;
}

/** What a path leads to: the node (null for an empty value) and the entry or item that holds it. */
export interface Located {
  node: YamlNode | null;
  /** The mapping entry whose value the node is, when it is one. */
  entry?: MapEntry;
  /** The sequence item start, when the node is an item of a sequence (for an empty item). */
  itemOf?: YamlNode;
  /** How many segments of the path exist in the document (all of them when found). */
  depth: number;
}

export function locate(root: YamlNode | null, segments: readonly string[]): Located {
  let located: Located = { node: root, depth: 0 };
  for (const segment of segments) {
    const current = located.node;
    if (current?.kind === 'map') {
      const entry = entryOf(current, segment);
      if (!entry) return located;
      located = { node: entry.value, entry, depth: located.depth + 1 };
    } else if (current?.kind === 'seq' && /^\d+$/.test(segment) && Number(segment) < current.items.length) {
      located = { node: current.items[Number(segment)], itemOf: current, depth: located.depth + 1 };
    } else {
      return located;
    }
  }
  return located;
}

/** Offsets of the smallest span that shows what is at a located node. */
export function spanOf(located: Located, text: string): [number, number] {
  const { node, entry } = located;
  if (node?.kind === 'scalar') return [node.start, node.end];
  if (entry) return [entry.key.start, entry.key.end];
  if (node) return [node.start, firstLineEnd(text, node.start, node.end)];
  return [0, firstLineEnd(text, 0, text.length)];
}

/** Where the key of a located value is, or the value's own first line when it has no key. */
export function keySpanOf(located: Located, text: string): [number, number] {
  if (located.entry) return [located.entry.key.start, located.entry.key.end];
  return spanOf(located, text);
}

function firstLineEnd(text: string, start: number, end: number): number {
  const newline = text.indexOf('\n', start);
  const lineEnd = newline === -1 ? text.length : newline;
  return Math.max(start, Math.min(end, text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd));
}

/** Writes a path the way a Kubernetes user reads it: `spec.containers[0].resources.limits["nvidia.com/gpu"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
