// Drops the `description` of every schema, and only there: it is an annotation, which ajv never
// reads to validate, but the code it generates quotes each function's schema whole (for the
// `parentSchema` of its errors), and descriptions are half the bytes of the shipped schemas. A
// property named "description", and the values of enum, const, default and examples, are data
// and stay. Errors then differ from the run-time compiler's only in the descriptions they quote.
import type { JsonSchema } from '../../server/src/core/schema/index';

/** Keywords whose value is a schema, or an array of schemas. */
const SUBSCHEMA = new Set(['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else']);
const SUBSCHEMAS = new Set(['allOf', 'anyOf', 'oneOf']);
/** Keywords whose value maps names to schemas (`dependencies` may map a name to a list of names instead). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies', 'dependentSchemas']);

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function schemaOrList(value: unknown): unknown {
  return Array.isArray(value) ? value.map(withoutDescriptions) : withoutDescriptions(value);
}

/** The schema without its descriptions, at any depth; anything not a schema object is returned as it is. */
export function withoutDescriptions(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'description') continue;
    if (SUBSCHEMA.has(key)) out[key] = schemaOrList(value);
    else if (SUBSCHEMAS.has(key) && Array.isArray(value)) out[key] = value.map(withoutDescriptions);
    else if (SCHEMA_MAPS.has(key) && isObject(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, withoutDescriptions(child)]));
    else out[key] = value;
  }
  return out;
}
