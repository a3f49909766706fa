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

  it('opens the server log from the status bar item', async () => {
    await page.locator('.statusbar-item', { hasText: 'mlinfra' }).click();
    // The editor renders spaces as no-break spaces, hence \s.
    const output = page.locator('.part.panel .view-lines');
    await output.filter({ hasText: /\[info\]\smlinfra\slanguage\sserver\s\d+\.\d+\.\d+\s\(Node\sv20/ }).waitFor({ timeout: 30000 });
    await output.filter({ hasText: /Checked\sfile:\/\/\S+broken\.yaml\s\(yaml,\sversion\s1\):\s3\sproblem\(s\)/ }).waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(artifacts, 'workbench-server-log.png') });
  });
});
