// `npm run test:electron`: the same extension-host suite, run by @vscode/test-electron in a
// downloaded VS Code desktop build — for laptops and public CI that can reach VS Code's
// download service (this project's own machines cannot; `npm test` uses code-server there).
// Set VSCODE_VERSION to choose the build (default: the engine's minimum, 1.100.3).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureNpmPackages, root } from './lib/setup.mjs';

ensureNpmPackages();
// Imported only now: on a fresh clone the line above is what installs it.
const { runTests } = await import('@vscode/test-electron');
for (const [command, args] of [
  ['node', ['scripts/build.mjs']],
  ['npx', ['tsc', '-b']],
]) {
  if (spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
}
const scratch = mkdtempSync(join(tmpdir(), 'mlinfra-electron-'));
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
// The cluster views' tests need the local Kubernetes API server, as in run-in-code-server.ts.
const { startCluster } = await import(join(root, 'out', 'cluster', 'src', 'start-cluster.js'));
const kubeconfig = join(scratch, 'kubeconfig');
const cluster = await startCluster({ kubeconfigPath: kubeconfig, bookmarkMs: 5000 });

let failed = false;
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
    extensionTestsEnv: { MLINFRA_TEST_KUBECONFIG: kubeconfig, KUBECONFIG: kubeconfig },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`The extension-host suite failed or VS Code could not be started: ${error instanceof Error ? error.message : error}`);
  failed = true;
}
await cluster.stop();
process.exit(failed ? 1 : 0);
