// Completion in YAML manifests: the keys a mapping may still take (required first, each with
// a snippet for its value), enum and boolean values, resource names under limits/requests,
// and at the top of a document every known kind with a minimal valid skeleton.
import type { YamlDocument } from '../document';
import type { SchemaAt, SchemaNavigator } from '../schema/navigate';
import type { KindEntry, SchemaRegistry } from '../schema/schema-registry';
import type { Completion, Range } from '../types';
import { cursorContext, type CursorContext } from './cursor-context';
import { resourceNames } from './resource-names';
import { skeleton } from './skeleton';
import { shapeOf, type Shape } from './value-shape';

export interface CompletionInput {
  document: YamlDocument;
  /** Line and character local to the document. */
  line: number;
  character: number;
  /** The schema the document is checked against, if one is known. */
  schemaId: string | undefined;
  navigator: SchemaNavigator;
  registry: SchemaRegistry;
}

function description(at: SchemaAt | undefined, navigator: SchemaNavigator): string | undefined {
  if (!at) return undefined;
  const text = navigator.resolve(at).schema.description;
  return typeof text === 'string' ? text : undefined;
}

function keySnippet(name: string, shape: Shape): string {
  const key = /^[\w./-]+$/.test(name) ? name : JSON.stringify(name);
  switch (shape.kind) {
    case 'object':
    case 'map':
      return `${key}:\n  $0`;
    case 'array':
      return `${key}:\n  - $0`;
    case 'choice':
      return `${key}: \${1|${shape.values.map((v) => v.replace(/[$}\\,|]/g, '\\$&')).join(',')}|}`;
    case 'scalar':
      return `${key}: $0`;
  }
}

function keyCompletions(input: CompletionInput, context: CursorContext, range: Range): Completion[] {
  const { navigator, schemaId } = input;
  const at = schemaId ? navigator.at(schemaId, context.path) : undefined;
  const items: Completion[] = [];
  const last = context.path[context.path.length - 1];
  if ((last === 'limits' || last === 'requests') && context.path[context.path.length - 2] === 'resources') {
    resourceNames()
      .filter((resource) => !context.siblings.has(resource.name))
      .forEach((resource, index) =>
        items.push({
          label: resource.name,
          kind: 'property',
          detail: 'resource',
          documentation: resource.description,
          insertText: `${resource.name}: $0`,
          snippet: true,
          range,
          sortText: `0${String(index).padStart(3, '0')}`,
        }),
      );
    return items;
  }
  if (!at) return context.path.length === 0 ? kindCompletions(input, context, range) : [];
  for (const field of navigator.fields(at)) {
    if (context.siblings.has(field.name) || (context.path.length === 0 && field.name === 'status')) continue;
    const shape = shapeOf(navigator, field.at);
    items.push({
      label: field.name,
      kind: 'property',
      detail: `${navigator.typeName(field.at)}${field.required ? ' (required)' : ''}`,
      documentation: description(field.at, navigator),
      insertText: keySnippet(field.name, shape),
      snippet: true,
      range,
      sortText: `${field.required ? '0' : '1'}${field.name}`,
    });
  }
  return items;
}

function kindCompletions(input: CompletionInput, context: CursorContext, range: Range): Completion[] {
  if (context.siblings.has('kind') || context.siblings.has('apiVersion')) return [];
  return input.registry.kinds().map((entry: KindEntry) => ({
    label: `${entry.kind} (${entry.apiVersion})`,
    kind: 'kind',
    detail: entry.apiVersion,
    documentation: description(input.navigator.root(entry.id), input.navigator),
    insertText: skeleton(input.navigator, entry),
    snippet: true,
    range,
    filterText: `${entry.kind} ${entry.apiVersion}`,
  }));
}

function topLevelValues(input: CompletionInput, context: CursorContext, range: Range): Completion[] | undefined {
  if (context.path.length !== 1 || (context.key !== 'kind' && context.key !== 'apiVersion')) return undefined;
  const kinds = input.registry.kinds();
  const values = new Map<string, string>();
  for (const entry of kinds) {
    if (context.key === 'kind') values.set(entry.kind, `${entry.apiVersion}`);
    else values.set(entry.apiVersion, [values.get(entry.apiVersion), entry.kind].filter(Boolean).join(', '));
  }
  return [...values].map(([value, detail]) => ({ label: value, kind: 'value', detail, insertText: value, snippet: false, range }));
}

function valueCompletions(input: CompletionInput, context: CursorContext, range: Range): Completion[] {
  const topLevel = topLevelValues(input, context, range);
  if (topLevel) return topLevel;
  const at = input.schemaId ? input.navigator.at(input.schemaId, context.path) : undefined;
  if (!at) return [];
  const shape = shapeOf(input.navigator, at);
  if (shape.kind !== 'choice') return [];
  return shape.values.map((value, index) => ({
    label: value,
    kind: 'value',
    insertText: value,
    snippet: false,
    range,
    sortText: String(index).padStart(3, '0'),
  }));
}

export function completeYaml(input: CompletionInput): Completion[] {
  const lines = input.document.text.split(/\r?\n/);
  if (input.line >= lines.length) return [];
  const context = cursorContext(lines, input.line, input.character);
  const range: Range = {
    start: { line: input.line, character: context.prefixStart },
    end: { line: input.line, character: input.character },
  };
  return context.mode === 'key' ? keyCompletions(input, context, range) : valueCompletions(input, context, range);
}
