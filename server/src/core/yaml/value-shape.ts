// What a field's value looks like, for snippets: a mapping, a list, a choice of values or a
// scalar. Completion writes the key with the right shape after it; skeletons fill it in.
import type { JsonSchema } from '../schema/schema-registry';
import type { SchemaAt, SchemaNavigator } from '../schema/navigate';

export type Shape =
  | { kind: 'object'; at: SchemaAt }
  | { kind: 'map'; at: SchemaAt }
  | { kind: 'array'; item: SchemaAt | undefined }
  | { kind: 'choice'; values: string[] }
  | { kind: 'scalar'; type: string; schema: JsonSchema };

function types(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type.map(String);
  return typeof schema.type === 'string' ? [schema.type] : [];
}

export function shapeOf(navigator: SchemaNavigator, at: SchemaAt): Shape {
  const variants = navigator.variants(at);
  const resolved = variants[0];
  const schema = resolved.schema;
  const enumValues = variants.map((v) => v.schema.enum).find(Array.isArray);
  if (enumValues) return { kind: 'choice', values: enumValues.filter((v) => v !== null).map(String) };
  const typeList = variants.flatMap((v) => types(v.schema));
  if (typeList.includes('boolean') && typeList.length === 1) return { kind: 'choice', values: ['true', 'false'] };
  if (typeList.includes('array') || schema.items) {
    const items = variants.map((v) => v.schema.items).find((i) => i && typeof i === 'object' && !Array.isArray(i));
    return { kind: 'array', item: items ? { schema: items as JsonSchema, base: resolved.base } : undefined };
  }
  const hasProperties = variants.some((v) => v.schema.properties);
  if (hasProperties) return { kind: 'object', at: resolved };
  if (typeList.includes('object') || schema.additionalProperties) return { kind: 'map', at: resolved };
  return { kind: 'scalar', type: typeList.join(' or ') || 'any', schema };
}
