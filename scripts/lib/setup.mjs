// Makes a fresh machine ready for `npm start` and `npm test`: npm packages, the Debian
// packages the browser tests and code-server need, and a cached code-server.
// Uses only Node built-ins, because it runs before `npm ci` has installed anything.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, lstatSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(root, '.vscode-test');
// package.json `config.codeServerVersion`: 4.100.3 is VS Code 1.100.3, the newest release that runs on Node 20.
export const CODE_SERVER_VERSION = readJson(join(root, 'package.json')).config.codeServerVersion;
const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

// Debian packages: chromium for the browser tests; libkrb5-dev and ripgrep for code-server's install.
const DEBIAN_PACKAGES = { chromium: '/usr/bin/chromium', 'libkrb5-dev': '/usr/include/gssapi/gssapi.h', ripgrep: '/usr/bin/rg' };

function log(message) {
  process.stdout.write(`[setup] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
}

/** Installs node_modules with `npm ci` when they are missing or older than the lock file. */
export function ensureNpmPackages() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs) return;
  // A node_modules linked from another checkout (a git worktree sharing its packages) is that
  // checkout's: `npm ci` would empty it through the link, under the other checkout's feet.
  if (lstatSync(join(root, 'node_modules'), { throwIfNoEntry: false })?.isSymbolicLink()) {
    log('node_modules is a link to packages installed elsewhere: left as it is');
    return;
  }
  log('installing npm packages (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root });
}

/** Installs the Debian packages that are missing, as root; otherwise says what to run. */
export function ensureDebianPackages() {
  const missing = Object.entries(DEBIAN_PACKAGES)
    .filter(([, file]) => !existsSync(file))
    .map(([name]) => name);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}; run: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

// @vscode/ripgrep downloads ripgrep from GitHub unless its cache holds the archive;
// we put Debian's rg there so the install stays offline.
function seedRipgrepCache() {
  const dir = join(process.env.TMPDIR || tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(archive)) return;
  mkdirSync(dir, { recursive: true });
  const staging = join(dir, 'staging');
  mkdirSync(staging, { recursive: true });
  copyFileSync('/usr/bin/rg', join(staging, 'rg'));
  execFileSync('tar', ['-czf', archive, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
}

/** Installs code-server once into the ignored cache folder and returns its entry script. */
export function ensureCodeServer() {
  if (existsSync(join(codeServerDir, '.installed'))) return codeServerBin;
  ensureDebianPackages();
  seedRipgrepCache();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (a few minutes, once)`);
  rmSync(codeServerDir, { recursive: true, force: true });
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(join(codeServerDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));
  const env = {
    ...process.env,
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, which would stop to ask
    // code-server's postinstall runs a nested `npm install` in lib/vscode whose native
    // modules must build; npm 11 blocks dependency scripts unless allowed.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_unsafe_perm: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  run('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], { cwd: codeServerDir, env });
  if (!existsSync(codeServerBin)) throw new Error(`code-server install did not produce ${codeServerBin}`);
  writeFileSync(join(codeServerDir, '.installed'), new Date().toISOString());
  return codeServerBin;
}

/**
 * kubectl, which the cluster tests run against the local API server. Debian's package of it is
 * `kubernetes-client` (an older kubectl); the tests are written against kubectl 1.32.
 */
export function ensureKubectl() {
  if (spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hint = "install kubectl 1.32 (https://kubernetes.io/docs/tasks/tools/) or Debian's kubernetes-client";
  if (!isRoot) throw new Error(`kubectl is not on PATH; ${hint}`);
  log('installing kubectl (Debian package kubernetes-client)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'kubernetes-client'], { env });
  if (spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status !== 0)
    throw new Error(`kubectl is still not on PATH; ${hint}`);
}

/** Everything `npm start` and `npm test` need, in order. */
export function ensureAll({ codeServer = true, kubectl = false } = {}) {
  ensureNpmPackages();
  ensureDebianPackages();
  if (codeServer) ensureCodeServer();
  if (kubectl) ensureKubectl();
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
