// The logs tests' job (test/harness/logs-probe-job.ts) applied to the local cluster, and the script
// its traceback names written into the workspace.
import * as vscode from 'vscode';
import { PROBE_JOB, probeScript } from '../harness/logs-probe-job';
import { workspaceFile } from './helpers';
import { serverSideApply } from './kube';

export { PROBE } from '../harness/logs-probe-job';

export async function applyProbe(): Promise<void> {
  await serverSideApply(PROBE_JOB, 'pytorchjobs');
}

export async function writeScript(): Promise<vscode.Uri> {
  const uri = workspaceFile('train.py');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(probeScript()));
  return uri;
}
