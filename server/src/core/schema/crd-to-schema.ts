// Converts a CustomResourceDefinition into one JSON schema per served version, with embedded
// Kubernetes types replaced by $refs to the shared definitions. Pure: used by the generator and,
// at run time, by the server on the user's own CRDs.
import { findSameType } from './same-type';
import { shareRepeated } from './share-repeated';
import { isObject, OBJECT_META_DEFINITION, translate, type JsonSchema } from './translate';

/** Kubernetes types that CRDs embed, tried at every object of a CRD schema (see same-type.ts). */
export const EMBEDDED_TYPES: readonly string[] = [
  'io.k8s.api.core.v1.PodTemplateSpec',
  'io.k8s.api.batch.v1.JobTemplateSpec',
  'io.k8s.api.core.v1.Service',
  'io.k8s.api.core.v1.PersistentVolumeClaimTemplate',
  'io.k8s.api.core.v1.PersistentVolumeClaim',
  'io.k8s.api.core.v1.PodSpec',
  'io.k8s.api.batch.v1.JobSpec',
  'io.k8s.api.core.v1.ServiceSpec',
  'io.k8s.api.core.v1.PersistentVolumeClaimSpec',
  'io.k8s.api.core.v1.Container',
  'io.k8s.api.core.v1.EphemeralContainer',
  'io.k8s.api.core.v1.Volume',
  'io.k8s.api.core.v1.VolumeMount',
  'io.k8s.api.core.v1.Affinity',
  'io.k8s.api.core.v1.Toleration',
  'io.k8s.api.core.v1.TopologySpreadConstraint',
  'io.k8s.api.core.v1.ResourceRequirements',
  'io.k8s.api.core.v1.PodResourceClaim',
  'io.k8s.api.core.v1.EnvVar',
  'io.k8s.api.core.v1.EnvVarSource',
  'io.k8s.api.core.v1.EnvFromSource',
  'io.k8s.api.core.v1.SecurityContext',
  'io.k8s.api.core.v1.PodSecurityContext',
  'io.k8s.api.core.v1.Probe',
  'io.k8s.api.core.v1.Lifecycle',
  'io.k8s.api.core.v1.ContainerPort',
  'io.k8s.api.core.v1.ServicePort',
  'io.k8s.api.core.v1.PodDNSConfig',
  'io.k8s.api.core.v1.HostAlias',
  'io.k8s.api.networking.v1.NetworkPolicyIngressRule',
  'io.k8s.api.networking.v1.NetworkPolicyEgressRule',
  'io.k8s.api.networking.v1.NetworkPolicyPeer',
  'io.k8s.api.networking.v1.NetworkPolicyPort',
  'io.k8s.api.autoscaling.v2.MetricSpec',
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerBehavior',
  'io.k8s.api.autoscaling.v2.HPAScalingRules',
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Condition',
];

export interface CrdKindSchema {
  apiVersion: string;
  kind: string;
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
  schema: JsonSchema;
  /** Which subschemas became $refs: JSON pointer-like path in the CRD schema -> definition name. */
  replaced: { path: string; definition: string }[];
}

export interface CrdOptions {
  /** How kind schemas address the definitions document (default: the relative path between generated files). */
  definitionsUri?: string;
  /** Definitions to try as embedded types (default EMBEDDED_TYPES; only those present in `definitions` are tried). */
  embeddedTypes?: readonly string[];
  /** Moves repeated subschemas into the schema's own definitions (default true; see share-repeated.ts). */
  shareRepeated?: boolean;
}

export const DEFAULT_DEFINITIONS_URI = '../kubernetes/definitions.json';

function str(value: unknown, what: string): string {
  if (typeof value !== 'string' || !value) throw new Error(`CRD has no ${what}`);
  return value;
}

/** Replaces, top-down, every subschema that is the same type as a candidate definition. */
function replaceEmbedded(
  node: JsonSchema,
  path: string,
  context: { candidates: readonly string[]; definitions: Record<string, JsonSchema>; uri: string; replaced: CrdKindSchema['replaced'] },
  top = false,
): JsonSchema {
  if (!top && isObject(node.properties)) {
    const name = findSameType(node, context.candidates, context.definitions);
    if (name) {
      context.replaced.push({ path, definition: name });
      const ref: JsonSchema = { $ref: `${context.uri}#/definitions/${name}` };
      return typeof node.description === 'string' ? { ...ref, description: node.description } : ref;
    }
  }
  const out: JsonSchema = { ...node };
  if (isObject(node.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(node.properties).map(([key, child]) => [key, replaceEmbedded(child as JsonSchema, `${path}/${key}`, context)]),
    );
  }
  if (isObject(node.items)) out.items = replaceEmbedded(node.items, `${path}[]`, context);
  if (isObject(node.additionalProperties)) out.additionalProperties = replaceEmbedded(node.additionalProperties, `${path}{}`, context);
  return out;
}

/** The openAPIV3Schema of a version: its own, or the CRD-wide one of older (v1beta1) CRDs. */
function versionSchema(spec: JsonSchema, version: JsonSchema): unknown {
  const own = isObject(version.schema) ? version.schema.openAPIV3Schema : undefined;
  return own ?? (isObject(spec.validation) ? spec.validation.openAPIV3Schema : undefined);
}

/**
 * One schema per served version of the CRD. `definitions` are the Kubernetes definitions in
 * their generated form (schemas/kubernetes/definitions.json's `definitions`).
 */
export function crdToSchemas(crd: unknown, definitions: Record<string, JsonSchema>, options: CrdOptions = {}): CrdKindSchema[] {
  if (!isObject(crd) || crd.kind !== 'CustomResourceDefinition' || !isObject(crd.spec)) throw new Error('not a CustomResourceDefinition');
  const spec = crd.spec;
  const names = isObject(spec.names) ? spec.names : {};
  const group = str(spec.group, 'spec.group');
  const kind = str(names.kind, 'spec.names.kind');
  const plural = str(names.plural, 'spec.names.plural');
  const namespaced = spec.scope !== 'Cluster';
  const uri = options.definitionsUri ?? DEFAULT_DEFINITIONS_URI;
  const metadataRef = `${uri}#/definitions/${OBJECT_META_DEFINITION}`;
  const candidates = (options.embeddedTypes ?? EMBEDDED_TYPES).filter((name) => name in definitions);
  const versions = Array.isArray(spec.versions)
    ? spec.versions.filter(isObject)
    : typeof spec.version === 'string'
      ? [{ name: spec.version, served: true }]
      : [];
  const result: CrdKindSchema[] = [];
  for (const version of versions) {
    if (version.served === false) continue;
    const name = str(version.name, 'version name');
    const raw = versionSchema(spec, version);
    const translated = translate(isObject(raw) ? raw : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, { metadataRef });
    const replaced: CrdKindSchema['replaced'] = [];
    const body = replaceEmbedded(translated, '', { candidates, definitions, uri, replaced }, true);
    const properties = isObject(body.properties) ? body.properties : {};
    const required = Array.isArray(body.required) ? (body.required as string[]) : [];
    const schema: JsonSchema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: kind,
      ...body,
      type: 'object',
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        ...properties,
        metadata: { $ref: metadataRef },
      },
      required: [...new Set(['apiVersion', 'kind', ...required])],
    };
    if (!isObject(raw) || raw['x-kubernetes-preserve-unknown-fields'] !== true) schema.additionalProperties = false;
    const shared = options.shareRepeated === false ? schema : shareRepeated(schema);
    result.push({ apiVersion: `${group}/${name}`, kind, group, version: name, plural, namespaced, schema: shared, replaced });
  }
  return result;
}
