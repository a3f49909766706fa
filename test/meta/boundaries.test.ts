// Shows the compiler holds the package boundaries (tsconfig.json and the projects it references):
// for each package it compiles a scratch file that crosses a boundary, as part of a scratch
// project made like the package's own, and expects the compiler's error to name what was imported.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

interface Case {
  /** The package's tsconfig.json, relative to the repository. */
  project: string;
  /** Module specifiers the scratch file imports: bare names, or repository paths made relative to it. */
  imports: { bare?: string; file?: string }[];
}

/** Reads a tsconfig.json, which may hold comments (never inside strings in this repository). */
function readConfig(path: string): { references?: { path: string }[] } {
  const text = readFileSync(join(root, path), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  return JSON.parse(text) as { references?: { path: string }[] };
}

/**
 * Compiles one scratch file as a project extending `project` (same options, same references) and
 * returns the compiler's output. The scratch folder sits inside the repository (under out/), so
 * node_modules and every import resolve as they do for the package's own files.
 */
function compile(scratch: string, { project, imports }: Case): string {
  const dir = mkdtempSync(join(scratch, `${dirname(project).replace(/\//g, '-')}-`));
  const file = join(dir, 'offender.ts');
  const specifier = (i: Case['imports'][number]): string => i.bare ?? `./${relative(dir, join(root, i.file!)).replace(/\.ts$/, '')}`;
  writeFileSync(file, imports.map((i, n) => `import * as m${n} from '${specifier(i)}';\nexport const v${n} = m${n};\n`).join(''));
  const base = join(root, dirname(project));
  const config = {
    extends: join(root, project),
    // No output: files pulled in from outside the scratch folder must not be written anywhere.
    compilerOptions: { rootDir: root, noEmit: true },
    files: [file],
    include: [],
    references: (readConfig(project).references ?? []).map((r) => ({ path: join(base, r.path) })),
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
  const result = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], {
    encoding: 'utf8',
    timeout: 120000,
  });
  assert.notEqual(result.status, 0, `the compiler accepted ${file}:\n${readFileSync(file, 'utf8')}`);
  return result.stdout + result.stderr;
}

/** Folders that hold no sources of ours: packages, build output, test data. */
const NOT_SOURCES = new Set(['node_modules', 'out', 'dist', '.vscode-test', '.git', 'test/fixtures', 'test/artifacts']);

function typescriptSources(dir = ''): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return NOT_SOURCES.has(path) ? [] : typescriptSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const NODE_IO = ['node:fs', 'fs', 'node:child_process', 'node:net', 'node:http', 'node:https', 'node:worker_threads'];
const PROTOCOL = [
  'vscode',
  'vscode-languageserver/node',
  'vscode-languageserver-textdocument',
  'vscode-jsonrpc',
  '@kubernetes/client-node',
];

describe('package boundaries held by the compiler', function () {
  this.timeout(120000);
  let scratch: string;

  before(() => {
    mkdirSync(join(root, 'out'), { recursive: true });
    scratch = mkdtempSync(join(root, 'out', 'boundaries-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('compiles every TypeScript file in some project (tsconfig.json lists them all)', () => {
    // A folder no project includes would be left out silently: `tsc -b` compiles only what the projects name.
    const sources = typescriptSources();
    assert.ok(sources.length > 100);
    assert.deepEqual(
      sources.filter((file) => !existsSync(join(root, 'out', file.replace(/\.ts$/, '.js')))),
      [],
      'not compiled: add the folder to a project (see tsconfig.json), then run npx tsc -b',
    );
  });

  it('server/src/core imports no Node I/O and no protocol module', () => {
    const output = compile(scratch, {
      project: 'server/src/core/tsconfig.json',
      imports: [...NODE_IO, ...PROTOCOL].map((bare) => ({ bare })),
    });
    for (const name of NODE_IO) assert.match(output, new RegExp(`TS2307: Cannot find module '${name}'`), output);
    for (const name of PROTOCOL) assert.match(output, new RegExp(`TS7016: Could not find a declaration file for module '${name}'`), output);
  });

  it('common/model is as pure as the core', () => {
    const output = compile(scratch, {
      project: 'common/model/tsconfig.json',
      imports: [{ bare: 'node:fs' }, { bare: 'vscode-languageserver/node' }],
    });
    assert.match(output, /TS2307: Cannot find module 'node:fs'/, output);
    assert.match(output, /TS7016: Could not find a declaration file for module 'vscode-languageserver\/node'/, output);
  });

  it('client/ imports no server code, the core included', () => {
    const output = compile(scratch, {
      project: 'client/tsconfig.json',
      imports: [{ file: 'server/src/workspace-schemas.ts' }, { file: 'server/src/core/text-lines.ts' }],
    });
    assert.match(output, /TS6307: File '[^']*server\/src\/workspace-schemas\.ts' is not listed within the file list of project/, output);
    assert.match(output, /TS6307: File '[^']*server\/src\/core\/text-lines\.ts' is not listed within the file list of project/, output);
  });

  it('cluster/ imports no server code outside the core', () => {
    const output = compile(scratch, { project: 'cluster/tsconfig.json', imports: [{ file: 'server/src/node-host.ts' }] });
    assert.match(output, /TS6307: File '[^']*server\/src\/node-host\.ts' is not listed within the file list of project/, output);
  });
});
