// A training job's merged logs as a person sees them in the browser, against the local demo cluster:
// Follow Logs from the job's row in the Clusters view opens a view whose lines come from every pod,
// each tagged in its own colour; the bus error of the first run is highlighted, counted in the bar
// above with its rule's page linked, and the jump lands on it; the traceback's file opens at its line.
// Saves test/artifacts/logs-job-failure.png (and -dark.png, logs-filtered-source.png).
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { extensionRoot, launchBrowser, openWorkbench, startCodeServer, workbenchUrl, type CodeServer } from '../harness/code-server';
import { startLogCluster, type LogCluster } from '../harness/log-cluster';
import { PROBE, PROBE_JOB, probeScript } from '../harness/logs-probe-job';

const artifacts = join(extensionRoot, 'test', 'artifacts');

/** The page's getComputedStyle (this project has no DOM types). */
interface Styles {
  getComputedStyle(element: unknown): { color: string; backgroundColor: string };
}

function row(pane: Locator, label: string): Locator {
  return pane.locator('.monaco-list-row', { has: pane.page().locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
}

/** The rows in sight once `ready` holds for them (or, after 10 s, as they are, for the assertion to show). */
async function rowsOnce(frame: FrameLocator, ready: (rows: string[]) => boolean): Promise<string[]> {
  const until = Date.now() + 10000;
  for (;;) {
    const rows = await frame.locator('.rows .row').allInnerTexts();
    if ((rows.length && ready(rows)) || Date.now() > until) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function expand(pane: Locator, label: string): Promise<void> {
  const target = row(pane, label).first();
  await target.waitFor({ timeout: 60000 });
  if ((await target.getAttribute('aria-expanded')) !== 'true') await target.click();
  await pane.locator('.monaco-list-row[aria-expanded="true"]', { hasText: label }).first().waitFor({ timeout: 30000 });
}

/** The logs page inside the webview's two iframes. */
function logsFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

describe('logs view in a browser', function () {
  this.timeout(180000);
  let logs: LogCluster;
  let server: CodeServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    // The demo's first minute at once, then the probe job, three seconds into its run.
    logs = await startLogCluster('demo');
    logs.clock.advance(60_000);
    await logs.create(PROBE_JOB);
    logs.clock.advance(3_000);
    const workspace = join(mkdtempSync(join(tmpdir(), 'mlinfra-e2e-logs-')), 'workspace');
    cpSync(join(extensionRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
    writeFileSync(join(workspace, 'train.py'), probeScript());
    server = await startCodeServer({
      settings: { 'mlinfra.kubeconfig': logs.cluster.kubeconfigPath },
      env: { KUBECONFIG: join(workspace, 'none') },
    });
    browser = await launchBrowser();
    page = await openWorkbench(browser, workbenchUrl(server, workspace, { extensionPath: extensionRoot }), { width: 1500, height: 1000 });
    if (process.env.MLINFRA_DEBUG === '1') page.on('console', (message) => console.log(`[workbench] ${message.text().slice(0, 400)}`));
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) await page.screenshot({ path: join(artifacts, 'logs-failed.png') });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await logs?.stop();
  });

  it("shows a job's pods merged and tagged in colour, and its failure highlighted, counted, linked and jumped to", async () => {
    await page.locator('.activitybar .action-item a[aria-label^="mlinfra"]').click();
    const clusters = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Clusters' }) });
    await expand(clusters, 'ml-training');
    await expand(clusters, 'Training jobs');
    const job = row(clusters, PROBE).first();
    await job.waitFor({ timeout: 60000 });
    // The inline action of the job's row.
    await job.hover();
    await job.locator('.action-label[aria-label="Follow Logs"]').click();
    await page.locator('.tab', { hasText: `Logs: pytorchjob/${PROBE}` }).waitFor({ timeout: 30000 });
    const frame = logsFrame(page);
    await frame.locator('.row', { hasText: 'worker-1 [rank2]: Loaded dataset' }).waitFor({ timeout: 30000 });
    assert.equal(await frame.locator('.state').innerText(), 'Following');
    assert.deepEqual(await frame.locator('.chips .chip').allInnerTexts(), ['master', 'worker']);

    // Every pod's first run dies of a bus error; the view shows it as it comes.
    logs.clock.advance(10_000);
    const bar = frame.locator('.failures');
    await bar.locator('.failure-item', { hasText: 'Bus error: /dev/shm too small × 6' }).waitFor({ timeout: 30000 });
    assert.equal((await bar.innerText()).replace(/\s+/g, ' ').trim(), '6 failures: Bus error: /dev/shm too small × 6 gpu/shm-missing');
    const highlighted = frame.locator('.rows .row.failure');
    assert.ok((await highlighted.count()) >= 2, 'the failures in sight are highlighted');
    assert.match(
      await highlighted.last().innerText(),
      /^(master|worker)-\d\s+Bus error: \/dev\/shm too small gpu\/shm-missing RuntimeError: DataLoader worker \(pid 2817\) is killed by signal/,
    );
    assert.equal(await highlighted.last().locator('.failure-badge').innerText(), 'Bus error: /dev/shm too small');
    assert.equal(await highlighted.last().locator('a.rule').innerText(), 'gpu/shm-missing');

    // Each pod's tag has a colour of its own, from the theme's terminal palette.
    const colour = (element: Locator) => element.evaluate((e) => (globalThis as unknown as Styles).getComputedStyle(e).color);
    const colours = await Promise.all(
      ['master-0', 'worker-0', 'worker-1'].map((tag) => colour(frame.locator('.rows .tag', { hasText: tag }).first())),
    );
    assert.equal(new Set(colours).size, 3, colours.join(', '));
    assert.ok(!colours.includes(await colour(frame.locator('.rows .row:not(.failure) .text').first())), 'tags stand out from the text');

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'logs-job-failure.png') });

    // The bar's jump lands on the first failure, in the middle of the view.
    await bar.locator('button.jump').click();
    const flashed = frame.locator('.rows .row.flash');
    await flashed.waitFor({ timeout: 10000 });
    assert.match(
      await flashed.innerText(),
      /^(master|worker)-\d\s+Bus error: \/dev\/shm too small gpu\/shm-missing ERROR: Unexpected bus error encountered in worker/,
    );
    assert.ok(await flashed.isVisible());
  });

  it("filters by role, shows timestamps, and opens the traceback's file at its line", async () => {
    const frame = logsFrame(page);
    await frame.locator('.chips .chip', { hasText: 'worker' }).click();
    await frame.locator('label.toggle', { hasText: 'Timestamps' }).click();
    // The page draws on its next frame: read the rows once it has.
    const texts = await rowsOnce(frame, (rows) => rows.some((t) => /^\d{4}-\d{2}-\d{2} /.test(t)));
    const tagged = texts.filter((t) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\s+\S+-\d/.test(t));
    assert.ok(tagged.length > 5, texts.join('\n'));
    assert.ok(
      tagged.every((t) => /^\S+ \S+\s+worker-[01] /.test(t)),
      texts.join('\n'),
    );
    assert.equal(await frame.locator('.chips .chip[aria-pressed="true"]').innerText(), 'worker');
    // One pod of the three.
    const pods = frame.locator('select[title="Only the lines of one pod"]');
    assert.deepEqual(await pods.locator('option').allInnerTexts(), [
      'All pods',
      `${PROBE}-master-0`,
      `${PROBE}-worker-0`,
      `${PROBE}-worker-1`,
    ]);
    await pods.selectOption(`${PROBE}-worker-1`);
    const one = await rowsOnce(frame, (rows) => rows.every((t) => /^\S+ \S+\s+worker-1 /.test(t)));
    assert.ok(one.length > 5 && one.every((t) => /^\S+ \S+\s+worker-1 /.test(t)), one.join('\n'));
    await pods.selectOption('');

    await frame.locator('a.source', { hasText: 'File "/workspace/train.py", line 51' }).first().click();
    await page.locator('.tab', { hasText: 'train.py' }).waitFor({ timeout: 30000 });
    await page.locator('.statusbar-item', { hasText: 'Ln 51, Col 1' }).waitFor({ timeout: 30000 });
    // The logs stay in sight beside the file.
    assert.ok(await frame.locator('.failures').isVisible());
    await page.screenshot({ path: join(artifacts, 'logs-filtered-source.png') });
  });

  it('takes the colours of a dark theme', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Preferences: Color Theme');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).first().click();
    await page.locator('.quick-input-widget input').fill('Dark Modern');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().click();
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30000 });
    // Every pod again, without timestamps, from the first failure on.
    const frame = logsFrame(page);
    await frame.locator('label.toggle', { hasText: 'Timestamps' }).click();
    await frame.locator('.chips .chip', { hasText: 'worker' }).click();
    await frame.locator('.failures button.jump').click();
    const background = await frame.locator('.list').evaluate((e) => (globalThis as unknown as Styles).getComputedStyle(e).backgroundColor);
    assert.notEqual(background, 'rgb(255, 255, 255)');
    await page.screenshot({ path: join(artifacts, 'logs-job-failure-dark.png') });
  });
});
