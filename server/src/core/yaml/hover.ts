// Hover in YAML manifests: what the field under the cursor is (its description from the
// schema, its type, whether it is required) and where it sits in the kind.
import type { YamlDocument, YamlNode } from '../document';
import { formatPath } from '../schema/locate';
import type { SchemaNavigator } from '../schema/navigate';
import type { Hover } from '../types';

interface Hit {
  path: (string | number)[];
  span: [number, number];
}

/** The path of the key or scalar value at an offset, and the span of that key. */
export function pathAtOffset(node: YamlNode | null, offset: number, path: (string | number)[] = []): Hit | undefined {
  if (!node || offset < node.start || offset > node.end) return undefined;
  if (node.kind === 'map') {
    for (const entry of node.entries) {
      const keyPath = [...path, String(entry.key.value)];
      if (offset >= entry.key.start && offset <= entry.key.end) return { path: keyPath, span: [entry.key.start, entry.key.end] };
      const inner = pathAtOffset(entry.value, offset, keyPath);
      if (inner) return inner;
    }
    return undefined;
  }
  if (node.kind === 'seq') {
    for (let i = 0; i < node.items.length; i++) {
      const inner = pathAtOffset(node.items[i], offset, [...path, i]);
      if (inner) return inner;
    }
    return undefined;
  }
  return { path, span: [node.start, node.end] };
}

function requiredIn(navigator: SchemaNavigator, schemaId: string, path: (string | number)[]): boolean {
  const name = path[path.length - 1];
  if (typeof name !== 'string' || path.length === 0) return false;
  const parent = navigator.at(schemaId, path.slice(0, -1));
  return parent ? navigator.fields(parent).some((field) => field.name === name && field.required) : false;
}

export function hoverYaml(
  document: YamlDocument,
  offset: number,
  schemaId: string,
  label: string,
  navigator: SchemaNavigator,
): Hover | undefined {
  const hit = pathAtOffset(document.root, offset);
  if (!hit || hit.path.length === 0) return undefined;
  const at = navigator.at(schemaId, hit.path);
  if (!at) return undefined;
  const resolved = navigator.resolve(at).schema;
  const name = hit.path[hit.path.length - 1];
  const facts = [`\`${navigator.typeName(at)}\``];
  if (requiredIn(navigator, schemaId, hit.path)) facts.push('required');
  if (typeof resolved.format === 'string') facts.push(`format \`${resolved.format}\``);
  const lines = [`**${name}** · ${facts.join(' · ')}`];
  if (typeof resolved.description === 'string' && resolved.description) lines.push('', resolved.description);
  if (Array.isArray(resolved.enum)) lines.push('', `Allowed: ${resolved.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  lines.push('', `*${label}* \`${formatPath(hit.path)}\``);
  return { markdown: lines.join('\n'), range: document.lines.range(hit.span[0], hit.span[1]) };
}
