// Moves object subschemas that a schema repeats (KServe's ten model-server specs, say) into the
// schema's own `definitions`, referenced as "#/definitions/<name>". Pure; returns a new schema.
import { isObject, sortKeys, type JsonSchema } from './translate';

/** Only repeated subschemas at least this long (compact JSON, without their description) are shared. */
export const MIN_SHARED_SIZE = 1000;

interface Occurrence {
  key: string;
  size: number;
  count: number;
  /** Path of the first occurrence, for the definition's name. */
  path: string[];
}

/** A subschema without its own description: two uses of one type differ only in that. */
function keyOf(node: JsonSchema): string {
  const { description: _description, ...rest } = node;
  return JSON.stringify(sortKeys(rest));
}

function children(node: JsonSchema, path: string[], visit: (child: JsonSchema, path: string[]) => void): void {
  if (isObject(node.properties))
    for (const [name, child] of Object.entries(node.properties)) if (isObject(child)) visit(child, [...path, name]);
  if (isObject(node.items)) visit(node.items, path);
  if (isObject(node.additionalProperties)) visit(node.additionalProperties, path);
}

function count(schema: JsonSchema, definitions: Record<string, JsonSchema>): Map<string, Occurrence> {
  const found = new Map<string, Occurrence>();
  const visit = (node: JsonSchema, path: string[]): void => {
    if (isObject(node.properties)) {
      const key = keyOf(node);
      if (key.length >= MIN_SHARED_SIZE) {
        const seen = found.get(key);
        if (seen) seen.count++;
        else found.set(key, { key, size: key.length, count: 1, path });
      }
    }
    children(node, path, visit);
  };
  children(schema, [], visit);
  for (const [name, definition] of Object.entries(definitions)) children(definition, [name], visit);
  return found;
}

function replace(node: JsonSchema, key: string, ref: string): JsonSchema {
  const out: JsonSchema = { ...node };
  if (isObject(node.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(node.properties).map(([name, child]) => [name, isObject(child) ? replaceChild(child, key, ref) : child]),
    );
  }
  if (isObject(node.items)) out.items = replaceChild(node.items, key, ref);
  if (isObject(node.additionalProperties)) out.additionalProperties = replaceChild(node.additionalProperties, key, ref);
  return out;
}

function replaceChild(child: JsonSchema, key: string, ref: string): JsonSchema {
  if (isObject(child.properties) && keyOf(child) === key) {
    return typeof child.description === 'string' ? { $ref: ref, description: child.description } : { $ref: ref };
  }
  return replace(child, key, ref);
}

function nameFor(path: string[], taken: Record<string, unknown>): string {
  const base = path.join('.') || 'shared';
  let name = base;
  for (let n = 2; name in taken; n++) name = `${base}${n}`;
  return name;
}

/**
 * Repeatedly takes the repeated subschema that saves the most bytes, stores it once under
 * `definitions` (named after the property path of its first use) and refers to it
 * from every use, keeping each use's own description beside the $ref.
 */
export function shareRepeated(schema: JsonSchema): JsonSchema {
  let root = schema;
  const definitions: Record<string, JsonSchema> = isObject(schema.definitions)
    ? { ...(schema.definitions as Record<string, JsonSchema>) }
    : {};
  for (;;) {
    let best: Occurrence | undefined;
    for (const occurrence of count(root, definitions).values()) {
      if (occurrence.count < 2) continue;
      if (!best || (occurrence.count - 1) * occurrence.size > (best.count - 1) * best.size) best = occurrence;
    }
    if (!best) break;
    const name = nameFor(best.path, definitions);
    const ref = `#/definitions/${name}`;
    const body = JSON.parse(best.key) as JsonSchema;
    root = replace(root, best.key, ref);
    for (const [other, definition] of Object.entries(definitions)) definitions[other] = replace(definition, best.key, ref);
    definitions[name] = body;
  }
  return Object.keys(definitions).length ? { ...root, definitions } : root;
}
