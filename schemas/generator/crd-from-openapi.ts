// Some projects ship CRDs without a schema (`x-kubernetes-preserve-unknown-fields` at the top, as
// Katib's do) and describe their kinds in an OpenAPI v2 document instead. This gives such a CRD
// version the schema of its kind from that document, the project's own definitions inlined and
// Kubernetes types as $refs to the shared definitions, so the usual CRD conversion applies to it.
import { DEFAULT_DEFINITIONS_URI } from '../../server/src/core/schema/crd-to-schema';
import { isObject, type JsonSchema } from '../../server/src/core/schema/translate';

export interface OpenApiDocument {
  /** Its path under schemas/upstream, for messages. */
  source: string;
  definitions: Record<string, unknown>;
}

/**
 * Where a name the document does not define is found among the Kubernetes definitions: projects
 * built with kube-openapi shorten Kubernetes' package paths (Katib's hack/swagger removes
 * "k8s.io/api/core/" and "k8s.io/apimachinery/pkg/apis/meta/", so `v1.Container` is core/v1's).
 */
const KUBERNETES_PACKAGES = ['io.k8s.api.core.', 'io.k8s.apimachinery.pkg.apis.meta.'];

/** Any object, as apimachinery's Unstructured is (Katib's trial templates: a Job, a PyTorchJob, …). */
const UNSTRUCTURED = 'v1.unstructured.Unstructured';

/** A version schema that says nothing: an object that keeps every field. */
export function isBareSchema(schema: unknown): boolean {
  return !isObject(schema) || (schema['x-kubernetes-preserve-unknown-fields'] === true && !isObject(schema.properties));
}

/** The definition of `kind` in `version`: kube-openapi names it `<package>.<Kind>`, the package being the version. */
function kindDefinition(document: OpenApiDocument, version: string, kind: string): string | undefined {
  return Object.keys(document.definitions).find((name) => name.replace(/^\./, '') === `${version}.${kind}`);
}

function refName(ref: string, source: string): string {
  const name = /^#\/definitions\/(.+)$/.exec(ref)?.[1];
  if (!name) throw new Error(`${source}: unsupported $ref ${ref}`);
  return name;
}

/** The node with every `$ref` to the document's own definitions replaced by the definition's body. */
function inline(node: unknown, document: OpenApiDocument, kubernetes: Record<string, JsonSchema>, seen: readonly string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => inline(item, document, kubernetes, seen));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    const { $ref, ...siblings } = node;
    const name = refName($ref, document.source);
    if (name === UNSTRUCTURED) return { ...siblings, type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    const target = document.definitions[name];
    if (target === undefined) {
      const full = KUBERNETES_PACKAGES.map((prefix) => prefix + name).find((candidate) => candidate in kubernetes);
      if (!full) throw new Error(`${document.source}: ${name} is neither defined there nor a Kubernetes definition`);
      return { ...siblings, $ref: `${DEFAULT_DEFINITIONS_URI}#/definitions/${full}` };
    }
    if (seen.includes(name)) throw new Error(`${document.source}: ${name} refers to itself (${seen.join(' → ')})`);
    const body = inline(target, document, kubernetes, [...seen, name]) as JsonSchema;
    // The use's description says more than the type's (what this field is for).
    return { ...body, ...siblings };
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(value, document, kubernetes, seen)]));
}

/**
 * The CRD, with each version that has no schema of its own given its kind's from the one document
 * that defines it (a new object: the CRD read is not changed). `kubernetes` are the generated
 * Kubernetes definitions the $refs point into.
 */
export function withOpenApiSchemas(crd: unknown, documents: readonly OpenApiDocument[], kubernetes: Record<string, JsonSchema>): unknown {
  if (!isObject(crd) || !isObject(crd.spec) || !Array.isArray(crd.spec.versions)) return crd;
  const names = isObject(crd.spec.names) ? crd.spec.names : {};
  const versions = crd.spec.versions.map((version: unknown) => {
    if (!isObject(version) || typeof version.name !== 'string' || typeof names.kind !== 'string') return version;
    const schema = isObject(version.schema) ? version.schema.openAPIV3Schema : undefined;
    if (!isBareSchema(schema)) return version;
    const found = documents.flatMap((document) => {
      const name = kindDefinition(document, version.name as string, names.kind as string);
      return name ? [{ document, name }] : [];
    });
    if (found.length === 0) return version;
    if (found.length > 1)
      throw new Error(`${names.kind} ${version.name} is defined in ${found.map((f) => f.document.source).join(' and ')}`);
    const [{ document, name }] = found;
    const openAPIV3Schema = inline(document.definitions[name], document, kubernetes, [name]);
    return { ...version, schema: { openAPIV3Schema } };
  });
  return { ...crd, spec: { ...crd.spec, versions } };
}
