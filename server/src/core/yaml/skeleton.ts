// Writes the smallest valid document of a kind as a snippet: apiVersion, kind, metadata.name
// and every required field below, with placeholders to tab through.
import type { JsonSchema, KindEntry } from '../schema/schema-registry';
import type { SchemaAt, SchemaNavigator } from '../schema/navigate';
import { shapeOf } from './value-shape';

const MAX_DEPTH = 12;

class SnippetWriter {
  private tabStop = 1;
  readonly lines: string[] = [];

  placeholder(text: string): string {
    return `\${${this.tabStop++}:${text.replace(/[$}\\]/g, '\\$&')}}`;
  }

  choice(values: string[]): string {
    const escaped = values.map((v) => v.replace(/[$}\\,|]/g, '\\$&'));
    return values.length === 1 ? values[0] : `\${${this.tabStop++}|${escaped.join(',')}|}`;
  }
}

/** Values of the formats that patterns ask for where a name will not do: a cron schedule (Argo's CronWorkflow), a duration. */
const FORMAT_SAMPLES = ['0 * * * *', '1m'];

/**
 * A placeholder value: 1 for numbers, else the field's name, in lowercase or kebab-case if its pattern asks for it,
 * prefixed with a domain when the pattern wants a domain-prefixed path (Gateway API's `example.com/gateway-controller`),
 * or a sample of a format the pattern accepts.
 */
function scalarDefault(shape: { type: string; schema: JsonSchema }, name: string): string {
  if (shape.type.includes('integer') || shape.type.includes('number')) return '1';
  if (typeof shape.schema.pattern !== 'string') return name;
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const candidates = [name, kebab, name.toLowerCase(), `example.com/${kebab}`, ...FORMAT_SAMPLES];
  return candidates.find((candidate) => matches(shape.schema.pattern as string, candidate)) ?? name;
}

/** One `key: value` entry for a map that must not be empty (an InferencePool's `matchLabels`), else undefined. */
function mapEntry(navigator: SchemaNavigator, at: SchemaAt, writer: SnippetWriter): string | undefined {
  const { minProperties, additionalProperties } = at.schema;
  if (typeof minProperties !== 'number' || minProperties < 1) return undefined;
  const values = typeof additionalProperties === 'object' && additionalProperties ? (additionalProperties as JsonSchema) : {};
  const shape = shapeOf(navigator, { ...at, schema: values });
  const key = writer.placeholder('key');
  const value =
    shape.kind === 'scalar'
      ? writer.placeholder(scalarDefault(shape, 'value'))
      : shape.kind === 'choice'
        ? writer.choice(shape.values)
        : '{}';
  return `${key}: ${value}`;
}

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

/** Writes the required fields of a mapping at an indentation; returns whether it wrote any. */
/** At the top, apiVersion/kind/metadata are written already, and spec is wanted even where optional. */
const TOP_WRITTEN = new Set(['apiVersion', 'kind', 'metadata', 'status']);

function writeRequired(
  navigator: SchemaNavigator,
  at: SchemaAt,
  indent: string,
  writer: SnippetWriter,
  depth: number,
  firstPrefix?: string,
  nonEmpty = false,
): boolean {
  const top = depth === 0 && indent === '';
  const all = navigator.fields(at);
  let fields = all.filter((f) => (top ? !TOP_WRITTEN.has(f.name) && (f.required || f.name === 'spec') : f.required));
  // A mapping that must not be empty (or the one item of a list that must not be) but requires nothing in particular:
  // write its template, or its first field.
  const minProperties = navigator.resolve(at).schema.minProperties;
  if (!fields.length && (nonEmpty || (typeof minProperties === 'number' && minProperties > 0)) && all.length)
    fields = [all.find((f) => f.name === 'template') ?? all[0]];
  fields.forEach((field, index) => {
    const lead = index === 0 && firstPrefix !== undefined ? firstPrefix : indent;
    writeField(navigator, field.name, field.at, lead, indent, writer, depth + 1);
  });
  return fields.length > 0;
}

function writeField(
  navigator: SchemaNavigator,
  name: string,
  at: SchemaAt,
  lead: string,
  indent: string,
  writer: SnippetWriter,
  depth: number,
): void {
  const shape = shapeOf(navigator, at);
  if (depth > MAX_DEPTH) {
    writer.lines.push(`${lead}${name}: {}`);
    return;
  }
  switch (shape.kind) {
    case 'choice':
      writer.lines.push(`${lead}${name}: ${writer.choice(shape.values)}`);
      return;
    case 'scalar':
      writer.lines.push(`${lead}${name}: ${writer.placeholder(scalarDefault(shape, name))}`);
      return;
    case 'map': {
      const entry = mapEntry(navigator, shape.at, writer);
      writer.lines.push(...(entry ? [`${lead}${name}:`, `${indent}  ${entry}`] : [`${lead}${name}: {}`]));
      return;
    }
    case 'object': {
      const at = writer.lines.length;
      writer.lines.push(`${lead}${name}:`);
      if (!writeRequired(navigator, shape.at, `${indent}  `, writer, depth)) writer.lines[at] = `${lead}${name}: {}`;
      return;
    }
    case 'array': {
      const itemShape = shape.item ? shapeOf(navigator, shape.item) : undefined;
      const minItems = navigator.resolve(at).schema.minItems;
      // A list of scalars that must not be empty gets one item.
      if ((itemShape?.kind === 'scalar' || itemShape?.kind === 'choice') && typeof minItems === 'number' && minItems > 0) {
        const item = name.endsWith('s') ? name.slice(0, -1) : name;
        const value = itemShape.kind === 'choice' ? writer.choice(itemShape.values) : writer.placeholder(scalarDefault(itemShape, item));
        writer.lines.push(`${lead}${name}:`, `${indent}  - ${value}`);
        return;
      }
      if (itemShape?.kind !== 'object') {
        writer.lines.push(`${lead}${name}: []`);
        return;
      }
      const line = writer.lines.length;
      writer.lines.push(`${lead}${name}:`);
      const nonEmpty = typeof minItems === 'number' && minItems > 0;
      if (!writeRequired(navigator, itemShape.at, `${indent}    `, writer, depth, `${indent}  - `, nonEmpty))
        writer.lines[line] = `${lead}${name}: []`;
    }
  }
}

/** A snippet of the minimal valid document of a kind. */
export function skeleton(navigator: SchemaNavigator, entry: KindEntry): string {
  const writer = new SnippetWriter();
  writer.lines.push(
    `apiVersion: ${entry.apiVersion}`,
    `kind: ${entry.kind}`,
    'metadata:',
    `  name: ${writer.placeholder(entry.kind.toLowerCase())}`,
  );
  const root = navigator.root(entry.id);
  if (root) writeRequired(navigator, root, '', writer, 0);
  return `${writer.lines.join('\n')}\n$0`;
}
