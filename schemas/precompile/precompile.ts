// Compiles the validators of every shipped kind ahead of time (scripts/build.mjs runs it): the
// core's own Validators, over the generated schemas (without their descriptions: annotations.ts),
// keep ajv's code of each compiled function; it is split into modules (chunks.ts), written out
// (modules.ts), minified and stamped with the hash of schemas/index.json, which the server checks
// before it loads them.
import type { AnyValidateFunction } from 'ajv/dist/types';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as Esbuild from 'esbuild';
import { BUILTIN_BASE, SchemaRegistry, Validators } from '../../server/src/core/schema/index';
import { withoutDescriptions } from './annotations';
import { splitIntoChunks } from './chunks';
import { moduleSources, RUNTIME_MODULE } from './modules';

export const STAMP_FILE = 'stamp.json';

/** What the server reads in stamp.json: the hash of the schemas/index.json the validators were compiled from. */
export interface Stamp {
  schemas: string;
  /** The build's own fingerprint (the compiler and the schemas), to skip compiling again when nothing changed. */
  build: string;
}

export interface PrecompileOptions {
  /** The repository: schemas/ is read from it. */
  root: string;
  /** Where the modules go (dist/validators); emptied first. */
  outDir: string;
  build: string;
  esbuild: typeof Esbuild;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The compiled root function of every shipped kind's schema, by its path under schemas/. */
function compileKinds(schemasDir: string): { roots: Map<string, AnyValidateFunction>; unusable: string[] } {
  const registry = new SchemaRegistry({
    readJson: (path) => {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(join(schemasDir, path), 'utf8'));
      } catch {
        return undefined;
      }
      return path === 'index.json' ? json : withoutDescriptions(json);
    },
  });
  const validators = new Validators(registry, { keepSource: true });
  const roots = new Map<string, AnyValidateFunction>();
  const unusable: string[] = [];
  for (const { id } of registry.kinds()) {
    const path = id.slice(BUILTIN_BASE.length);
    try {
      roots.set(path, validators.validator(id) as AnyValidateFunction);
    } catch (error) {
      // Left to the server, which reports the same error on the documents of that kind.
      unusable.push(`${path}: ${(error as Error).message}`);
    }
  }
  return { roots, unusable };
}

/** Compiles, splits, minifies and writes the validators; returns a line for the build's log. */
export async function precompileValidators(options: PrecompileOptions): Promise<string> {
  const started = Date.now();
  const schemasDir = join(options.root, 'schemas');
  const { roots, unusable } = compileKinds(schemasDir);
  const { sources, helpers } = moduleSources(splitIntoChunks(roots));
  const minify = async (code: string) => (await options.esbuild.transform(code, { minify: true, format: 'cjs' })).code;
  const minified = await Promise.all([...sources].map(async ([file, code]) => [file, await minify(code)] as const));
  const runtime = await options.esbuild.build({
    stdin: {
      contents: [...helpers].map((name) => `exports.${name} = require('ajv/dist/runtime/${name}').default;`).join('\n'),
      resolveDir: options.root,
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  rmSync(options.outDir, { recursive: true, force: true });
  let bytes = 0;
  for (const [file, code] of [...minified, [RUNTIME_MODULE, runtime.outputFiles[0].text] as const]) {
    mkdirSync(dirname(join(options.outDir, file)), { recursive: true });
    writeFileSync(join(options.outDir, file), code);
    bytes += code.length;
  }
  // Last: a folder without its stamp (a build stopped half-way) is never loaded.
  const stamp: Stamp = { schemas: sha256(readFileSync(join(schemasDir, 'index.json'))), build: options.build };
  writeFileSync(join(options.outDir, STAMP_FILE), `${JSON.stringify(stamp, null, 1)}\n`);
  const problems = unusable.length ? `; not compiled (left to the server): ${unusable.join('; ')}` : '';
  return (
    `${roots.size} kinds' validators compiled into ${minified.length + 1} modules ` +
    `(${(bytes / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms${problems}`
  );
}
