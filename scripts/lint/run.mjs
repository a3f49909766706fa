// The lint stage of `npm test`: ESLint (eslint.config.mjs) and Prettier's format check, side by side
// (each is single-threaded; the machine has two cores). Each tool counts as one check in the summary,
// and the counts go to MLINFRA_STATS_FILE like a mocha stage's.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../lib/setup.mjs';

const bin = (path) => join(root, 'node_modules', ...path.split('/'));

const CHECKS = [
  { name: 'ESLint', args: [bin('eslint/bin/eslint.js'), '.'], fix: 'npx eslint --fix . (then fix the rest by hand)' },
  { name: 'Prettier', args: [bin('prettier/bin/prettier.cjs'), '--check', '.', '--log-level', 'warn'], fix: 'npm run format' },
];

/** Runs one check with its output buffered, so the two tools' reports do not interleave. */
function runCheck({ name, args }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ name, ok: code === 0, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const results = await Promise.all(CHECKS.map(runCheck));
for (const [i, { name, ok, output, seconds }] of results.entries()) {
  console.log(`${ok ? '✔' : '✘'} ${name} (${seconds.toFixed(1)} s)`);
  if (!ok) console.log(`${output.trimEnd()}\n  to fix: ${CHECKS[i].fix}`);
}
const passes = results.filter((r) => r.ok).length;
if (process.env.MLINFRA_STATS_FILE) {
  writeFileSync(process.env.MLINFRA_STATS_FILE, JSON.stringify({ passes, failures: results.length - passes, pending: 0 }));
}
process.exit(passes === results.length ? 0 : 1);
