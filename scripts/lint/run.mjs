// The lint stage of `npm test`: ESLint (eslint.config.mjs) and Prettier's format check, side by side
// (ESLint in a child process, Prettier in this one: each is single-threaded and the machine has two
// cores). Every file counts once per tool, passed when clean, and the counts go to MLINFRA_STATS_FILE
// like a mocha stage's.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';
import { root } from '../lib/setup.mjs';

/** Runs ESLint over the repository; resolves to its per-file results. */
function eslint() {
  const scratch = mkdtempSync(join(tmpdir(), 'mlinfra-eslint-'));
  const report = join(scratch, 'report.json');
  const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [eslintBin, '.', '--format', 'json', '--output-file', report], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        // Exit code 1 is "problems found"; anything else is ESLint failing to run.
        if (code !== 0 && code !== 1) throw new Error(`eslint exited with ${code}`);
        resolve(JSON.parse(readFileSync(report, 'utf8')));
      } catch (error) {
        reject(error);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
}

/** The files Prettier formats: tracked or new, not ignored by .gitignore or .prettierignore, of a language it knows. */
async function prettierFiles() {
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const files = [];
  for (const file of listed.stdout.split('\n').filter(Boolean)) {
    const info = await prettier.getFileInfo(join(root, file), { ignorePath: join(root, '.prettierignore') });
    if (!info.ignored && info.inferredParser) files.push(file);
  }
  return files;
}

/** The files Prettier would change. */
async function unformatted() {
  const files = await prettierFiles();
  const bad = [];
  for (const file of files) {
    const path = join(root, file);
    let text;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue; // deleted from the work tree but still tracked
    }
    try {
      const options = await prettier.resolveConfig(path);
      if (!(await prettier.check(text, { ...options, filepath: path }))) bad.push(file);
    } catch (error) {
      // A file Prettier cannot parse is not formatted either; say why.
      bad.push(`${file} (${error.message.split('\n')[0]})`);
    }
  }
  return { checked: files.length, bad };
}

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const [lintResults, format] = await Promise.all([
  eslint().then((r) => ({ results: r, at: seconds() })),
  unformatted().then((r) => ({ ...r, at: seconds() })),
]);

const withProblems = lintResults.results.filter((r) => r.messages.length > 0);
for (const result of withProblems) {
  for (const m of result.messages)
    console.log(`${relative(root, result.filePath)}:${m.line}:${m.column}  ${m.ruleId ?? 'eslint'}  ${m.message}`);
}
console.log(
  `ESLint: ${lintResults.results.length - withProblems.length} of ${lintResults.results.length} files clean (${lintResults.at} s)`,
);
if (withProblems.length) console.log('  to fix: npx eslint --fix . then by hand what is left');
for (const file of format.bad) console.log(`not formatted: ${file}`);
console.log(`Prettier: ${format.checked - format.bad.length} of ${format.checked} files formatted (${format.at} s)`);
if (format.bad.length) console.log('  to fix: npm run format');

const passes = lintResults.results.length - withProblems.length + format.checked - format.bad.length;
const failures = withProblems.length + format.bad.length;
if (process.env.MLINFRA_STATS_FILE) writeFileSync(process.env.MLINFRA_STATS_FILE, JSON.stringify({ passes, failures, pending: 0 }));
process.exit(failures > 0 ? 1 : 0);
