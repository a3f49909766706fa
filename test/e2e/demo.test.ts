// `npm start` as a user runs it: the packaged .vsix installed into code-server, the examples
// workspace open, and the extension active (status bar, squiggles in the broken example); the
// demo cluster running, the Clusters and GPU nodes views connected to it, and stopped with it.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { extensionRoot, freePort, launchBrowser, openWorkbench } from '../harness/code-server';

function startDemo(port: number): Promise<{ child: ChildProcess; url: string; output: string[] }> {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', String(port)], {
    cwd: extensionRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const url = /(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)/.exec(output.join(''))?.[1];
      if (url) resolve({ child, url, output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code} before serving:\n${output.join('')}`)));
  });
}

describe('npm start', function () {
  this.timeout(180000);
  let demo: { child: ChildProcess; url: string; output: string[] } | undefined;
  let browser: Browser;
  let page: Page;

  before(async () => {
    demo = await startDemo(await freePort());
    browser = await launchBrowser();
    page = await openWorkbench(browser, demo.url);
  });

  after(async () => {
    await browser?.close();
    if (demo && demo.child.exitCode === null) {
      const exited = new Promise((resolve) => demo!.child.once('exit', resolve));
      demo.child.kill('SIGINT');
      await exited;
    }
    // The demo cluster stops with npm start.
    const port = Number(/listening on https:\/\/127\.0\.0\.1:(\d+)/.exec(demo?.output.join('') ?? '')?.[1]);
    if (port) {
      const listening = await new Promise<boolean>((resolve) =>
        connect(port, '127.0.0.1')
          .once('connect', () => resolve(true))
          .once('error', () => resolve(false)),
      );
      assert.equal(listening, false, `the demo cluster still listens on port ${port} after npm start stopped`);
    }
  });

  it('serves the examples workspace with the installed extension active', async () => {
    assert.match(demo!.output.join(''), /\[package\] mlinfra-\d+\.\d+\.\d+\.vsix: [\d.]+ KiB/);
    assert.match(demo!.output.join(''), /Extension 'mlinfra-\d+\.\d+\.\d+\.vsix' was successfully installed/);
    await page.locator('.monaco-workbench .explorer-folders-view', { hasText: 'training' }).waitFor({ timeout: 60000 });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('broken-job.yaml');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'broken-job.yaml' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60000 });
    assert.equal(await page.locator('.monaco-editor .squiggly-error').count(), 3);
    await page.locator('.statusbar-item', { hasText: 'mlinfra' }).locator('.codicon-check').waitFor({ timeout: 30000 });
  });

  it('starts the demo cluster and connects the Clusters and GPU nodes views to it', async () => {
    assert.match(demo!.output.join(''), /\[cluster\] Kubernetes API server \(simulated, v1\.32\) listening on https:\/\/127\.0\.0\.1:\d+/);
    await page.locator('.activitybar .action-item a[aria-label^="mlinfra"]').click();
    const clusters = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Clusters' }) });
    await clusters.locator('.monaco-list-row', { hasText: 'ml-training' }).first().waitFor({ timeout: 60000 });
    const gpu = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'GPU nodes' }) });
    await gpu.locator('.monaco-list-row', { hasText: 'NVIDIA-H100-80GB-HBM3' }).first().waitFor({ timeout: 60000 });
    await page.locator('.statusbar-item', { hasText: 'mlinfra-demo / ml-training' }).waitFor({ timeout: 30000 });
  });
});
