// Reads the metafiles scripts/build.mjs writes (dist/meta/<bundle>.json) and holds what each bundle
// may contain: activation parses dist/extension.js, so the Kubernetes client stays in the lazily
// loaded dist/cluster-client.js, and no test code or demo cluster ships; the server bundle holds
// nothing of VS Code or the client, nor the build's validator compiler, and leaves ajv to
// dist/ajv.js, loaded when a schema compiles at run time. The validators the build compiled
// (dist/validators) load per kind, need no package, and all go into the .vsix; the logs webview's
// script (dist/logs-view.js) only the view's own modules.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const root = join(__dirname, '..', '..', '..');

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown>; imports: { path: string; external?: boolean }[] }>;
}

/** A bundle's inputs (paths relative to the repository) and the modules it leaves to `require` at run time. */
function contents(metafile: Metafile, outfile: string): { inputs: string[]; externals: string[] } {
  const output = metafile.outputs[outfile];
  assert.ok(output, `${outfile} is not in its metafile`);
  return { inputs: Object.keys(output.inputs), externals: output.imports.filter((i) => i.external).map((i) => i.path) };
}

function readBundle(name: string): { inputs: string[]; externals: string[] } {
  const file = join(root, 'dist', 'meta', `${name}.json`);
  assert.ok(existsSync(file), `${file} is missing: run node scripts/build.mjs first (npm test does)`);
  return contents(JSON.parse(readFileSync(file, 'utf8')) as Metafile, `dist/${name}.js`);
}

/** The npm package an input belongs to (`@kubernetes/client-node`), wherever node_modules is linked from. */
function packageOf(input: string): string | undefined {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  return parts[at + 1]?.startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
}

/** The first folder of a repository input (`client`, `server`, `cluster`, `test`), or undefined for a package. */
function folderOf(input: string): string | undefined {
  return packageOf(input) === undefined ? input.split('/')[0] : undefined;
}

/** Inputs that `forbidden` rejects, each as "<input> (<why>)". */
function offending(inputs: string[], forbidden: { packages: string[]; folders: string[] }): string[] {
  return inputs.flatMap((input) => {
    const pkg = packageOf(input);
    if (pkg !== undefined && forbidden.packages.includes(pkg)) return [`${input} (package ${pkg})`];
    const folder = folderOf(input);
    if (folder !== undefined && forbidden.folders.includes(folder)) return [`${input} (${folder}/)`];
    return [];
  });
}

const TEST_ONLY_PACKAGES = ['mocha', 'playwright-core', 'node-forge', '@vscode/test-electron'];
const EXTENSION_FORBIDS = { packages: ['@kubernetes/client-node', ...TEST_ONLY_PACKAGES], folders: ['cluster', 'test', 'server'] };
const SERVER_FORBIDS = {
  packages: ['vscode', 'vscode-languageclient', '@kubernetes/client-node', ...TEST_ONLY_PACKAGES],
  // schemas/: the generators (of the schemas, of the validators) run at build time only.
  folders: ['client', 'cluster', 'test', 'schemas'],
};

