// The mlinfra activity bar container as a person sees it, against the local demo cluster: the
// Clusters view with a training job expanded to its pods, the GPU nodes view with used and free
// GPUs, and the status bar item with the context and namespace. Saves a screenshot.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ManualClock } from '../../cluster/src/sim/clock';
import { startCluster, type Cluster } from '../../cluster/src/start-cluster';
import { extensionRoot, launchBrowser, openWorkbench, startCodeServer, workbenchUrl, type CodeServer } from '../harness/code-server';

const artifacts = join(extensionRoot, 'test', 'artifacts');

/** The rows of a view as `label description`, in order. */
async function rows(pane: Locator): Promise<string[]> {
  return pane
    .locator('.monaco-list-row')
    .evaluateAll((elements: { querySelector(selector: string): { textContent: string | null } | null }[]) =>
      elements.map((e) =>
        `${e.querySelector('.label-name')?.textContent ?? ''} ${e.querySelector('.label-description')?.textContent ?? ''}`
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    );
}

/** Waits until a row of the view matches. */
async function waitForRow(pane: Locator, pattern: RegExp, timeoutMs = 60000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await rows(pane)).find((text) => pattern.test(text));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no row matches ${pattern}; rows:\n${(await rows(pane)).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function row(pane: Locator, label: string): Locator {
  return pane.locator('.monaco-list-row', {
    has: pane.page().locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.]/g, '\\.')}$`) }),
  });
}

async function expand(pane: Locator, label: string): Promise<void> {
  const target = row(pane, label).first();
  await target.waitFor({ timeout: 60000 });
  if ((await target.getAttribute('aria-expanded')) !== 'true') await target.click();
  await pane.locator('.monaco-list-row[aria-expanded="true"]', { hasText: label }).first().waitFor({ timeout: 30000 });
}

describe('cluster views in a browser', function () {
  this.timeout(180000);
  let cluster: Cluster;
  let server: CodeServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'mlinfra-e2e-clusters-'));
    // The scenario's first minute at once (images pulled, the 8B job running), ending now, then it
    // stands still: the rows wait on the workbench, never on the simulation. Ages (against the wall
    // clock) read as a cluster started a minute ago.
    const clock = new ManualClock(Date.now() - 60_000);
    cluster = await startCluster({ kubeconfigPath: join(scratch, 'kubeconfig'), clock });
    clock.advance(60_000);
    const workspace = join(scratch, 'workspace');
    cpSync(join(extensionRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
    server = await startCodeServer({
      settings: { 'mlinfra.kubeconfig': cluster.kubeconfigPath },
      env: { KUBECONFIG: join(scratch, 'none') },
    });
    browser = await launchBrowser();
    page = await openWorkbench(browser, workbenchUrl(server, workspace, { extensionPath: extensionRoot }), { width: 1500, height: 1250 });
    if (process.env.MLINFRA_DEBUG === '1') page.on('console', (message) => console.log(`[workbench] ${message.text().slice(0, 400)}`));
  });

  afterEach(async function () {
    // What the view showed when a step failed.
    if (this.currentTest?.state === 'failed' && page) await page.screenshot({ path: join(artifacts, 'workbench-clusters-failed.png') });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await cluster?.stop();
  });

  it('shows contexts, a job with its pods, GPU nodes with used and free GPUs, and the context in the status bar', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="mlinfra"]').click();
    const clusters = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Clusters' }) });
    const gpu = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'GPU nodes' }) });
    await row(clusters, 'mlinfra-demo').waitFor({ timeout: 60000 });
    // A wider side bar, as someone reading job details would drag it.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + 200);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + sidebar.width + 420, sidebar.y + 200, { steps: 10 });
      await page.mouse.up();
    }

    // The current context and namespace open by themselves; open the training jobs and one job.
    await expand(clusters, 'ml-training');
    await expand(clusters, 'Training jobs');
    await row(clusters, 'llama3-8b-finetune').waitFor({ timeout: 60000 });
    await waitForRow(clusters, /^llama3-8b-finetune running · 2\/2 ready/);
    await expand(clusters, 'llama3-8b-finetune');
    await row(clusters, 'llama3-8b-finetune-worker-0').waitFor({ timeout: 30000 });
    await waitForRow(gpu, /^NVIDIA-H100-80GB-HBM3 16 GPUs, 16 used, 0 free$/);
    await waitForRow(gpu, /^gpu-h100-0 /);
    await page.locator('.statusbar-item', { hasText: 'mlinfra-demo / ml-training' }).waitFor({ timeout: 30000 });

    const seen = await rows(clusters);
    const strip = (text: string) => text.replace(/ · \d+[smhdy][0-9smhdy]*$/, '');
    assert.deepEqual(seen.slice(0, 7).map(strip), [
      'mlinfra-demo current',
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
      'ml-serving',
      'ml-training current',
    ]);
    const training = seen.map(strip);
    assert.ok(
      training.some((t) => /^Training jobs 5 jobs · \d+ GPUs in active jobs$/.test(t)),
      training.join('\n'),
    );
    assert.ok(training.includes('llama3-70b-pretrain pending · 0/4 ready · 32 GPUs'), training.join('\n'));
    assert.ok(training.includes('llama3-8b-finetune running · 2/2 ready · 16 GPUs'), training.join('\n'));
    for (const pod of ['llama3-8b-finetune-master-0', 'llama3-8b-finetune-worker-0']) {
      assert.ok(
        seen.some((t) => new RegExp(`^${pod} Running · 0 restarts · gpu-h100-[01] · 8 GPUs`).test(t)),
        `${pod} in ${seen.join('\n')}`,
      );
    }
    assert.ok(training.includes('PyTorchJob 2 jobs · 48 GPUs in active jobs'), training.join('\n'));

    const gpuRows = await rows(gpu);
    assert.equal(gpuRows[0].replace(/\d+ used, \d+ free/, 'N used, M free'), 'mlinfra-demo 32 GPUs, N used, M free');
    assert.ok(gpuRows.includes('NVIDIA-H100-80GB-HBM3 16 GPUs, 16 used, 0 free'), gpuRows.join('\n'));
    assert.ok(gpuRows.includes('gpu-h100-0 capacity 8 · allocatable 8 · used 8 · free 0'), gpuRows.join('\n'));
    assert.ok(
      gpuRows.some((t) => /^gpu-a100-0 capacity 8 · allocatable 8 · used \d · free \d$/.test(t)),
      gpuRows.join('\n'),
    );

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'workbench-clusters.png') });

    // The status bar item offers to switch the context or the namespace.
    await page.locator('.statusbar-item', { hasText: 'mlinfra-demo / ml-training' }).click();
    const picks = page.locator('.quick-input-widget .monaco-list-row');
    await picks.first().waitFor({ timeout: 30000 });
    const offered = (await picks.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    assert.deepEqual(offered, ['Switch context…mlinfra-demo', 'Switch namespace…ml-training'], 'label and description (the current one)');
    await page.keyboard.press('Escape');
  });
});
