// `npm run package`: a production build and a .vsix that holds only what runs
// (see .vscodeignore); prints its contents and size. `--out <file>` writes it elsewhere (the bench does).
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureNpmPackages, readJson, root } from './lib/setup.mjs';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function vsixPath() {
  const { name, version } = readJson(join(root, 'package.json'));
  return join(root, `${name}-${version}.vsix`);
}

export function packageExtension(out = vsixPath()) {
  ensureNpmPackages();
  run('node', ['scripts/build.mjs', '--production']);
  // Everything is bundled, so the .vsix needs no node_modules; no repository is published yet.
  run('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out]);
  const kib = (statSync(out).size / 1024).toFixed(1);
  console.log(`[package] ${out.startsWith(root) ? relative(root, out) : out}: ${kib} KiB`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--out');
  packageExtension(at > 0 ? process.argv[at + 1] : undefined);
}
