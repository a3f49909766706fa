// In an untrusted workspace the cluster views explain that cluster access needs trust, and the
// cluster commands (logs too) refuse: no kubeconfig is read (it could run an exec plugin), no cluster
// asked, no logs view opened.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

describe('cluster views in an untrusted workspace', () => {
  it('show one row saying cluster access needs a trusted workspace', async () => {
    const { clusters } = await activateExtension();
    for (const view of ['mlinfra.clusters', 'mlinfra.gpuNodes'] as const) {
      const rows = await clusters.children(view);
      assert.deepEqual(
        rows.map((n) => [n.label, n.contextValue, n.command?.command]),
        [['Cluster access needs a trusted workspace', 'mlinfra.untrusted', 'workbench.trust.manage']],
      );
    }
    assert.equal(clusters.loaded(), false);
  });

  it('refuse every cluster command with a message, and touch nothing', async () => {
    const { clusters, logs } = await activateExtension();
    const window = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
    const original = window.showWarningMessage;
    const shown: string[] = [];
    window.showWarningMessage = (message: unknown) => {
      shown.push(String(message));
      return Promise.resolve(undefined);
    };
    const job = {
      ref: { context: 'mlinfra-demo', namespace: 'ml-training', typeKey: 'kubeflow.org/pytorchjobs', name: 'llama3-8b-finetune' },
    };
    try {
      for (const [command, arg] of [
        ['mlinfra.refreshClusters'],
        ['mlinfra.switchContext', 'mlinfra-demo'],
        ['mlinfra.switchNamespace', 'ml-serving'],
        ['mlinfra.showLiveObject', job],
        ['mlinfra.deleteJob', job],
        ['mlinfra.retryCluster'],
        ['mlinfra.followLogs', job],
        ['mlinfra.showLogs', job],
        ['mlinfra.followLogs'],
      ] as const) {
        await vscode.commands.executeCommand(command, arg);
      }
    } finally {
      window.showWarningMessage = original;
    }
    assert.equal(shown.length, 9);
    assert.ok(
      shown.every((m) => m.startsWith('mlinfra: cluster access needs a trusted workspace')),
      shown.join('\n'),
    );
    assert.equal(clusters.loaded(), false);
    assert.deepEqual(clusters.requests(), { requests: 0, lists: 0, watches: 0 });
    assert.equal(clusters.statusText(), undefined);
    assert.deepEqual(logs.views(), [], 'no logs view opened');
  });

  it('offer no Follow logs lens above a manifest', async () => {
    await activateExtension();
    const text = 'apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata:\n  name: llama3-8b-finetune\n  namespace: ml-training\n';
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.deepEqual(
      lenses.filter((l) => l.command?.command === 'mlinfra.followLogs'),
      [],
    );
  });
});