/** Every file under dist/validators, relative to it. */
function validatorFiles(dir = join(root, 'dist', 'validators'), prefix = ''): string[] {
  assert.ok(existsSync(dir), `${dir} is missing: run node scripts/build.mjs first (npm test does)`);
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? validatorFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** The paths .vscodeignore lets into the package (it ignores everything, then lets paths back in with `!`), as expressions. */
function packaged(): RegExp[] {
  return readFileSync(join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .map((line) => {
      const glob = line.slice(1).trim();
      const pattern = glob
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*/g, '\0')
        .replace(/\*/g, '[^/]*')
        .replace(/\0/g, '.*');
      return new RegExp(`^${pattern}$`);
    });
}

describe('bundles (esbuild metafiles)', () => {
  it('finds what the checks reject, in node_modules linked from elsewhere too', () => {
    const inputs = [
      'client/src/extension.ts',
      'client/src/cluster/index.ts',
      '../main/node_modules/@kubernetes/client-node/dist/index.js',
      'node_modules/mocha/index.js',
      'cluster/src/start.ts',
      'test/harness/hosts.ts',
      'node_modules/vscode-languageclient/lib/node/main.js',
    ];
    assert.deepEqual(offending(inputs, EXTENSION_FORBIDS), [
      '../main/node_modules/@kubernetes/client-node/dist/index.js (package @kubernetes/client-node)',
      'node_modules/mocha/index.js (package mocha)',
      'cluster/src/start.ts (cluster/)',
      'test/harness/hosts.ts (test/)',
    ]);
  });

  it('keeps the Kubernetes client, test code and the demo cluster out of dist/extension.js', () => {
    const { inputs, externals } = readBundle('extension');
    assert.ok(inputs.includes('client/src/extension.ts'));
    assert.deepEqual(offending(inputs, EXTENSION_FORBIDS), []);
    // The cluster views' code is required from its own bundle on first use.
    assert.ok(externals.includes('./cluster-client.js'), `dist/extension.js does not load ./cluster-client.js: ${externals.join(', ')}`);
  });

  it('puts the Kubernetes client in dist/cluster-client.js, with no test code or demo cluster', () => {
    const { inputs } = readBundle('cluster-client');
    assert.ok(inputs.some((input) => packageOf(input) === '@kubernetes/client-node'));
    assert.deepEqual(offending(inputs, { packages: TEST_ONLY_PACKAGES, folders: ['cluster', 'test', 'server'] }), []);
  });

  it("builds the logs webview's page script from the logs view's own modules: no VS Code, Node or package", () => {
    const { inputs, externals } = readBundle('logs-view');
    assert.ok(inputs.includes('client/src/logs/view/webview/main.ts'));
    assert.deepEqual(
      inputs.filter((input) => !input.startsWith('client/src/logs/')),
      [],
    );
    assert.deepEqual(externals, []);
  });

  it('keeps VS Code, the client and test code out of dist/server.js, and ajv in dist/ajv.js', () => {
    const { inputs, externals } = readBundle('server');
    assert.ok(inputs.includes('server/src/main.ts'));
    assert.deepEqual(offending(inputs, { ...SERVER_FORBIDS, packages: [...SERVER_FORBIDS.packages, 'ajv'] }), []);
    assert.ok(externals.includes('./ajv.js'), `dist/server.js does not load ./ajv.js: ${externals.join(', ')}`);
    assert.ok(readBundle('ajv').inputs.some((input) => packageOf(input) === 'ajv'));
    assert.deepEqual(
      externals.filter((path) => path === 'vscode' || path.startsWith('vscode/')),
      [],
    );
  });

  it('ships a validator module for every shipped kind, each needing only modules beside it', () => {
    const files = validatorFiles();
    const index = JSON.parse(readFileSync(join(root, 'schemas', 'index.json'), 'utf8')) as { kinds: { schema: string }[] };
    const kinds = index.kinds.map((kind) => kind.schema.replace(/\.json$/, '.js')).sort();
    assert.deepEqual(
      files.filter((file) => file.startsWith('kinds/')),
      kinds,
    );
    assert.deepEqual(
      files.filter((file) => !/^(kinds|shared)\/[\w.-]+\.js$/.test(file)),
      ['runtime.js', 'stamp.json'],
    );
    // The .vsix holds no node_modules: a module may require only another of these files.
    const outside = files
      .filter((file) => file.endsWith('.js') && file !== 'runtime.js')
      .flatMap((file) =>
        [...readFileSync(join(root, 'dist', 'validators', file), 'utf8').matchAll(/require\("([^"]+)"\)/g)]
          .map((match) => match[1])
          .filter((required) => !files.includes(posix.join(posix.dirname(file), required)))
          .map((required) => `${file} requires ${required}`),
      );
    assert.deepEqual(outside, []);
  });

  it('lets the bundles and every validator module into the .vsix (.vscodeignore)', () => {
    const patterns = packaged();
    const left = [
      ...['extension', 'cluster-client', 'server', 'ajv'].map((name) => `${name}.js`),
      ...validatorFiles().map((file) => `validators/${file}`),
    ]
      .map((file) => `dist/${file}`)
      .filter((path) => !patterns.some((pattern) => pattern.test(path)));
    assert.deepEqual(left, []);
    assert.ok(!patterns.some((pattern) => pattern.test('dist/cluster.js') || pattern.test('dist/meta/server.json')));
  });
});
