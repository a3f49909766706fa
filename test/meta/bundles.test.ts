// Reads the metafiles scripts/build.mjs writes (dist/meta/<bundle>.json) and holds what each bundle
// may contain: activation parses dist/extension.js, so the Kubernetes client stays in the lazily
// loaded dist/cluster-client.js, and no test code or demo cluster ships; the server bundle holds
// nothing of VS Code or the client; the logs webview's script (dist/logs-view.js) only the view's own modules.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
  folders: ['client', 'cluster', 'test'],
};

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

  it('keeps VS Code, the client and test code out of dist/server.js', () => {
    const { inputs, externals } = readBundle('server');
    assert.ok(inputs.includes('server/src/main.ts'));
    assert.deepEqual(offending(inputs, SERVER_FORBIDS), []);
    assert.deepEqual(
      externals.filter((path) => path === 'vscode' || path.startsWith('vscode/')),
      [],
    );
  });
});
