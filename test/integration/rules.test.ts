// Inside a real VS Code: a GPU rule's diagnostic links to its page, its quick fix applies and
// clears it, and each workload shows its GPU summary as a CodeLens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, summary, waitForDiagnostics, workspaceFile } from './helpers';

describe('GPU rules in VS Code', () => {
  before(activateExtension);

  it('reports a rule with a link to its page, and its fix clears it', async () => {
    const uri = workspaceFile('manifests/gpu-request.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    const original = document.getText();
    const diagnostics = await waitForDiagnostics(uri, (list) => list.length > 0);
    const rules = diagnostics.filter((d) => typeof d.code === 'object' && d.code.value === 'gpu/limit-required');
    assert.deepEqual(rules.map(summary), [
      '15:15-15:29 Error mlinfra(gpu/limit-required) nvidia.com/gpu is requested without a limit in container trainer: Kubernetes requires a limit for GPUs and rejects the pod. Set limits: nvidia.com/gpu: 1.',
    ]);
    const target = (rules[0].code as { target: vscode.Uri }).target;
    assert.match(target.toString(), /\/docs\/rules\/gpu\/limit-required\.md$/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, rules[0].range);
    const fix = actions.find((action) => action.title === 'Add limit nvidia.com/gpu: 1');
    assert.ok(fix?.edit, `fix offered among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /requests:\n {14}nvidia.com\/gpu: 1\n {12}limits:\n {14}nvidia.com\/gpu: 1\n$/);
    await waitForDiagnostics(uri, (list) => !list.some((d) => typeof d.code === 'object' && d.code.value === 'gpu/limit-required'));
    // Back to the file as it is on disk, for the other tests.
    const restore = new vscode.WorkspaceEdit();
    restore.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(restore));
    await document.save();
  });

  it('shows the GPU summary above a workload', async () => {
    const uri = workspaceFile('manifests/typos.yaml');
    await vscode.workspace.openTextDocument(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command?.title]),
      [[1, '8 GPUs · Worker 1 × 8 · ≥ 1 node of 8 GPUs']],
    );
  });
});
