// Inside a real VS Code: the extension activates, its server reports YAML syntax errors as
// diagnostics, keeps them current while editing, and Triton configs get their language.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, summary, waitFor, waitForDiagnostics, workspaceFile } from './helpers';

const BROKEN_DIAGNOSTICS = [
  '5:3-5:7 Error mlinfra(yaml/duplicate-key) Duplicate key "name": it is already set on line 4. Kubernetes and most YAML tools reject the file or keep only one value; remove or rename one of them.',
  '11:12-11:17 Error mlinfra(yaml/bad-indentation) Bad indentation: "image" is indented more than "name" above it, which already has a value. Align the keys, or nest "image" under a key that has no value.',
  '15:1-15:2 Error mlinfra(yaml/tab-as-indent) Tab used for indentation: YAML allows only spaces there. Replace the tab with spaces.',
];

describe('mlinfra extension', () => {
  it('activates and starts its language server', async () => {
    const api = await activateExtension();
    await waitFor(() => api.serverState() === 'running', 'the server to report that it runs');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('mlinfra.showServerLog'));
    assert.ok(commands.includes('mlinfra.restartServer'));
  });

  it('reports the syntax errors of every document in a YAML file', async () => {
    const uri = workspaceFile('manifests/broken.yaml');
    await vscode.window.showTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, (list) => list.length > 0);
    assert.deepEqual(diagnostics.map(summary), BROKEN_DIAGNOSTICS);
    const related = diagnostics[0].relatedInformation?.map((info) => [
      info.location.uri.toString(),
      info.location.range.start.line,
      info.message,
    ]);
    assert.deepEqual(related, [[uri.toString(), 3, 'First "name" is here.']]);
  });

  it('updates the diagnostics as the document is edited', async () => {
    const uri = workspaceFile('manifests/broken.yaml');
    const editor = await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, (list) => list.length === 3);
    const edited = await editor.edit((edit) => edit.delete(new vscode.Range(4, 0, 5, 0)));
    assert.ok(edited, 'the edit applied');
    const diagnostics = await waitForDiagnostics(uri, (list) => list.length === 2);
    assert.deepEqual(diagnostics.map(summary), [
      '10:12-10:17 Error mlinfra(yaml/bad-indentation) Bad indentation: "image" is indented more than "name" above it, which already has a value. Align the keys, or nest "image" under a key that has no value.',
      '14:1-14:2 Error mlinfra(yaml/tab-as-indent) Tab used for indentation: YAML allows only spaces there. Replace the tab with spaces.',
    ]);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, (list) => list.length === 3);
  });

  it('reports nothing for a clean manifest', async () => {
    const clean = workspaceFile('manifests/clean.yaml');
    await vscode.workspace.openTextDocument(clean);
    // The broken file's diagnostics arriving after the clean file's open proves the server saw both.
    const broken = workspaceFile('manifests/broken.yaml');
    await vscode.workspace.openTextDocument(broken);
    await waitForDiagnostics(broken, (list) => list.length === 3);
    assert.deepEqual(vscode.languages.getDiagnostics(clean).map(summary), []);
  });

  it('gives Triton configs their own language', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('models/simple/config.pbtxt'));
    assert.equal(document.languageId, 'pbtxt');
    const other = await vscode.workspace.openTextDocument(workspaceFile('models/simple/labels.pbtxt'));
    assert.equal(other.languageId, 'pbtxt');
  });

  it('checks Chart.yaml and values files but never reports chart templates as broken YAML', async () => {
    // The server handles documents in the order they open: once the values file, opened
    // last, has its diagnostics, the templates opened before it have been checked too.
    const template = workspaceFile('chart/templates/job.yaml');
    const templateDocument = await vscode.workspace.openTextDocument(template);
    const helpers = workspaceFile('chart/templates/_helpers.tpl');
    await vscode.workspace.openTextDocument(helpers);
    const values = workspaceFile('chart/values.yaml');
    await vscode.workspace.openTextDocument(values);
    const valuesDiagnostics = await waitForDiagnostics(values, (list) => list.length > 0);
    assert.deepEqual(valuesDiagnostics.map(summary), [
      '3:1-3:5 Error mlinfra(yaml/duplicate-key) Duplicate key "gpus": it is already set on line 2. Kubernetes and most YAML tools reject the file or keep only one value; remove or rename one of them.',
    ]);
    assert.equal(templateDocument.languageId, 'yaml');
    assert.deepEqual(vscode.languages.getDiagnostics(template).map(summary), []);
    assert.deepEqual(vscode.languages.getDiagnostics(helpers).map(summary), []);
  });

  it('restarts its server on command and reports again', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('mlinfra.restartServer');
    await waitFor(() => api.serverState() === 'running', 'the restarted server to run');
    const uri = workspaceFile('manifests/broken.yaml');
    await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, (list) => list.length === 3);
  });
});
