// Bundles the extension client and the language server with esbuild into dist/, and compiles the
// shipped kinds' validators into dist/validators (scripts/lib/precompile.mjs; only when the schemas or
// the compiler changed). `--watch` rebuilds the bundles on change; `--production` minifies for the .vsix.
// Each bundle's metafile (what went into it) lands in dist/meta/, where test/meta/bundles.test.ts checks
// what each may hold.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { precompileValidators } from './lib/precompile.mjs';
import { root } from './lib/setup.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  metafile: true,
};

// The extension loads its cluster access (and @kubernetes/client-node) from a bundle of its own on
// first use, so activation does not parse it: `require('./cluster/index.js')` stays a require of it.
const clusterChunk = {
  name: 'cluster-chunk',
  setup(build) {
    build.onResolve({ filter: /^\.\/cluster\/index\.js$/ }, () => ({ path: './cluster-client.js', external: true }));
  },
};

// The server loads ajv (a sixth of its bundle) only when a schema compiles at run time (a user's CRD or schema
// file): the shipped kinds' validators come compiled (dist/validators). ajv is bundled apart in dist/ajv.js, and
// the core's `new Ajv(options)` reaches it through this stand-in, which requires it on first use.
const lazyAjv = {
  name: 'lazy-ajv',
  setup(build) {
    build.onResolve({ filter: /^ajv$/ }, () => ({ path: 'ajv', namespace: 'lazy-ajv' }));
    build.onResolve({ filter: /^\.\/ajv\.js$/ }, () => ({ path: './ajv.js', external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-ajv' }, () => ({
      contents:
        'Object.defineProperty(exports, "__esModule", { value: true });\n' +
        'exports.default = function Ajv(options) { return new (require("./ajv.js"))(options); };',
      loader: 'js',
    }));
  },
};

// Writes the metafile of every build, rebuilds in --watch included, as dist/meta/<bundle>.json.
const metafileWriter = {
  name: 'metafile-writer',
  setup(build) {
    build.onEnd((result) => {
      if (!result.metafile) return;
      const dir = join(root, 'dist', 'meta');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, basename(build.initialOptions.outfile).replace(/\.js$/, '.json')), JSON.stringify(result.metafile));
    });
  },
};

const builds = [
  // The client runs in VS Code's extension host, which provides the `vscode` module.
  { ...shared, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [clusterChunk] },
  { ...shared, entryPoints: ['client/src/cluster/index.ts'], outfile: 'dist/cluster-client.js', external: ['vscode'] },
  // The logs view's page: a browser script (and its style) that the webview loads from dist/.
  {
    ...shared,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['client/src/logs/view/webview/main.ts'],
    outfile: 'dist/logs-view.js',
  },
  // The server is a standalone Node program: no `vscode`, everything bundled, ajv apart (loaded on first use).
  {
    ...shared,
    entryPoints: ['server/src/main.ts'],
    outfile: 'dist/server.js',
    define: { MLINFRA_VERSION: JSON.stringify(version) },
    plugins: [lazyAjv],
  },
  {
    ...shared,
    stdin: { contents: "module.exports = require('ajv').default;", resolveDir: root, sourcefile: 'ajv.js' },
    outfile: 'dist/ajv.js',
  },
  // The local Kubernetes API server of `npm run cluster` (not shipped in the .vsix).
  { ...shared, entryPoints: ['cluster/src/main.ts'], outfile: 'dist/cluster.js' },
];

for (const options of builds) options.plugins = [...(options.plugins ?? []), metafileWriter];

if (watch) {
  console.log(`[build] ${await precompileValidators()}`);
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('[build] watching client, server and cluster for changes (run the build again after `npm run schemas`)');
} else {
  const started = Date.now();
  const [validators] = await Promise.all([precompileValidators(), ...builds.map((options) => esbuild.build(options))]);
  console.log(
    `[build] dist/extension.js, dist/cluster-client.js, dist/logs-view.js, dist/server.js, dist/ajv.js and dist/cluster.js built in ` +
      `${Date.now() - started} ms${production ? ' (production)' : ''}`,
  );
  console.log(`[build] ${validators}`);
}
