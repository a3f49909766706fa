// Decides whether a schema embedded in a CRD is a Kubernetes type (a PodTemplateSpec, a
// Container, ...) so that it can become a $ref to the one Kubernetes definition.
import { isObject, type JsonSchema } from './translate';

/**
 * The "same type" rule. A CRD subschema S is the Kubernetes definition D when, both in their
 * translated JSON Schema form (after int-or-string, quantity, ... were applied):
 *  1. S and D are objects with properties, and D has at least MIN_PROPERTIES of them.
 *  2. Every property name of S is a property of D (CRDs may lack D's newer fields, never add any),
 *     and S has at least COVERAGE of D's properties (it is D, not a small unrelated struct).
 *  3. Every property D requires, S requires too (so the $ref never demands more than the CRD).
 *  4. Recursively, for DEPTH levels of nested objects (through array items and map values):
 *     each property of S has the same kind of value as in D (object, map, array, string,
 *     number, boolean, int-or-string/quantity), and nested objects again satisfy 3 and the
 *     subset half of 2 (not the coverage: CRDs often keep only name, labels, annotations, ...
 *     of a nested ObjectMeta). An open object ({type: object} without properties, as CRD
 *     generators write a nested ObjectMeta) on either side matches any object.
 * Descriptions are not compared: KubeRay and Volcano CRDs carry none.
 */
export const SAME_TYPE_RULE = { MIN_PROPERTIES: 2, COVERAGE: 0.75, DEPTH: 4 } as const;

type Kind = 'object' | 'open-object' | 'map' | 'array' | 'string' | 'number' | 'boolean' | 'int-or-string' | 'any';

/** Follows a `$ref` whose fragment is `#/definitions/<name>` (in whatever document) to the definition. */
export function resolve(node: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema {
  let current = node;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 10; hops++) {
    const name = /#\/definitions\/(.+)$/.exec(current.$ref)?.[1];
    const target = name === undefined ? undefined : definitions[name];
    if (!target) return {};
    current = target;
  }
  return current;
}

function kindOf(node: JsonSchema): Kind {
  if (isObject(node.properties)) return 'object';
  const types = (Array.isArray(node.type) ? (node.type as unknown[]) : [node.type]).filter((t) => t !== 'null' && t !== undefined);
  if (types.length === 0) return 'any';
  if (types.length > 1)
    return types.includes('string') && (types.includes('integer') || types.includes('number')) ? 'int-or-string' : 'any';
  const [type] = types;
  if (type === 'object') return isObject(node.additionalProperties) ? 'map' : 'open-object';
  if (type === 'integer' || type === 'number') return 'number';
  return type as Kind;
}

function names(node: JsonSchema): string[] {
  return isObject(node.properties) ? Object.keys(node.properties) : [];
}

function requiredOf(node: JsonSchema): string[] {
  return Array.isArray(node.required) ? (node.required as string[]) : [];
}

/** Rules 2 and 3 for one level of properties. */
function sameProperties(s: JsonSchema, d: JsonSchema, coverage: number): boolean {
  const own = new Set(names(d));
  const theirs = names(s);
  if (own.size === 0 || !theirs.every((name) => own.has(name))) return false;
  if (theirs.length < coverage * own.size) return false;
  const required = new Set(requiredOf(s));
  return requiredOf(d).every((name) => required.has(name));
}

function sameValue(s: JsonSchema, dRaw: JsonSchema, definitions: Record<string, JsonSchema>, depth: number): boolean {
  const d = resolve(dRaw, definitions);
  const sk = kindOf(s);
  const dk = kindOf(d);
  if (dk === 'any') return true;
  if (dk === 'open-object') return sk === 'object' || sk === 'open-object' || sk === 'map';
  if (sk === 'open-object') return dk === 'object' || dk === 'map';
  if (sk !== dk) return false;
  if (depth <= 0) return true;
  if (sk === 'array') return sameValue(isObject(s.items) ? s.items : {}, isObject(d.items) ? d.items : {}, definitions, depth);
  if (sk === 'map') return sameValue(s.additionalProperties as JsonSchema, d.additionalProperties as JsonSchema, definitions, depth);
  if (sk !== 'object') return true;
  return sameProperties(s, d, 0) && sameChildren(s, d, definitions, depth - 1);
}

function sameChildren(s: JsonSchema, d: JsonSchema, definitions: Record<string, JsonSchema>, depth: number): boolean {
  const dProperties = d.properties as Record<string, JsonSchema>;
  return Object.entries(s.properties as Record<string, JsonSchema>).every(([name, child]) =>
    sameValue(child, dProperties[name], definitions, depth),
  );
}

/** The share of the definition's properties that the CRD subschema has, or 0 when it is not the same type. */
export function sameTypeScore(s: JsonSchema, name: string, definitions: Record<string, JsonSchema>): number {
  const d = definitions[name];
  if (!d || kindOf(s) !== 'object' || kindOf(d) !== 'object') return 0;
  const own = names(d).length;
  if (own < SAME_TYPE_RULE.MIN_PROPERTIES) return 0;
  if (!sameProperties(s, d, SAME_TYPE_RULE.COVERAGE)) return 0;
  if (!sameChildren(s, d, definitions, SAME_TYPE_RULE.DEPTH)) return 0;
  return names(s).length / own;
}

/** The best-matching definition among `candidates` (highest coverage; the first listed on a tie). */
export function findSameType(s: JsonSchema, candidates: readonly string[], definitions: Record<string, JsonSchema>): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  for (const name of candidates) {
    const score = sameTypeScore(s, name, definitions);
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}
