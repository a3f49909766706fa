// In an untrusted workspace (restricted mode) the extension still analyses files: it runs
// no commands and touches no cluster, so it declares limited support and keeps working.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, summary, waitForDiagnostics, workspaceFile } from './helpers';

describe('mlinfra in an untrusted workspace', () => {
  it('runs in restricted mode', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('tells the server that the workspace is not trusted: it may run no program', async () => {
    const api = await activateExtension();
    assert.equal(await api.serverTrustsWorkspace(), false);
  });

  it('activates and reports YAML syntax errors', async () => {
    await activateExtension();
    const uri = workspaceFile('chart/values.yaml');
    await vscode.window.showTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, (list) => list.length > 0);
    assert.deepEqual(diagnostics.map(summary), [
      '3:1-3:5 Error mlinfra(yaml/duplicate-key) Duplicate key "gpus": it is already set on line 2. Kubernetes and most YAML tools reject the file or keep only one value; remove or rename one of them.',
    ]);
  });
});
