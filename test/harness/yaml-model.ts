// Renders document models as text, one node per line with its value and line:column range, so
// that comparing two models in a test fails with a readable diff.
import type { YamlNode } from '../../server/src/core/document';
import { parseFast } from '../../server/src/core/parse/yaml-fast';
import { parseWithLibrary } from '../../server/src/core/parse/yaml-file';
import { LineIndex } from '../../server/src/core/text-lines';

function show(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  return JSON.stringify(value);
}

/** One line per node, indented by depth: `key "name" 3:2-3:6`, `scalar "x" quoted 3:8-3:11`. */
export function renderModel(text: string, root: YamlNode | null | undefined): string {
  if (root === undefined) return '(no model: the fast parser gave up)';
  const lines = new LineIndex(text);
  const at = (start: number, end: number) => {
    const from = lines.positionAt(start);
    const to = lines.positionAt(end);
    return `${from.line}:${from.character}-${to.line}:${to.character}`;
  };
  const out: string[] = [];
  const walk = (node: YamlNode | null, indent: string, role: string): void => {
    if (node === null) {
      out.push(`${indent}${role}null`);
      return;
    }
    const range = at(node.start, node.end);
    if (node.kind === 'scalar') {
      out.push(`${indent}${role}scalar ${show(node.value)}${node.quoted ? ' quoted' : ''} ${range}`);
    } else if (node.kind === 'seq') {
      out.push(`${indent}${role}seq ${range}`);
      for (const item of node.items) walk(item, `${indent}  `, '- ');
    } else {
      out.push(`${indent}${role}map ${range}`);
      for (const entry of node.entries) {
        walk(entry.key, `${indent}  `, 'key ');
        walk(entry.value, `${indent}    `, '');
      }
    }
  };
  walk(root, '', '');
  return out.join('\n');
}

/** The model the library path builds for one document's text, and its syntax findings. */
export function libraryModel(text: string): ReturnType<typeof parseWithLibrary> {
  return parseWithLibrary(text, new LineIndex(text));
}

/** Both parsers on one document: the fast one's model (undefined when it gave up) and the library's. */
export function bothModels(text: string): { fast: string | undefined; library: string; findings: string[] } {
  const fast = parseFast(text);
  const library = libraryModel(text);
  return {
    fast: fast === undefined ? undefined : renderModel(text, fast),
    library: renderModel(text, library.root),
    findings: library.findings.map((finding) => `${finding.range.start.line}:${finding.range.start.character} ${finding.code}`),
  };
}

/**
 * The first node where two models differ (kind, value, quotes, range, entry count or key), as
 * one line each with its path; undefined when they are equal. Cheap on large documents.
 */
export function firstModelDifference(text: string, a: YamlNode | null, b: YamlNode | null): [string, string] | undefined {
  const lines = new LineIndex(text);
  const describe = (node: YamlNode | null, path: string): string => {
    if (node === null) return `${path}: null`;
    const from = lines.positionAt(node.start);
    const to = lines.positionAt(node.end);
    const range = `${from.line}:${from.character}-${to.line}:${to.character}`;
    if (node.kind === 'scalar') return `${path}: scalar ${show(node.value)}${node.quoted ? ' quoted' : ''} ${range}`;
    const size = node.kind === 'seq' ? node.items.length : node.entries.map((entry) => show(entry.key.value)).join(', ');
    return `${path}: ${node.kind} [${size}] ${range}`;
  };
  const walk = (x: YamlNode | null, y: YamlNode | null, path: string): [string, string] | undefined => {
    const here = (): [string, string] => [describe(x, path), describe(y, path)];
    if (x === null || y === null) return x === y ? undefined : here();
    if (x.kind !== y.kind || x.start !== y.start || x.end !== y.end) return here();
    if (x.kind === 'scalar' && y.kind === 'scalar') return Object.is(x.value, y.value) && x.quoted === y.quoted ? undefined : here();
    if (x.kind === 'seq' && y.kind === 'seq') {
      if (x.items.length !== y.items.length) return here();
      for (let i = 0; i < x.items.length; i++) {
        const found = walk(x.items[i], y.items[i], `${path}[${i}]`);
        if (found) return found;
      }
      return undefined;
    }
    if (x.kind === 'map' && y.kind === 'map') {
      if (x.entries.length !== y.entries.length) return here();
      for (let i = 0; i < x.entries.length; i++) {
        const key = `${path}.${String(x.entries[i].key.value)}`;
        const found = walk(x.entries[i].key, y.entries[i].key, `${key} (key)`) ?? walk(x.entries[i].value, y.entries[i].value, key);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(a, b, '$');
}
