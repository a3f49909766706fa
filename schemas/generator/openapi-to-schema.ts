// Converts the Kubernetes OpenAPI v2 document (swagger.json) into JSON Schema: the shared
// definitions, and one schema per top-level kind. Pure: takes the parsed document, returns data.
import { enumFromDescription } from './enum-from-description';
import { KUBERNETES_ENUMS } from './kubernetes-enums';
import {
  INT_OR_STRING_DEFINITION,
  intOrString,
  isObject,
  OBJECT_META_DEFINITION,
  QUANTITY_DEFINITION,
  quantity,
  translate,
  type JsonSchema,
} from '../../server/src/core/schema/translate';

export const DEFINITION_PREFIX = '#/definitions/';

/**
 * Timestamps may be null: `kubectl create --dry-run -o yaml` writes `creationTimestamp: null`,
 * and the API server takes null as "not set".
 */
const NULLABLE_DEFINITIONS = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime']);

export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

export interface KubernetesKind extends Gvk {
  apiVersion: string;
  /** The swagger definition name, e.g. io.k8s.api.core.v1.Pod. */
  definition: string;
  plural?: string;
  namespaced?: boolean;
}

export interface Definitions {
  definitions: Record<string, JsonSchema>;
  /** Every enum read from a description: `<definition>.<property>` -> values. */
  enums: Record<string, string[]>;
}

function refName(ref: string): string {
  if (!ref.startsWith(DEFINITION_PREFIX)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(DEFINITION_PREFIX.length);
}

/** Every definition `roots` need, themselves included, found by following `$ref`s. */
export function definitionClosure(definitions: Record<string, unknown>, roots: Iterable<string>): string[] {
  const seen = new Set<string>();
  const pending = [...roots];
  // Extension keywords (x-*) hold no schemas, but a property may be named x-… (CRD schemas are
  // described by JSONSchemaProps, whose fields include x-kubernetes-validations).
  const refs = (node: unknown, isPropertyMap = false): void => {
    if (Array.isArray(node)) node.forEach((item) => refs(item));
    else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && !isPropertyMap) pending.push(refName(value));
        else if (isPropertyMap || !key.startsWith('x-')) refs(value, !isPropertyMap && key === 'properties');
      }
    }
  };
  while (pending.length) {
    const name = pending.pop() as string;
    if (seen.has(name)) continue;
    if (!(name in definitions)) throw new Error(`definition ${name} is missing`);
    seen.add(name);
    refs(definitions[name]);
  }
  return [...seen].sort();
}

/** Adds the enum read from a string (or string-list) property's description. */
function withEnum(node: JsonSchema, key: string, enums: Record<string, string[]>): JsonSchema {
  const values = KUBERNETES_ENUMS[key] ?? enumFromDescription(node.description);
  if (!values) return node;
  if (node.type === 'string' && !node.enum) {
    enums[key] = values;
    return { ...node, enum: values };
  }
  const items = node.items;
  if (node.type === 'array' && isObject(items) && items.type === 'string' && !items.enum && !items.$ref) {
    enums[`${key}[]`] = values;
    return { ...node, items: { ...items, enum: values } };
  }
  return node;
}

/** One definition in JSON Schema form; refs stay local (`#/definitions/...`) unless `ref` rewrites them. */
export function convertDefinition(
  name: string,
  input: unknown,
  enums: Record<string, string[]> = {},
  ref?: (ref: string) => string,
): JsonSchema {
  const description = isObject(input) ? input.description : undefined;
  if (name === INT_OR_STRING_DEFINITION) return intOrString(description);
  if (name === QUANTITY_DEFINITION) return quantity(description);
  if (NULLABLE_DEFINITIONS.has(name) && isObject(input)) return { ...translate(input, { metadataRef: '' }), type: [input.type, 'null'] };
  return translate(input, {
    ref,
    metadataRef: ref ? ref(DEFINITION_PREFIX + OBJECT_META_DEFINITION) : DEFINITION_PREFIX + OBJECT_META_DEFINITION,
    visit: (node, path) => (path.length === 1 ? withEnum(node, `${name}.${path[0]}`, enums) : node),
  });
}

/** The named definitions (with everything they refer to) in JSON Schema form. */
export function convertDefinitions(definitions: Record<string, unknown>, roots: Iterable<string>): Definitions {
  const enums: Record<string, string[]> = {};
  const converted: Record<string, JsonSchema> = {};
  for (const name of definitionClosure(definitions, roots)) converted[name] = convertDefinition(name, definitions[name], enums);
  return { definitions: converted, enums };
}

function gvks(definition: unknown): Gvk[] {
  const list = isObject(definition) ? definition['x-kubernetes-group-version-kind'] : undefined;
  return Array.isArray(list)
    ? list.filter(isObject).map((g) => ({ group: String(g.group), version: String(g.version), kind: String(g.kind) }))
    : [];
}

export function apiVersionOf({ group, version }: { group: string; version: string }): string {
  return group ? `${group}/${version}` : version;
}

/** Plural and scope of each kind, read from the REST paths that create it (`POST .../namespaces/{namespace}/pods`). */
function scopes(paths: unknown): Map<string, { plural: string; namespaced: boolean }> {
  const found = new Map<string, { plural: string; namespaced: boolean }>();
  if (!isObject(paths)) return found;
  for (const [path, item] of Object.entries(paths)) {
    const post = isObject(item) ? item.post : undefined;
    if (!isObject(post) || post['x-kubernetes-action'] !== 'post') continue;
    const gvk = gvks({ 'x-kubernetes-group-version-kind': [post['x-kubernetes-group-version-kind']] })[0];
    const match = /^\/apis?\/(?:[^/]+\/)?[^/]+\/(namespaces\/\{namespace\}\/)?([a-z0-9]+)$/.exec(path);
    if (gvk && match) found.set(`${apiVersionOf(gvk)}/${gvk.kind}`, { plural: match[2], namespaced: Boolean(match[1]) });
  }
  return found;
}

/** Every top-level kind of the document: definitions carrying x-kubernetes-group-version-kind. */
export function kubernetesKinds(swagger: unknown): KubernetesKind[] {
  if (!isObject(swagger) || !isObject(swagger.definitions)) throw new Error('not a swagger document: no definitions');
  const scope = scopes(swagger.paths);
  const kinds: KubernetesKind[] = [];
  for (const [definition, value] of Object.entries(swagger.definitions)) {
    for (const gvk of gvks(value)) {
      const apiVersion = apiVersionOf(gvk);
      kinds.push({ ...gvk, apiVersion, definition, ...scope.get(`${apiVersion}/${gvk.kind}`) });
    }
  }
  return kinds;
}

/**
 * The schema of one kind: its definition's properties with refs pointing into the shared
 * definitions document at `definitionsUri`, apiVersion and kind required, unknown fields refused.
 */
export function kindSchema(
  definitions: Record<string, unknown>,
  kind: KubernetesKind,
  definitionsUri: string,
  enums: Record<string, string[]> = {},
): JsonSchema {
  const rewrite = (ref: string): string => `${definitionsUri}#/definitions/${refName(ref)}`;
  const converted = convertDefinition(kind.definition, definitions[kind.definition], enums, rewrite);
  const required = Array.isArray(converted.required) ? (converted.required as string[]) : [];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: kind.kind,
    ...converted,
    type: 'object',
    required: [...new Set(['apiVersion', 'kind', ...required])],
    additionalProperties: false,
  };
}
