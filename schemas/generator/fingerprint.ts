// Hashes that tie the committed schemas to what produced them: the upstream inputs (Kubernetes,
// CRDs, Triton's proto), the generator's sources and the generated files. Shared with the drift test.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every source file the generator is built from (run.mjs checks the bundle uses no other). */
export const GENERATOR_SOURCES = [
  'schemas/generator/crd-from-openapi.ts',
  'schemas/generator/crd-resources.ts',
  'schemas/generator/enum-from-description.ts',
  'schemas/generator/fingerprint.ts',
  'schemas/generator/kubernetes-enums.ts',
  'schemas/generator/main.ts',
  'schemas/generator/openapi-to-schema.ts',
  'schemas/generator/proto-lex.ts',
  'schemas/generator/proto-model.ts',
  'schemas/generator/proto-parse.ts',
  'schemas/generator/proto-to-schema.ts',
  'schemas/generator/report.ts',
  'schemas/generator/run.mjs',
  'server/src/core/schema/crd-to-schema.ts',
  'server/src/core/schema/same-type.ts',
  'server/src/core/schema/share-repeated.ts',
  'server/src/core/schema/translate.ts',
];

export const SWAGGER = 'kubernetes/swagger.json';
export const TRITON_PROTO = 'triton/model_config.proto';
/** OpenAPI v2 documents of projects whose CRDs carry no schema (see crd-from-openapi.ts). */
export const OPENAPI_DIR = 'openapi';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The upstream specifications, vendored unmodified in schemas/upstream (their sources and licences in SOURCES.md). */
export function upstreamDir(root: string): string {
  return join(root, 'schemas', 'upstream');
}

/** The inputs the generator reads, as paths under the upstream directory, sorted. */
export function inputFiles(upstream: string): string[] {
  const crds = readdirSync(join(upstream, 'crds')).filter((name) => name.endsWith('.yaml'));
  const openapi = readdirSync(join(upstream, OPENAPI_DIR)).filter((name) => name.endsWith('.json'));
  return [SWAGGER, TRITON_PROTO, ...crds.map((name) => `crds/${name}`), ...openapi.map((name) => `${OPENAPI_DIR}/${name}`)].sort();
}

/** One hash over the generator's sources: the sha256 of "<path> <sha256 of the file>" lines. */
export function generatorHash(root: string): string {
  const lines = GENERATOR_SOURCES.map((path) => {
    const file = join(root, path);
    return `${path} ${existsSync(file) ? sha256(readFileSync(file)) : 'missing'}\n`;
  });
  return sha256(lines.join(''));
}
