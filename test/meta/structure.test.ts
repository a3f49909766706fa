// Keeps the architecture honest: the core is pure, the server never imports VS Code, the
// client never reaches into the server, and package.json agrees with the code. The compiler holds
// the package boundaries too (boundaries.test.ts); these read the sources, so a file a project
// leaves out is checked as well.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function existing(dir: string): string[] {
  return existsSync(join(root, dir)) ? sources(dir) : [];
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)].map(
    (m) => m[1] ?? m[2],
  );
}

function offenders(files: string[], forbidden: (specifier: string, file: string) => boolean): string[] {
  return files.flatMap((file) =>
    imports(file)
      .filter((s) => forbidden(s, file))
      .map((s) => `${file} imports ${s}`),
  );
}

/** The parts of package.json these tests read. */
interface PackageJson {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  activationEvents: string[];
  contributes: {
    commands: { command: string }[];
    languages: { id: string; filenames: string[]; extensions: string[] }[];
    grammars: unknown[];
  };
}

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;

describe('structure', () => {
  it('keeps the analysis core and the shared model pure: no I/O, no protocol, no VS Code', () => {
    const pure = [...sources('server/src/core'), ...existing('common/model')].filter((file) => !file.endsWith('.test.ts'));
    assert.ok(pure.length > 3);
    const impure =
      /^(vscode|vscode-languageserver.*|vscode-languageclient|vscode-jsonrpc|@kubernetes\/client-node|(node:)?(fs|child_process|net|http|https|http2|worker_threads|dgram|tls|dns|cluster))(\/|$)/;
    assert.deepEqual(
      offenders(pure, (s) => impure.test(s)),
      [],
    );
  });

  it("lets cluster/ reach the server only through the core's public entries", () => {
    const entries = /(^|\/)server\/src\/core(\/schema)?\/index(\.js)?$/;
    assert.deepEqual(
      offenders(sources('cluster'), (s) => /(^|\/)server\//.test(s) && !entries.test(s)),
      [],
    );
  });

  it('never imports vscode from the server', () => {
    assert.deepEqual(
      offenders(sources('server/src'), (s) => s === 'vscode'),
      [],
    );
  });

  it('never imports server code from the client; both share only common/', () => {
    assert.deepEqual(
      offenders(sources('client/src'), (s) => /(^|\/)server\//.test(s)),
      [],
    );
    assert.deepEqual(
      offenders(sources('server/src'), (s) => /(^|\/)client\//.test(s)),
      [],
    );
  });

  it('targets VS Code 1.100 and pins its API types to it', () => {
    assert.equal(packageJson.engines.vscode, '^1.100.0');
    assert.equal(packageJson.devDependencies['@types/vscode'], '1.100.0');
  });

  it('activates only for workspaces with YAML or Triton configs', () => {
    assert.deepEqual(packageJson.activationEvents, [
      'workspaceContains:**/*.yaml',
      'workspaceContains:**/*.yml',
      'workspaceContains:**/*.pbtxt',
      'onLanguage:yaml',
    ]);
  });

  it('registers exactly the commands package.json contributes', () => {
    const table = readFileSync(join(root, 'client/src/commands.ts'), 'utf8');
    const registered = [...table.matchAll(/'(mlinfra\.[A-Za-z]+)':/g)].map((m) => m[1]).sort();
    const contributed = packageJson.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(registered, contributed);
  });

  it('contributes the Triton language for config.pbtxt and *.pbtxt with its grammar', () => {
    const [language] = packageJson.contributes.languages;
    assert.equal(language.id, 'pbtxt');
    assert.deepEqual(language.filenames, ['config.pbtxt']);
    assert.deepEqual(language.extensions, ['.pbtxt']);
    assert.deepEqual(packageJson.contributes.grammars, [
      { language: 'pbtxt', scopeName: 'source.pbtxt', path: './syntaxes/pbtxt.tmLanguage.json' },
    ]);
  });

  it('keeps source files small enough to read', () => {
    const long = [...sources('server/src'), ...sources('client/src'), ...sources('common'), ...sources('test'), ...sources('cluster')]
      .filter((file) => !file.startsWith(relative(root, join(root, 'test/fixtures'))))
      .map((file) => [file, readFileSync(join(root, file), 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 300);
    assert.deepEqual(long, []);
  });
});
