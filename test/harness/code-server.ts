// Starts code-server (VS Code 1.100 in a browser) and headless Chromium for the
// extension-host suite and the browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const extensionRoot = join(__dirname, '..', '..', '..');
/** The code-server that scripts/lib/setup.mjs installs; its version lives in package.json. */
const CODE_SERVER_VERSION = (
  JSON.parse(readFileSync(join(extensionRoot, 'package.json'), 'utf8')) as { config: { codeServerVersion: string } }
).config.codeServerVersion;
export const codeServerEntry = join(
  extensionRoot,
  '.vscode-test',
  `code-server-${CODE_SERVER_VERSION}`,
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);

/** Settings for a quiet, test-friendly workbench. Workspace trust is tested on purpose elsewhere. */
const TEST_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'chat.commandCenter.enabled': false,
};

export interface CodeServer {
  port: number;
  url: string;
  process: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output.join('')}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms:\n${output.join('')}`);
}

export interface CodeServerOptions {
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  /** Extensions installed for real (`--install-extension` of a .vsix), if any. */
  extensionsDir?: string;
  port?: number;
  /** Workspace trust on means the test workbench opens folders in restricted mode (the prompt is refused). */
  workspaceTrust?: boolean;
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const port = options.port ?? (await freePort());
  const base = mkdtempSync(join(tmpdir(), 'mlinfra-code-server-'));
  const userDataDir = join(base, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const trust = { 'security.workspace.trust.enabled': options.workspaceTrust === true };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...TEST_SETTINGS, ...trust, ...options.settings }, null, 2));
  const extensionsDir = options.extensionsDir ?? join(base, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  const args = [
    codeServerEntry,
    '--config',
    join(base, 'config.yaml'),
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
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
  ];
  const output: string[] = [];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, output, 60000);
  return {
    port,
    url,
    process: child,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** The workbench URL that opens `folder`, optionally loading an extension under development and its tests. */
export function workbenchUrl(server: CodeServer, folder: string, development?: { extensionPath: string; testsPath?: string }): string {
  const remote = `vscode-remote://127.0.0.1:${server.port}`;
  const payload: Array<[string, string]> = [];
  if (development) {
    payload.push(['extensionDevelopmentPath', remote + development.extensionPath]);
    if (development.testsPath) payload.push(['extensionTestsPath', remote + development.testsPath]);
  }
  const query = new URLSearchParams({ folder });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query.toString()}`;
}

/** Headless Debian Chromium with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function openWorkbench(browser: Browser, url: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  return page;
}
