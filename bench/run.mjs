// `npm run bench`: builds our server if it is missing or stale, installs yaml-language-server@2.0.0 once
// into .vscode-test/bench/, bundles the TypeScript bench (bench/main.ts, and bench/parse-worker.ts, the
// process the parse-only part runs in) with esbuild and runs it.
// Options: --sizes 1,50 (default 1,50,500) for the YAML and parse parts; --only yaml, triton, parse or logs runs one part.
// The logs part (bench/logs-main.ts and the cluster process it starts, bench/logs-cluster.ts) is bundled into
// dist/bench/, under the repository, where the local cluster finds the schemas; it needs no other server.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, ensureNpmPackages, root } from '../scripts/lib/setup.mjs';

const YAML_SERVER_VERSION = '2.0.0';
const benchDir = join(cacheDir, 'bench');
const yamlServerDir = join(benchDir, 'node_modules', 'yaml-language-server');

function log(message) {
  process.stdout.write(`[bench] ${message}\n`);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit code ${result.status}`})`);
}

/** Newest modification time of the files under `dir` (0 when it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    }),
  );
}

function ensureServerBuilt() {
  const server = join(root, 'dist', 'server.js');
  const validators = join(root, 'dist', 'validators', 'stamp.json');
  const sources = Math.max(...['server/src', 'common', 'schemas'].map((dir) => newest(join(root, dir))));
  if (existsSync(server) && existsSync(validators) && statSync(server).mtimeMs >= sources) return;
  log(
    !existsSync(server)
      ? 'dist/server.js is missing: building'
      : !existsSync(validators)
        ? 'dist/validators is missing: building'
        : 'dist/server.js is older than its sources: building',
  );
  run(process.execPath, ['scripts/build.mjs']);
}

function ensureYamlLanguageServer() {
  const manifest = join(yamlServerDir, 'package.json');
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === YAML_SERVER_VERSION) return;
  log(`installing yaml-language-server@${YAML_SERVER_VERSION} into ${benchDir}`);
  mkdirSync(benchDir, { recursive: true });
  run('npm', [
    'install',
    '--prefix',
    benchDir,
    '--no-save',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `yaml-language-server@${YAML_SERVER_VERSION}`,
  ]);
}

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

/** Bundles bench entry points (TypeScript, importing the project's sources) into `outdir` as `<name>.cjs`. */
async function bundleBench(names, outdir) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: names.map((name) => join(root, 'bench', `${name}.ts`)),
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

async function runLogsBench() {
  const outdir = join(root, 'dist', 'bench');
  await bundleBench(['logs-main', 'logs-cluster'], outdir);
  const flags = process.env.MLINFRA_BENCH_LOGS_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.MLINFRA_BENCH_LOGS_PROFILE}`] : [];
  return (
    spawnSync(process.execPath, ['--enable-source-maps', ...flags, join(outdir, 'logs-main.cjs'), root], { stdio: 'inherit' }).status ?? 1
  );
}

try {
  ensureNpmPackages();
  if (only === 'logs') process.exit(await runLogsBench());
  ensureServerBuilt();
  ensureYamlLanguageServer();
  const bundle = join(benchDir, 'main.cjs');
  await bundleBench(['main', 'parse-worker'], benchDir);
  const bin = join(yamlServerDir, 'bin', 'yaml-language-server');
  const result = spawnSync(process.execPath, ['--enable-source-maps', bundle, root, bin, ...args], { stdio: 'inherit' });
  // The whole bench ends with the logs part.
  const logs = only === undefined ? await runLogsBench() : 0;
  process.exit(result.status || logs);
} catch (error) {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
