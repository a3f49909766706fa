// The build step that compiles the shipped kinds' validators into dist/validators
// (schemas/precompile): bundles the compiler, and runs it only when it or the schemas changed
// since the validators there were compiled (their stamp says), so most builds skip it.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './setup.mjs';

export const validatorsDir = join(root, 'dist', 'validators');

/** Compiles the validators unless those in dist/validators come from the same compiler and schemas; returns a line for the log. */
export async function precompileValidators() {
  const started = Date.now();
  const bundle = await esbuild.build({
    entryPoints: ['schemas/precompile/precompile.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // The build's own esbuild minifies the modules; the compiler is handed it.
    external: ['esbuild'],
    write: false,
    logLevel: 'warning',
    absWorkingDir: root,
  });
  const code = bundle.outputFiles[0].text;
  const build = createHash('sha256')
    .update(code)
    .update(readFileSync(join(root, 'schemas', 'index.json')))
    .digest('hex');
  const stampFile = join(validatorsDir, 'stamp.json');
  if (existsSync(stampFile) && JSON.parse(readFileSync(stampFile, 'utf8')).build === build) {
    return `dist/validators up to date (checked in ${Date.now() - started} ms)`;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'mlinfra-precompile-'));
  try {
    const file = join(scratch, 'precompile.cjs');
    writeFileSync(file, code);
    const { precompileValidators: run } = createRequire(import.meta.url)(file);
    return `dist/validators: ${await run({ root, outDir: validatorsDir, build, esbuild })}`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
