// The outline of a YAML file: one entry per document, named `kind/name` as kubectl prints it,
// with the document's keys below, list items named by their `name` when they have one.
import type { YamlDocument, YamlNode } from '../document';
import { entryOf } from '../schema/locate';
import { fileRange } from '../parse/yaml-file';
import type { OutlineSymbol, Range } from '../types';

/** A span of a document, in the file's coordinates. */
function spanRange(document: YamlDocument, start: number, end: number): Range {
  return fileRange(document, document.lines.range(start, end));
}

function scalarText(node: YamlNode | null | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

function children(node: YamlNode | null, document: YamlDocument): OutlineSymbol[] {
  const range = (start: number, end: number) => spanRange(document, start, end);
  if (node?.kind === 'map') {
    return node.entries.map((entry) => {
      const end = entry.value ? entry.value.end : entry.key.end;
      const kind = entry.value?.kind === 'map' ? 'object' : entry.value?.kind === 'seq' ? 'array' : 'field';
      return {
        name: String(entry.key.value),
        detail: kind === 'field' ? scalarText(entry.value) : undefined,
        kind,
        range: range(entry.key.start, end),
        selectionRange: range(entry.key.start, entry.key.end),
        children: children(entry.value, document),
      };
    });
  }
  if (node?.kind === 'seq') {
    return node.items.flatMap((item, index) => {
      if (!item) return [];
      const named = item.kind === 'map' ? (scalarText(entryOf(item, 'name')?.value) ?? scalarText(entryOf(item, 'key')?.value)) : undefined;
      const kind = item.kind === 'map' ? 'object' : item.kind === 'seq' ? 'array' : 'field';
      return [
        {
          name: named ?? (item.kind === 'scalar' ? (scalarText(item) ?? `[${index}]`) : `[${index}]`),
          kind,
          range: range(item.start, item.end),
          selectionRange: range(item.start, item.start),
          children: children(item, document),
        } satisfies OutlineSymbol,
      ];
    });
  }
  return [];
}

/** The outline entry of one document; undefined for an empty one. */
export function outlineDocument(document: YamlDocument, index: number): OutlineSymbol | undefined {
  const root = document.root;
  if (!root) return undefined;
  const kind = root.kind === 'map' ? scalarText(entryOf(root, 'kind')?.value) : undefined;
  const metadata = root.kind === 'map' ? entryOf(root, 'metadata')?.value : undefined;
  const name = metadata?.kind === 'map' ? scalarText(entryOf(metadata, 'name')?.value) : undefined;
  // An object created with `generateName` (Argo workflows, Jobs from kubectl create) gets its name's prefix and a suffix
  // only the API server picks: `Workflow/finetune-*`.
  const generated = metadata?.kind === 'map' && !name ? scalarText(entryOf(metadata, 'generateName')?.value) : undefined;
  const shown = name ?? (generated ? `${generated}*` : undefined);
  const title = kind ? (shown ? `${kind}/${shown}` : kind) : `document ${index + 1}`;
  const apiVersion = root.kind === 'map' ? scalarText(entryOf(root, 'apiVersion')?.value) : undefined;
  const whole = spanRange(document, root.start, root.end);
  const kindEntry = root.kind === 'map' ? entryOf(root, 'kind') : undefined;
  const selection = kindEntry?.value
    ? spanRange(document, kindEntry.value.start, kindEntry.value.end)
    : spanRange(document, root.start, root.start);
  return { name: title, detail: apiVersion, kind: 'document', range: whole, selectionRange: selection, children: children(root, document) };
}
