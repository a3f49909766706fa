// The workbench as a person sees it: a broken YAML file open, the error squiggle under the
// duplicate key, the Problems panel listing mlinfra's message, and the status bar item.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { extensionRoot, launchBrowser, openWorkbench, startCodeServer, workbenchUrl, type CodeServer } from '../harness/code-server';

const artifacts = join(extensionRoot, 'test', 'artifacts');

async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: fileName }).waitFor();
}

describe('workbench in a browser', function () {
  this.timeout(120000);
  let server: CodeServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const workspace = join(mkdtempSync(join(tmpdir(), 'mlinfra-e2e-')), 'workspace');
    cpSync(join(extensionRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
    server = await startCodeServer();
    browser = await launchBrowser();
    page = await openWorkbench(browser, workbenchUrl(server, workspace, { extensionPath: extensionRoot }));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the squiggle and the Problems entry for a broken YAML file', async () => {
    await quickOpen(page, 'broken.yaml');
    const squiggles = page.locator('.monaco-editor .squiggly-error');
    await squiggles.first().waitFor({ timeout: 60000 });
    assert.equal(await squiggles.count(), 3, 'one squiggle per problem');

    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'Duplicate key' }).first().waitFor({ timeout: 30000 });
    const texts = (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    assert.deepEqual(
      texts.filter((text) => !/^broken\.yaml/.test(text)),
      [
        'Duplicate key "name": it is already set on line 4. Kubernetes and most YAML tools reject the file or keep only one value; remove or rename one of them. mlinfra yaml/duplicate-key [Ln 5, Col 3]',
        'Bad indentation: "image" is indented more than "name" above it, which already has a value. Align the keys, or nest "image" under a key that has no value. mlinfra yaml/bad-indentation [Ln 11, Col 12]',
        'Tab used for indentation: YAML allows only spaces there. Replace the tab with spaces. mlinfra yaml/tab-as-indent [Ln 15, Col 1]',
      ],
    );

    const status = page.locator('.statusbar-item', { hasText: 'mlinfra' });
    await status.locator('.codicon-check').waitFor({ timeout: 30000 });

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'workbench-problems.png') });
  });

  it('shows a schema error and completes GPU resource names in a training job', async () => {
    await quickOpen(page, 'typos.yaml');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60000 });
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'Unknown field "replica"' }).first().waitFor({ timeout: 30000 });
    const problem = (await rows.filter({ hasText: 'Unknown field "replica"' }).first().innerText()).replace(/\s+/g, ' ').trim();
    assert.equal(
      problem,
      'Unknown field "replica" in PyTorchJob spec.pytorchReplicaSpecs.Worker; did you mean "replicas"? mlinfra schema/unknown-field [Ln 8, Col 7]',
    );

    // A new line under `nvidia.com/gpu: 8` in resources.limits, then Ctrl+Space and a few letters.
    await page.locator('.monaco-editor .view-line', { hasText: 'nvidia.com/gpu: 8' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    const suggestions = page.locator('.suggest-widget .monaco-list-row');
    await suggestions.first().waitFor({ timeout: 30000 });
    await page.keyboard.type('mig-3g');
    await suggestions.filter({ hasText: 'nvidia.com/mig-3g.40gb' }).first().waitFor({ timeout: 30000 });
    const labels = (await suggestions.allInnerTexts()).map((text) => text.split('\n')[0].trim());
    assert.deepEqual(labels.filter((label) => label.startsWith('nvidia.com/mig-3g')).sort(), [
      'nvidia.com/mig-3g.20gb',
      'nvidia.com/mig-3g.40gb',
      'nvidia.com/mig-3g.71gb',
    ]);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'workbench-completion.png') });
    await page.keyboard.press('Escape');
  });

  it('opens the server log from the status bar item', async () => {
    await page.locator('.statusbar-item', { hasText: 'mlinfra' }).click();
    // The editor renders spaces as no-break spaces, hence \s.
    const output = page.locator('.part.panel .view-lines');
    // The log is longer than the panel: look at its top, then at its end.
    await output.first().waitFor({ timeout: 30000 });
    await output.first().click();
    await page.keyboard.press('Control+Home');
    await output.filter({ hasText: /\[info\]\smlinfra\slanguage\sserver\s\d+\.\d+\.\d+\s\(Node\sv20/ }).waitFor({ timeout: 30000 });
    await page.keyboard.press('Control+End');
    await output
      .filter({ hasText: /Checked\sfile:\/\/\S+typos\.yaml\s\(yaml,\sversion\s\d+\):\s\d+\sproblem\(s\)/ })
      .waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(artifacts, 'workbench-server-log.png') });
  });
});
