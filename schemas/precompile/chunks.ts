// Splits the code ajv generated for every shipped kind into modules, as a bundler splits shared
// chunks: each value of the code (a validation function, the schema its errors quote) goes to the
// module of the set of kinds that use it. A kind's own functions land in its module; the pod
// template's, used by some thirty kinds, in one shared module those kinds load. No code is
// written twice, and a kind loads nothing it does not use.
import { createHash } from 'node:crypto';
import type { AnyValidateFunction } from 'ajv/dist/types';
import type { ValueScopeName } from 'ajv/dist/compile/codegen';
import type { SchemaEnv } from 'ajv/dist/compile';

/** One value of ajv's generated code, by the name the code calls it (`validate12`, `schema31`, `pattern5`). */
export type Value = ValueScopeName;

export interface Chunk {
  /** Its path under the output folder: `kinds/<schema name>.js` for a kind's own code, else `shared/<hash>.js`. */
  file: string;
  /** The values it defines, in the order they were found. */
  values: Value[];
  /** The kind whose validator it exports as `validate`, for a kind's module. */
  root?: Value;
}

/** Values cheap enough to define again in each module that uses them (a RegExp, an import of ajv's runtime). */
const COPIED = new Set(['pattern', 'func']);

export function isCopied(value: Value): boolean {
  return COPIED.has(value.prefix);
}

/** The compiled function a `validate` value names, or the schema environment a `wrapper`/`root` value holds. */
export function functionOf(value: Value): AnyValidateFunction | undefined {
  const ref = value.value?.ref;
  if (value.prefix === 'validate' && typeof ref === 'function') return ref as AnyValidateFunction;
  if (value.prefix === 'wrapper' || value.prefix === 'root') return (ref as SchemaEnv | undefined)?.validate;
  return undefined;
}

/** The values a value's code refers to. */
export function usesOf(value: Value): Value[] {
  if (value.prefix === 'validate') {
    const source = functionOf(value)?.source;
    if (!source) throw new Error(`ajv kept no code for ${value.str}: compile with the source option`);
    return Object.values(source.scopeValues).flatMap((names) => [...(names ?? [])]);
  }
  if (value.prefix === 'wrapper' || value.prefix === 'root') {
    const name = (value.value?.ref as SchemaEnv | undefined)?.validateName;
    if (!name) throw new Error(`${value.str} refers to a schema ajv did not compile`);
    return [name];
  }
  return [];
}

/** The name of a kind's module: its schema's (`kinds/apps_v1_deployment.json` → `kinds/apps_v1_deployment.js`). */
export function kindModule(schemaPath: string): string {
  return schemaPath.replace(/\.json$/, '.js');
}

/**
 * The modules for these kinds' validators (schema path → compiled root function). Each value is
 * assigned by the set of kinds that reach it; a set of one kind is that kind's module.
 */
export function splitIntoChunks(roots: Map<string, AnyValidateFunction>): Chunk[] {
  const users = new Map<Value, Set<string>>();
  for (const [kind, validate] of roots) {
    if (!validate.source) throw new Error(`ajv kept no code for ${kind}: compile with the source option`);
    const stack: Value[] = [validate.source.validateName];
    while (stack.length) {
      const value = stack.pop() as Value;
      const seen = users.get(value) ?? new Set<string>();
      if (seen.has(kind)) continue;
      seen.add(kind);
      users.set(value, seen);
      stack.push(...usesOf(value));
    }
  }
  const chunks = new Map<string, Chunk>();
  for (const kind of roots.keys()) chunks.set(kind, { file: kindModule(kind), values: [], root: roots.get(kind)?.source?.validateName });
  for (const [value, kinds] of users) {
    if (isCopied(value)) continue;
    const key = [...kinds].sort().join('\n');
    let chunk = chunks.get(key);
    if (!chunk) {
      chunk = { file: `shared/${createHash('sha256').update(key).digest('hex').slice(0, 16)}.js`, values: [] };
      chunks.set(key, chunk);
    }
    chunk.values.push(value);
  }
  // Values in ajv's order (the order of their numbers), so that the same schemas give the same files.
  const order = (a: Value, b: Value) => a.prefix.localeCompare(b.prefix) || numberOf(a) - numberOf(b);
  for (const chunk of chunks.values()) chunk.values.sort(order);
  return [...chunks.values()];
}

function numberOf(value: Value): number {
  return Number(value.str.slice(value.prefix.length));
}
