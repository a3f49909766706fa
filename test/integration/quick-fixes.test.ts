// Inside a real VS Code: quick fixes arrive as code actions and apply cleanly, and Triton
// configs fold by their blocks and comments.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitForDiagnostics, workspaceFile } from './helpers';

const codeOf = (diagnostic: vscode.Diagnostic) => (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);

async function codeActions(uri: vscode.Uri, at: vscode.Position): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at));
}

describe('quick fixes and folding in VS Code', () => {
  before(activateExtension);

  // vscode.executeCodeActionProvider does not pass on the diagnostics of an action: the protocol test checks them.
  it('offers the fix of a misspelled manifest field', async () => {
    const uri = workspaceFile('manifests/typos.yaml');
    await vscode.workspace.openTextDocument(uri);
    await waitForDiagnostics(uri, (list) => list.length > 0);
    const fix = (await codeActions(uri, new vscode.Position(7, 6))).find((action) => action.title === 'Change to "replicas"');
    assert.ok(fix, 'the fix is offered');
    assert.equal(fix.kind?.value, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const edits = fix.edit?.get(uri) ?? [];
    assert.deepEqual(
      edits.map((edit) => [edit.range.start.line, edit.range.start.character, edit.range.end.character, edit.newText]),
      [[7, 6, 13, 'replicas']],
    );
  });

  it('fixes an enum typo in a Triton config, and folds the config', async () => {
    const content =
      '# a model\n# served by Python\nbackend: "python"\ninput [\n  {\n    name: "x"\n    data_type: TYPE_FP23\n    dims: [ 3 ]\n  }\n]\n';
    const document = await vscode.workspace.openTextDocument({ language: 'pbtxt', content });
    const typo = (list: vscode.Diagnostic[]) => list.some((diagnostic) => codeOf(diagnostic) === 'triton/unknown-enum-value');
    await waitForDiagnostics(document.uri, typo);
    const fix = (await codeActions(document.uri, new vscode.Position(6, 20))).find((action) => action.title === 'Change to TYPE_FP32');
    assert.ok(fix?.edit, 'the fix is offered with its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(6).text, '    data_type: TYPE_FP32');
    await waitForDiagnostics(document.uri, (list) => !typo(list));

    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.deepEqual(
      folds.map((fold) => [fold.start, fold.end, fold.kind]),
      [
        [0, 1, vscode.FoldingRangeKind.Comment],
        [3, 8, undefined],
        [4, 7, undefined],
      ],
    );
  });
});
