// Runs the extension-host suite inside code-server, driven by headless Chromium: the
// workbench loads the extension under development and the suite's run() through the
// `payload` development options. Two passes: a trusted workspace, then an untrusted one.
// The verdict comes from the result file the suite writes; no result within the time limit,
// or a result from the wrong trust mode, is a failure, never a pass. The local Kubernetes API
// server of cluster/ runs the demo scenario for both passes, on a clock the suite moves; the
// `mlinfra.kubeconfig` setting points at its kubeconfig (KUBECONFIG at a file that does not
// exist: the setting must win).
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../cluster/src/sim/clock';
import { startCluster } from '../../cluster/src/start-cluster';
import { extensionRoot, launchBrowser, startCodeServer, workbenchUrl } from '../harness/code-server';
import { RESULT_MARKER, type SuiteResult } from './result';

const SUITE_TIMEOUT_MS = Number(process.env.MLINFRA_SUITE_TIMEOUT_MS ?? 240000);
const SUITE_LINE = /^\s*[✔✖-] |^mlinfra-integration-result:/;
const verbose = process.env.MLINFRA_DEBUG === '1';

async function waitForResult(file: string, isAlive: () => boolean): Promise<SuiteResult> {
  const deadline = Date.now() + SUITE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as SuiteResult;
      } catch {
        // still being written
      }
    }
    if (!isAlive()) throw new Error('the workbench closed before the suite reported a result');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the extension-host suite reported no result within ${SUITE_TIMEOUT_MS / 1000} s`);
}

async function runPass(trusted: boolean, kubeconfig: string): Promise<SuiteResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'mlinfra-integration-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(extensionRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  // The demo's model repository, as users get it: the suite checks that every config is clean.
  cpSync(join(extensionRoot, 'examples', 'model_repository'), join(workspace, 'model_repository'), { recursive: true });
  const resultFile = join(scratch, 'result.json');
  const env = { MLINFRA_TEST_RESULT: resultFile, MLINFRA_TEST_KUBECONFIG: kubeconfig, KUBECONFIG: join(scratch, 'no-such-kubeconfig') };
  const server = await startCodeServer({ env, settings: { 'mlinfra.kubeconfig': kubeconfig }, workspaceTrust: !trusted });
  const browser = await launchBrowser();
  let alive = true;
  let markerSeen = false;
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      // The workbench relays extension-host output as `%c INFO color: #33f <text>`.
      const text = message.text().replace(/^%c[^:]*color: \S+ /, '');
      if (verbose || SUITE_LINE.test(text)) console.log(text);
      if (text.startsWith(RESULT_MARKER)) markerSeen = true;
    });
    page.on('close', () => (alive = false));
    page.on('crash', () => (alive = false));
    const testsPath = process.env.MLINFRA_SUITE_PATH ?? join(extensionRoot, 'out', 'test', 'integration', 'index.js');
    await page.goto(workbenchUrl(server, workspace, { extensionPath: extensionRoot, testsPath }));
    const result = await waitForResult(resultFile, () => alive);
    // Console messages trail the file a little; let the suite's last lines print first.
    for (let waited = 0; !markerSeen && waited < 3000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    if (result.trusted !== trusted)
      throw new Error(`the suite ran in a ${result.trusted ? 'trusted' : 'untrusted'} workspace; this pass needs the other`);
    return result;
  } catch (error) {
    console.error(`code-server output:\n${server.output.join('').slice(-4000)}`);
    throw error;
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main(): Promise<number> {
  const total = { passes: 0, failures: 0, pending: 0 };
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'mlinfra-cluster-')), 'kubeconfig');
  // The scenario's time moves only when the suite moves it (kube.ts advanceClock), so no test waits
  // for the simulation. It starts an hour back: the views measure ages against the wall clock, and
  // an object must never look younger than zero however far the suite moves. The suite begins a
  // minute in, images pulled and pods running, as someone opening VS Code beside the demo sees it.
  const clock = new ManualClock(Date.now() - 3600_000);
  const cluster = await startCluster({ kubeconfigPath: kubeconfig, bookmarkMs: 5000, clock, testControl: true });
  clock.advance(60_000);
  console.log(`-- local cluster at ${cluster.url}`);
  for (const trusted of [true, false]) {
    console.log(`-- ${trusted ? 'trusted' : 'untrusted'} workspace`);
    try {
      const result = await runPass(trusted, kubeconfig);
      for (const test of result.tests.filter((t) => t.state === 'failed')) console.log(`FAILED ${test.title}\n${test.error}`);
      total.passes += result.passes;
      total.failures += result.failures + (result.passes === 0 ? 1 : 0);
      total.pending += result.pending;
    } catch (error) {
      console.error(
        `extension-host suite (${trusted ? 'trusted' : 'untrusted'}): ${error instanceof Error ? error.message : String(error)}`,
      );
      total.failures++;
    }
  }
  await cluster.stop();
  const statsFile = process.env.MLINFRA_STATS_FILE;
  if (statsFile) writeFileSync(statsFile, JSON.stringify(total));
  console.log(`extension host: ${total.passes} passed, ${total.failures} failed${total.pending ? `, ${total.pending} skipped` : ''}`);
  return total.failures === 0 && total.pending === 0 && total.passes > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
