// The contract between the extension-host suite and the harness that runs it: the result
// file's shape and the console marker. No `vscode` import, so the Node-side harness can load it.

export interface SuiteResult {
  /** Whether the workspace was trusted: the suite runs a different set of tests in each mode. */
  trusted: boolean;
  passes: number;
  failures: number;
  pending: number;
  tests: Array<{ title: string; state: 'passed' | 'failed' | 'pending'; error?: string }>;
}

export const RESULT_MARKER = 'mlinfra-integration-result:';
