// `npm run schemas`: reads schemas/upstream (Kubernetes swagger.json, the CRDs, Triton's model_config.proto),
// converts them with the pure converters beside this file (CRDs with the core's, which the server
// also uses on users' CRDs), and writes schemas/ with its index.
import type { SchemaIndexEntry } from '../../server/src/core/schema/schema-index';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { crdToSchemas, EMBEDDED_TYPES, type CrdKindSchema } from '../../server/src/core/schema/crd-to-schema';
import { isObject, OBJECT_META_DEFINITION, sortKeys, type JsonSchema } from '../../server/src/core/schema/translate';
import { withOpenApiSchemas, type OpenApiDocument } from './crd-from-openapi';
import { crdResourceInfo } from './crd-resources';
import { GENERATOR_SOURCES, generatorHash, inputFiles, OPENAPI_DIR, sha256, SWAGGER, TRITON_PROTO, upstreamDir } from './fingerprint';
import { convertDefinitions, kindSchema, kubernetesKinds, type KubernetesKind } from './openapi-to-schema';
import { parseProto } from './proto-parse';
import { protoToSchema } from './proto-to-schema';
import { printReport, type KindReport } from './report';

export const BASE = 'https://schemas.mlinfra.dev/';
const DEFINITIONS = 'kubernetes/definitions.json';
const TRITON_SCHEMA = 'triton/model_config.json';

/**
 * The Kubernetes kinds that get a schema: every kind swagger.json names (`x-kubernetes-group-version-kind`) that a
 * user writes as a manifest, in every version the API serves; a document's apiVersion picks the version.
 */
export function isManifestKind(kind: KubernetesKind): boolean {
  // apimachinery's meta kinds (Status, WatchEvent, DeleteOptions, APIGroup…) are listed under every group:
  // they are the form of the server's answers and of request options, never an object one writes.
  if (kind.definition.startsWith('io.k8s.apimachinery.')) return false;
  // *List kinds are what a list request answers; the items they hold have schemas of their own.
  if (kind.kind.endsWith('List')) return false;
  // Subresources (autoscaling/v1 Scale, policy/v1 Eviction, TokenRequest) and read-only kinds (ComponentStatus)
  // have no collection of their own to be created in: no `POST .../<plural>` path, so no plural.
  return kind.plural !== undefined;
}

type IndexKind = SchemaIndexEntry;

/** The generated file of a kind: kinds/<group-or-core>_<version>_<kind-lowercase>.json. */
export function kindFile(group: string, version: string, kind: string): string {
  return `kinds/${group || 'core'}_${version}_${kind.toLowerCase()}.json`;
}

