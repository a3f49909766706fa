// Inside a real VS Code: schema diagnostics, completion, hover and the outline of manifests,
// and kinds from the CRDs that the workspace's settings name.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, summary, waitForDiagnostics, workspaceFile } from './helpers';

describe('schemas in VS Code', () => {
  before(activateExtension);

  it('reports schema errors on the key and the value', async () => {
    const uri = workspaceFile('manifests/typos.yaml');
    await vscode.workspace.openTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, (list) => list.length > 0);
    // The schema's findings; the GPU rules' findings on the same job have their own tests.
    assert.deepEqual(
      diagnostics.map(summary).filter((line) => line.includes('mlinfra(schema/')),
      [
        '8:7-8:14 Error mlinfra(schema/unknown-field) Unknown field "replica" in PyTorchJob spec.pytorchReplicaSpecs.Worker; did you mean "replicas"?',
      ],
    );
  });

  it('completes fields, GPU resource names and values', async () => {
    const uri = workspaceFile('manifests/typos.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(7, 6),
    );
    const restartPolicy = keys.items.find((item) => item.label === 'restartPolicy');
    assert.ok(
      restartPolicy,
      `restartPolicy offered among ${keys.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', ')}`,
    );
    assert.equal(restartPolicy.kind, vscode.CompletionItemKind.Property);
    const gpu = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(15, 18),
    );
    const labels = gpu.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('nvidia.com/mig-1g.5gb') && labels.includes('memory'), labels.join(', '));
    assert.equal(document.lineAt(15).text, '                  nvidia.com/gpu: 8');
  });

  it('hovers a field with its documentation', async () => {
    const uri = workspaceFile('manifests/typos.yaml');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(12, 16));
    const text = hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*image\*\* · `string`/);
    assert.match(text, /Container image name/);
  });

  it('outlines each document as kind/name', async () => {
    const uri = workspaceFile('manifests/typos.yaml');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail]),
      [['PyTorchJob/finetune', 'kubeflow.org/v1']],
    );
    assert.deepEqual(
      symbols[0].children.map((s) => s.name),
      ['apiVersion', 'kind', 'metadata', 'spec'],
    );
  });

  it('checks kinds from the CRDs listed in mlinfra.schemas.crds', async () => {
    assert.deepEqual(vscode.workspace.getConfiguration('mlinfra').get('schemas.crds'), ['crds']);
    const uri = workspaceFile('manifests/finetune.yaml');
    await vscode.workspace.openTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, (list) => list.length > 0);
    assert.deepEqual(diagnostics.map(summary), [
      '8:11-8:15 Error mlinfra(schema/invalid-value) "dora" is not allowed for FineTune spec.method; use one of full, lora, qlora. Did you mean "lora"?',
    ]);
  });
});
