// The extension-host suite's entry: `run()` is what VS Code (through @vscode/test-electron, or
// code-server's extensionTestsPath) loads. It runs the suite with mocha, prints each result,
// and writes a result file when MLINFRA_TEST_RESULT names one, so a harness that cannot see
// the exit code (code-server) still gets a verdict. In an untrusted workspace it runs the
// `*.untrusted.test.js` files, otherwise the rest; the result records which.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { RESULT_MARKER, type SuiteResult } from './result';

function report(result: SuiteResult): void {
  const file = process.env.MLINFRA_TEST_RESULT;
  if (file) writeFileSync(file, JSON.stringify(result, null, 2));
  console.log(
    `${RESULT_MARKER} ${JSON.stringify({ trusted: result.trusted, passes: result.passes, failures: result.failures, pending: result.pending })}`,
  );
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: function NoOutput() {} as unknown as string });
  const trusted = vscode.workspace.isTrusted;
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js') && name.endsWith('.untrusted.test.js') !== trusted);
  for (const file of files.sort()) mocha.addFile(join(__dirname, file));
  const result: SuiteResult = { trusted, passes: 0, failures: 0, pending: 0, tests: [] };
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => {
        result.passes++;
        result.tests.push({ title: test.fullTitle(), state: 'passed' });
        console.log(`  ✔ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
      });
      runner.on('fail', (test, error: Error) => {
        result.failures++;
        result.tests.push({ title: test.fullTitle(), state: 'failed', error: String(error.stack ?? error) });
        console.log(`  ✖ ${test.fullTitle()}\n${error.stack ?? error}`);
      });
      runner.on('pending', (test) => {
        result.pending++;
        result.tests.push({ title: test.fullTitle(), state: 'pending' });
        console.log(`  - ${test.fullTitle()} (pending)`);
      });
    });
  } catch (error) {
    result.failures++;
    result.tests.push({ title: 'loading the suite', state: 'failed', error: String(error) });
  }
  report(result);
  if (result.failures > 0 || result.pending > 0 || result.passes === 0) {
    throw new Error(`${result.failures} failed, ${result.pending} pending, ${result.passes} passed`);
  }
}
