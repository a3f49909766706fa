// Inside a real VS Code: the example model repository is clean and formatted, an ensemble's
// steps are checked against the other configs (unsaved edits included), and the checks follow
// files created on disk.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, summary, waitForDiagnostics, workspaceFile } from './helpers';

const MODELS = ['classifier_ensemble', 'densenet_onnx', 'llama_vllm', 'postprocess', 'preprocess', 'resnet50_trt', 'stateful_rnn'];
const configOf = (model: string) => workspaceFile(`model_repository/${model}/config.pbtxt`);

/** Replaces the first occurrence of `from` in an open document, unsaved, as typing would. */
async function replaceInDocument(uri: vscode.Uri, from: string, to: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  const offset = document.getText().indexOf(from);
  assert.ok(offset >= 0, `${from} in ${uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
  return document;
}

describe('Triton model repository in VS Code', () => {
  before(activateExtension);

  it('finds nothing wrong in the example repository, and formatting changes nothing', async () => {
    for (const model of MODELS) await vscode.workspace.openTextDocument(configOf(model));
    // The server checks files in the order they open: a finding in a config opened last proves it checked the others.
    const last = workspaceFile('models/simple/config.pbtxt');
    await vscode.workspace.openTextDocument(last);
    const lastDiagnostics = await waitForDiagnostics(last, (list) => list.length > 0);
    assert.deepEqual(lastDiagnostics.map(summary), [
      "2:10-2:23 Warning mlinfra(triton/model-files) model 'simple' has no version folder: Triton loads versions from numbered folders beside config.pbtxt (simple/1/). Create one and place the model file in it.",
    ]);
    for (const model of MODELS) {
      assert.deepEqual(vscode.languages.getDiagnostics(configOf(model)).map(summary), [], model);
      const edits = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>(
        'vscode.executeFormatDocumentProvider',
        configOf(model),
        { tabSize: 2, insertSpaces: true },
      );
      assert.deepEqual(edits ?? [], [], `formatting ${model}`);
    }
  });

  it('checks ensemble steps against the models of the repository', async () => {
    const ensemble = configOf('classifier_ensemble');
    const document = await replaceInDocument(ensemble, 'model_name: "preprocess"', 'model_name: "preproces"');
    const diagnostics = await waitForDiagnostics(ensemble, (list) => list.length > 0);
    const line = document
      .getText()
      .split('\n')
      .findIndex((text) => text.includes('"preproces"'));
    const column = document.lineAt(line).text.indexOf('"preproces"');
    assert.deepEqual(diagnostics.map(summary), [
      `${line + 1}:${column + 1}-${line + 1}:${column + 12} Error mlinfra(triton/ensemble-models) ensemble classifier_ensemble contains models that are not available or ambiguous: preproces. Did you mean 'preprocess'?`,
    ]);
    await replaceInDocument(ensemble, 'model_name: "preproces"', 'model_name: "preprocess"');
    await waitForDiagnostics(ensemble, (list) => list.length === 0);
  });

  it('re-checks an ensemble when a model it uses changes, before it is saved', async () => {
    const ensemble = configOf('classifier_ensemble');
    await vscode.workspace.openTextDocument(ensemble);
    await waitForDiagnostics(ensemble, (list) => list.length === 0);
    const preprocess = configOf('preprocess');
    await replaceInDocument(preprocess, 'max_batch_size: 32', 'max_batch_size: 4');
    const diagnostics = await waitForDiagnostics(ensemble, (list) => list.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      [
        "ensemble classifier_ensemble allows maximum batch size 32, but it contains model preprocess which only allows maximum batch size to be 4. Lower the ensemble's max_batch_size.",
      ],
    );
    await replaceInDocument(preprocess, 'max_batch_size: 4', 'max_batch_size: 32');
    await waitForDiagnostics(ensemble, (list) => list.length === 0);
  });

  it('follows version folders created on disk', async () => {
    const simple = workspaceFile('models/simple/config.pbtxt');
    await vscode.workspace.openTextDocument(simple);
    await waitForDiagnostics(simple, (list) => list.length === 1);
    await vscode.workspace.fs.writeFile(workspaceFile('models/simple/1/model.onnx'), new Uint8Array([0]));
    await waitForDiagnostics(simple, (list) => list.length === 0);
  });

  it('follows a model folder deleted on disk with everything in it', async () => {
    const write = (path: string, text: string) => vscode.workspace.fs.writeFile(workspaceFile(path), new TextEncoder().encode(text));
    const tensors = (input: string, output: string) =>
      `max_batch_size: 8\ninput [ { name: "${input}" data_type: TYPE_FP32 dims: [ 4 ] } ]\n` +
      `output [ { name: "${output}" data_type: TYPE_FP32 dims: [ 4 ] } ]\n`;
    await write('deletions/step/config.pbtxt', `name: "step"\nplatform: "onnxruntime_onnx"\n${tensors('x', 'y')}`);
    await write('deletions/step/1/model.onnx', '');
    const step = 'model_name: "step" model_version: -1 input_map { key: "x" value: "IN" } output_map { key: "y" value: "OUT" }';
    const header = `name: "pipeline"\nplatform: "ensemble"\n${tensors('IN', 'OUT')}`;
    await write('deletions/pipeline/config.pbtxt', `${header}ensemble_scheduling {\n  step [ { ${step} } ]\n}\n`);
    const pipeline = workspaceFile('deletions/pipeline/config.pbtxt');
    await vscode.workspace.openTextDocument(pipeline);
    // The ensemble (with no version folder of its own, to show that it was checked) finds its step.
    const noVersion =
      "2:11-2:21 Warning mlinfra(triton/model-files) model 'pipeline' has no version folder: Triton loads versions " +
      'from numbered folders beside config.pbtxt (pipeline/1/). Create one and place the model file in it.';
    assert.deepEqual((await waitForDiagnostics(pipeline, (list) => list.length > 0)).map(summary), [noVersion]);
    // The editor reports the folder alone, whatever its name: the server forgets what it knew of it.
    await vscode.workspace.fs.delete(workspaceFile('deletions/step'), { recursive: true });
    assert.deepEqual((await waitForDiagnostics(pipeline, (list) => list.length > 1)).map(summary), [
      noVersion,
      '7:24-7:30 Error mlinfra(triton/ensemble-models) ensemble pipeline contains models that are not available or ambiguous: step. ' +
        'Add the model to the repository or fix the name.',
    ]);
  });
});
