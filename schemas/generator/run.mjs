// `npm run schemas`: bundles schemas/generator/main.ts with esbuild into a temporary file and
// runs it, so generating needs no prior tsc. Arguments (e.g. --verbose) are passed through.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'mlinfra-schemas-'));
try {
  const outfile = join(scratch, 'generate-schemas.cjs');
  const { metafile } = await esbuild.build({
    entryPoints: ['schemas/generator/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: root,
  });
  // Packages are not the generator's sources, wherever node_modules is (a worktree may link it from elsewhere).
  const inputs = Object.keys(metafile.inputs).filter((path) => !path.split('/').includes('node_modules'));
  const result = spawnSync(process.execPath, [outfile, root, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, MLINFRA_GENERATOR_INPUTS: JSON.stringify([...inputs, 'schemas/generator/run.mjs']) },
  });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