/** JSON as the format note asks: one-space indent, trailing newline, sorted keys. */
export function serialize(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 1)}\n`;
}

function refsOf(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => refsOf(item, found));
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value.replace(/^.*#\/definitions\//, ''));
      else refsOf(value, found);
    }
  }
  return found;
}

function selectCoreKinds(swagger: unknown): KubernetesKind[] {
  return kubernetesKinds(swagger).filter(isManifestKind);
}

/** The CRDs, each version without a schema of its own given its kind's from the vendored OpenAPI documents. */
function readCrds(upstream: string, files: string[], definitions: Record<string, JsonSchema>): { source: string; crd: unknown }[] {
  const documents: OpenApiDocument[] = files
    .filter((file) => file.startsWith(`${OPENAPI_DIR}/`))
    .map((source) => ({ source, definitions: (JSON.parse(readFileSync(join(upstream, source), 'utf8')) as OpenApiDocument).definitions }));
  return files
    .filter((file) => file.startsWith('crds/'))
    .flatMap((source) =>
      parseAllDocuments(readFileSync(join(upstream, source), 'utf8'))
        .map((document) => document.toJS({ maxAliasCount: -1 }) as unknown)
        .filter((crd) => isObject(crd) && crd.kind === 'CustomResourceDefinition')
        .map((crd) => ({ source, crd: withOpenApiSchemas(crd, documents, definitions) })),
    );
}

function main(root: string): void {
  const started = Date.now();
  checkBundledInputs(root);
  const upstream = upstreamDir(root);
  const inputs = inputFiles(upstream);
  const swaggerDocument = JSON.parse(readFileSync(join(upstream, SWAGGER), 'utf8')) as { definitions: Record<string, unknown> };
  const coreKinds = selectCoreKinds(swaggerDocument);

  // The definitions: everything the core kinds refer to, and the types CRDs embed (also for users' CRDs).
  const roots = new Set([OBJECT_META_DEFINITION, ...EMBEDDED_TYPES]);
  for (const kind of coreKinds) refsOf(swaggerDocument.definitions[kind.definition]).forEach((name) => roots.add(name));
  const { definitions, enums } = convertDefinitions(swaggerDocument.definitions, roots);

  const outputs = new Map<string, unknown>();
  const index: IndexKind[] = [];
  const reports: KindReport[] = [];
  outputs.set(DEFINITIONS, { $schema: 'http://json-schema.org/draft-07/schema#', $id: BASE + DEFINITIONS, definitions });
  const kindEnums: Record<string, string[]> = {};
  for (const kind of coreKinds) {
    const file = kindFile(kind.group, kind.version, kind.kind);
    const schema = kindSchema(swaggerDocument.definitions, kind, '../kubernetes/definitions.json', kindEnums);
    outputs.set(file, { $id: BASE + file, ...schema });
    index.push({
      apiVersion: kind.apiVersion,
      kind: kind.kind,
      schema: file,
      group: kind.group,
      version: kind.version,
      plural: kind.plural,
      namespaced: kind.namespaced,
      source: SWAGGER,
    });
  }
  const verbose = process.argv.includes('--verbose');
  for (const { source, crd } of readCrds(upstream, inputs, definitions)) {
    // Only for the report: what each file would be without $refs and shared definitions.
    const plain = verbose ? crdToSchemas(crd, definitions, { embeddedTypes: [], shareRepeated: false }) : [];
    const unreplaced = new Map(plain.map((k) => [k.apiVersion, k.schema]));
    for (const kind of crdToSchemas(crd, definitions)) {
      const file = kindFile(kind.group, kind.version, kind.kind);
      if (outputs.has(file)) throw new Error(`${file} would be written twice (second time from ${source})`);
      outputs.set(file, { $id: BASE + file, ...kind.schema });
      index.push({ ...entryOf(kind), schema: file, source, resource: crdResourceInfo(crd, kind.version) });
      const before = unreplaced.get(kind.apiVersion);
      reports.push({ file, before: before && Buffer.byteLength(serialize({ $id: BASE + file, ...before })), replaced: kind.replaced });
    }
  }
  index.sort((a, b) => (a.apiVersion === b.apiVersion ? compare(a.kind, b.kind) : compare(a.apiVersion, b.apiVersion)));
  outputs.set(TRITON_SCHEMA, tritonSchema(upstream));

  const written = writeOutputs(join(root, 'schemas'), outputs);
  const inputHashes = Object.fromEntries(inputs.map((path) => [path, sha256(readFileSync(join(upstream, path)))]));
  const indexFile = {
    generatedBy: 'npm run schemas',
    kubernetes: 'release-1.36',
    inputs: inputHashes,
    generator: generatorHash(root),
    outputs: Object.fromEntries([...written].map(([path, text]) => [path, sha256(text)])),
    kinds: index,
    triton: { schema: TRITON_SCHEMA, source: TRITON_PROTO },
  };
  writeFileSync(join(root, 'schemas', 'index.json'), serialize(indexFile));
  printReport({ written, reports, enums: { ...enums, ...kindEnums }, verbose, ms: Date.now() - started });
}

/** Triton's config.pbtxt schema: every message and enum of model_config.proto, the root inference.ModelConfig. */
function tritonSchema(upstream: string): unknown {
  let proto: ReturnType<typeof parseProto>;
  try {
    proto = parseProto(readFileSync(join(upstream, TRITON_PROTO), 'utf8'));
  } catch (error) {
    throw new Error(`${TRITON_PROTO}, ${(error as Error).message}`, { cause: error });
  }
  return protoToSchema(proto, {
    id: BASE + TRITON_SCHEMA,
    root: 'inference.ModelConfig',
    title: 'NVIDIA Triton model configuration (config.pbtxt)',
    description:
      'A Triton Inference Server model configuration: the inference.ModelConfig message of model_config.proto, as written in config.pbtxt.',
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function entryOf(kind: CrdKindSchema): Omit<IndexKind, 'schema' | 'source'> {
  const { apiVersion, kind: name, group, version, plural, namespaced } = kind;
  return { apiVersion, kind: name, group, version, plural, namespaced };
}

/** Writes every output and deletes generated files that are no longer produced; returns path -> text. */
function writeOutputs(dir: string, outputs: Map<string, unknown>): Map<string, string> {
  const written = new Map<string, string>();
  for (const sub of ['kinds', 'kubernetes', 'triton']) {
    mkdirSync(join(dir, sub), { recursive: true });
    for (const name of readdirSync(join(dir, sub))) {
      if (name.endsWith('.json') && !outputs.has(`${sub}/${name}`)) rmSync(join(dir, sub, name));
    }
  }
  for (const path of [...outputs.keys()].sort()) {
    const text = serialize(outputs.get(path));
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    written.set(path, text);
  }
  return written;
}

/** run.mjs passes the files esbuild bundled; each must be hashed into index.json's "generator". */
function checkBundledInputs(root: string): void {
  const bundled = JSON.parse(process.env.MLINFRA_GENERATOR_INPUTS ?? '[]') as string[];
  const unlisted = bundled.filter((path) => !GENERATOR_SOURCES.includes(path));
  if (unlisted.length)
    throw new Error(`add ${unlisted.join(', ')} to GENERATOR_SOURCES in schemas/generator/fingerprint.ts (root ${root})`);
}

main(process.argv[2] ?? process.cwd());
