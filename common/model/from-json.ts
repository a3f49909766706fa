// Objects as a cluster returns them (parsed JSON) turned into the document model's nodes, so the
// Clusters view and the demo cluster read workloads and pods through the same code as the editor.
// The nodes have no place in a text: every offset is 0.
import type { MapEntry, YamlNode } from './nodes';

/** The node of a JSON value; null for null and for what JSON cannot hold. */
export function fromJson(value: unknown): YamlNode | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    // A JSON string is never re-read as a number or a boolean: it counts as quoted.
    return { kind: 'scalar', value, quoted: typeof value === 'string', start: 0, end: 0 };
  }
  if (Array.isArray(value)) return { kind: 'seq', items: value.map(fromJson), start: 0, end: 0 };
  if (typeof value === 'object') {
    const entries: MapEntry[] = [];
    for (const [key, item] of Object.entries(value)) {
      entries.push({ key: { kind: 'scalar', value: key, quoted: false, start: 0, end: 0 }, value: fromJson(item) });
    }
    return { kind: 'map', entries, start: 0, end: 0 };
  }
  return null;
}
