// `npm start`: sets up what is missing, packages the extension, installs the .vsix into a
// local code-server (cached in .vscode-test/), starts the demo Kubernetes cluster (cluster/, its
// kubeconfig in the demo's user settings as mlinfra.kubeconfig), opens examples/ and prints the URL.
// Stopping it (Ctrl+C) stops both. Options: --port N (default $PORT or 8080).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cacheDir, codeServerBin, ensureAll, root } from './lib/setup.mjs';
import { packageExtension } from './package.mjs';

const portArg = process.argv.indexOf('--port');
const wanted = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 8080));

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function choosePort() {
  if (await portIsFree(wanted)) return wanted;
  for (let port = wanted + 1; port < wanted + 50; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port near ${wanted}`);
}

/** The local API server with the demo scenario (dist/cluster.js, built with the package); resolves once its kubeconfig is written. */
function startCluster(kubeconfig) {
  rmSync(kubeconfig, { force: true });
  const cluster = spawn(process.execPath, [join(root, 'dist', 'cluster.js'), '--kubeconfig', kubeconfig], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    cluster.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
      if (output.includes('[cluster] kubeconfig:')) resolve(cluster);
    });
    cluster.once('exit', (code) => reject(new Error(`the demo cluster exited with ${code}`)));
  });
}

ensureAll({ codeServer: true });
const vsix = packageExtension();

const profile = join(cacheDir, 'demo');
const extensionsDir = join(profile, 'extensions');
const userDataDir = join(profile, 'user-data');
mkdirSync(join(userDataDir, 'User'), { recursive: true });
const kubeconfig = join(profile, 'kubeconfig');
const cluster = await startCluster(kubeconfig);
process.on('exit', () => cluster.kill());
// The demo opens our own examples folder: skip the trust prompt so the first view is the workspace.
writeFileSync(
  join(userDataDir, 'User', 'settings.json'),
  JSON.stringify(
    {
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'mlinfra.kubeconfig': kubeconfig,
    },
    null,
    2,
  ),
);
// Keep code-server's own config beside the profile rather than in ~/.config.
const config = ['--config', join(profile, 'config.yaml')];
const install = spawnSync(
  process.execPath,
  [codeServerBin, ...config, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'],
  {
    stdio: 'inherit',
  },
);
if (install.status !== 0) {
  cluster.kill();
  process.exit(install.status ?? 1);
}

const port = await choosePort();
const folder = join(root, 'examples');
const child = spawn(
  process.execPath,
  [
    codeServerBin,
    ...config,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    folder,
  ],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
async function healthy() {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false; // not listening yet
  }
}
for (let i = 0; i < 240 && !(await healthy()); i++) {
  if (child.exitCode !== null) {
    cluster.kill();
    process.exit(child.exitCode);
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
console.log(
  `\nmlinfra demo is running. Open this URL in a browser:\n\n  ${url}\n\nThe Clusters and GPU nodes ` +
    `views (mlinfra in the activity bar) show the demo cluster; kubectl reaches it with\n  kubectl --kubeconfig ` +
    `${kubeconfig} get pods -A\n\nPress Ctrl+C to stop.`,
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    child.kill(signal);
    cluster.kill(signal);
  });
}
child.on('exit', (code) => {
  if (cluster.exitCode !== null) process.exit(code ?? 0);
  cluster.once('exit', () => process.exit(code ?? 0));
  cluster.kill('SIGTERM');
});
