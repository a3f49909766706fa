// The unit stage runs the client's tests in plain Node, where there is no `vscode` module: no test
// file here may import it, directly or through the modules it imports.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const source = join(root, 'client', 'src');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testFiles(path) : name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /(?:^|\n)\s*import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)|import\(['"]([^'"]+)['"]\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

function resolveTs(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ''));
  return [`${base}.ts`, join(base, 'index.ts')].find(existsSync);
}

/** The chain of imports from `file` to `vscode`, if there is one. */
function pathToVscode(file: string, seen = new Set<string>()): string[] | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  for (const specifier of importsOf(file)) {
    if (specifier === 'vscode') return [relative(root, file)];
    if (!specifier.startsWith('.')) continue;
    const target = resolveTs(file, specifier);
    const chain = target && pathToVscode(target, seen);
    if (chain) return [relative(root, file), ...chain];
  }
  return undefined;
}

describe('client unit tests', () => {
  it('load no module that imports vscode', () => {
    const files = testFiles(source);
    assert.ok(files.length > 5);
    assert.deepEqual(files.map((f) => pathToVscode(f)).filter(Boolean), []);
  });
});
