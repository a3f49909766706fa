// Walks a schema along a document path, following $refs across the generated files, so that
// hover and completion can say what a field is and what may go under it.
import type { JsonSchema, SchemaRegistry } from './schema-registry';

/** A schema with the document id its relative $refs resolve against. */
export interface SchemaAt {
  schema: JsonSchema;
  base: string;
}

/** One field a mapping may hold. */
export interface FieldInfo {
  name: string;
  at: SchemaAt;
  required: boolean;
}

function pointer(document: unknown, fragment: string): unknown {
  let node = document;
  for (const part of fragment.replace(/^\//, '').split('/')) {
    if (part === '') continue;
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

export class SchemaNavigator {
  constructor(private readonly registry: SchemaRegistry) {}

  /** The root schema of a document id. */
  root(id: string): SchemaAt | undefined {
    const schema = this.registry.document(id);
    return schema ? { schema, base: id } : undefined;
  }

  /** Follows $refs (a few hops at most) to the schema that says something. */
  resolve(at: SchemaAt): SchemaAt {
    let current = at;
    for (let hops = 0; hops < 32 && typeof current.schema.$ref === 'string'; hops++) {
      const url = new URL(current.schema.$ref, current.base);
      const base = url.href.replace(/#.*$/, '');
      const document = this.registry.document(base);
      const target = document ? pointer(document, url.hash.slice(1)) : undefined;
      if (!target || typeof target !== 'object') break;
      // A $ref's own description (a CRD field's) says more about the field than the type's.
      const description = current.schema.description;
      current = { schema: description ? { ...(target as JsonSchema), description } : (target as JsonSchema), base };
    }
    return current;
  }

  /** The schemas a value may follow: the schema itself and the branches of allOf/anyOf/oneOf. */
  variants(at: SchemaAt): SchemaAt[] {
    const resolved = this.resolve(at);
    const out = [resolved];
    for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
      const branches = resolved.schema[keyword];
      if (Array.isArray(branches)) {
        for (const branch of branches) out.push(...this.variants({ schema: branch as JsonSchema, base: resolved.base }));
      }
    }
    return out;
  }

  /** What a mapping key or list index leads to. */
  child(at: SchemaAt, segment: string | number): SchemaAt | undefined {
    for (const variant of this.variants(at)) {
      const { schema, base } = variant;
      if (typeof segment === 'number' || /^\d+$/.test(String(segment))) {
        const items = schema.items;
        if (items && typeof items === 'object' && !Array.isArray(items)) return { schema: items as JsonSchema, base };
      }
      const properties = schema.properties as Record<string, JsonSchema> | undefined;
      const property = properties?.[String(segment)];
      if (property) return { schema: property, base };
      const additional = schema.additionalProperties;
      if (additional && typeof additional === 'object') return { schema: additional as JsonSchema, base };
    }
    return undefined;
  }

  at(id: string, path: readonly (string | number)[]): SchemaAt | undefined {
    let current = this.root(id);
    for (const segment of path) {
      if (!current) return undefined;
      current = this.child(current, segment);
    }
    return current;
  }

  /** The fields a mapping may hold, required ones marked. */
  fields(at: SchemaAt): FieldInfo[] {
    const fields = new Map<string, FieldInfo>();
    const required = new Set<string>();
    for (const { schema, base } of this.variants(at)) {
      if (Array.isArray(schema.required)) for (const name of schema.required) required.add(String(name));
      const properties = schema.properties as Record<string, JsonSchema> | undefined;
      for (const [name, property] of Object.entries(properties ?? {})) {
        if (!fields.has(name)) fields.set(name, { name, at: { schema: property, base }, required: false });
      }
    }
    return [...fields.values()].map((field) => ({ ...field, required: required.has(field.name) }));
  }

  /** Words for a schema's type: `integer`, `list of Container`, `map of string`. */
  typeName(at: SchemaAt): string {
    const ref = typeof at.schema.$ref === 'string' ? at.schema.$ref : undefined;
    const { schema } = this.resolve(at);
    if (Array.isArray(schema.enum)) return `enum`;
    const type = Array.isArray(schema.type) ? schema.type.join(' or ') : schema.type;
    if (type === 'array' && schema.items && typeof schema.items === 'object') {
      return `list of ${this.typeName({ schema: schema.items as JsonSchema, base: this.resolve(at).base })}`;
    }
    if (type === 'object' && !schema.properties && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      return `map of ${this.typeName({ schema: schema.additionalProperties as JsonSchema, base: this.resolve(at).base })}`;
    }
    if (ref) return ref.slice(ref.lastIndexOf('.') + 1);
    return typeof type === 'string' ? type : 'any';
  }
}
