// `npm test`: sets up what a fresh machine lacks, builds, and runs every kind of test —
// unit tests of the core, protocol tests against the built server, the extension-host suite
// inside a real VS Code (code-server), and the browser test — then totals them, with the wall
// time of each kind and of the whole run (CI's budget is 5 minutes).
// `npm test -- unit lsp` runs only the named kinds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureAll, root } from './lib/setup.mjs';

const STAGES = {
  lint: { title: 'lint and format check (ESLint, Prettier)', program: 'scripts/lint/run.mjs' },
  unit: {
    title:
      'unit tests (core, shared model, client views and cluster access, local cluster internals, schema ' +
      'generator, grammar, snippets, structure)',
    dirs: [
      'out/server',
      'out/client',
      'out/common',
      'out/cluster/src',
      'out/schemas/generator',
      'out/test/grammar',
      'out/test/snippets',
      'out/test/meta',
    ],
    timeout: 10000,
  },
  lsp: { title: 'protocol tests (dist/server.js --stdio)', dirs: ['out/test/lsp'], timeout: 20000 },
  // Only the kubectl tests: the *.test.ts beside the cluster's code are unit tests (above).
  cluster: { title: 'kubectl conformance (local API server)', dirs: ['out/cluster/test'], timeout: 60000 },
  integration: { title: 'extension-host suite (VS Code 1.100 in code-server)', program: 'out/test/integration/run-in-code-server.js' },
  e2e: { title: 'browser tests (workbench in Chromium)', dirs: ['out/test/e2e'], timeout: 120000 },
};

function testFiles(dir) {
  const absolute = join(root, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute).flatMap((name) => {
    const path = join(absolute, name);
    if (statSync(path).isDirectory()) return testFiles(relative(root, path));
    return name.endsWith('.test.js') ? [path] : [];
  });
}

/** No kind of test may take longer than this; a hung run fails instead of stalling CI. */
const STAGE_LIMIT_MS = 10 * 60 * 1000;

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    timeout: STAGE_LIMIT_MS,
    killSignal: 'SIGKILL',
  });
  if (result.error) console.error(`${command} ${args[0]}: ${result.error.message}`);
  return result.status;
}

/** Wall time since `start` (from performance.now()), as `12.3 s`. */
const seconds = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

const runStarted = performance.now();
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in STAGES));
if (unknown.length) {
  console.error(`Unknown test kind: ${unknown.join(', ')}. Kinds: ${Object.keys(STAGES).join(', ')}.`);
  process.exit(2);
}
const stages = requested.length ? requested : Object.keys(STAGES);
const needsCodeServer = stages.some((name) => name === 'integration' || name === 'e2e');

ensureAll({ codeServer: needsCodeServer, kubectl: stages.includes('cluster') });
if (run('node', ['scripts/build.mjs']) !== 0 || run('npx', ['tsc', '-b']) !== 0) {
  console.error('Build failed; no tests ran.');
  process.exit(1);
}

const prepared = seconds(runStarted);

const scratch = mkdtempSync(join(tmpdir(), 'mlinfra-test-stats-'));
const results = [];
for (const name of stages) {
  const stage = STAGES[name];
  const statsFile = join(scratch, `${name}.json`);
  console.log(`\n=== ${stage.title} ===`);
  const stageStarted = performance.now();
  let status;
  if (stage.program) {
    status = run('node', [stage.program], { MLINFRA_STATS_FILE: statsFile });
  } else {
    const files = stage.dirs.flatMap(testFiles);
    status = files.length ? run('node', ['scripts/lib/run-mocha.mjs', statsFile, String(stage.timeout), ...files]) : 1;
  }
  const stats = existsSync(statsFile) ? JSON.parse(readFileSync(statsFile, 'utf8')) : { passes: 0, failures: 0, pending: 0 };
  // A kind of test that ran nothing, skipped anything, or exited badly without counting a failure has failed.
  const failed = stats.failures + (status !== 0 && stats.failures === 0 ? 1 : 0) + (stats.passes === 0 ? 1 : 0);
  results.push({ name, title: stage.title, passes: stats.passes, failures: failed, pending: stats.pending, time: seconds(stageStarted) });
}

console.log('\n=== summary ===');
for (const r of results) {
  console.log(`${r.name}: ${r.passes} passed, ${r.failures} failed${r.pending ? `, ${r.pending} skipped` : ''} (${r.time})  ${r.title}`);
}
const total = results.reduce((sum, r) => ({ passes: sum.passes + r.passes, failures: sum.failures + r.failures + r.pending }), {
  passes: 0,
  failures: 0,
});
console.log(`total: ${total.passes} passed, ${total.failures} failed (${seconds(runStarted)}, of which set-up and build ${prepared})`);
process.exit(total.failures > 0 ? 1 : 0);
