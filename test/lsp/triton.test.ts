// Triton configs over the protocol: diagnostics in protobuf's wording, quick fixes, folding and Format Document.
import * as assert from 'node:assert/strict';
import type { CodeAction, FoldingRange, TextEdit } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../harness/lsp-client';

const uri = 'file:///models/detector/config.pbtxt';

describe('Triton configs over stdio', function () {
  this.timeout(20000);
  let client: LspTestClient;

  beforeEach(() => {
    client = LspTestClient.start();
  });
  afterEach(() => client.kill());

  it('reports structure and load-time problems, whatever the language id', async () => {
    await client.initialize();
    await client.open(uri, 'name: "detector"\nbackend: "python"\ninput [ { name: "x" data_type: TYPE_FP23 dims: [ 0 ] } ]\n', 'plaintext');
    const { diagnostics } = await client.diagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]), [
      ['triton/unknown-enum-value', 2, 31, 'Unknown enumeration value of "TYPE_FP23" for field "data_type". Did you mean "TYPE_FP32"?'],
      ['triton/dims', 2, 49, "model 'detector', tensor 'x': dimension must be integer >= 1, or -1 to indicate a variable-size dimension (found 0)."],
    ]);
  });

  it('offers the quick fix of a diagnostic as a code action with its edit', async () => {
    await client.initialize();
    await client.open(uri, 'name: "detector"\nbackend: "python"\ninput [ { name: "x" data_type: TYPE_FP23 dims: [ 3 ] } ]\n', 'pbtxt');
    const { diagnostics } = await client.diagnostics(uri);
    assert.equal(diagnostics.length, 1);
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 2, character: 35 }, end: { line: 2, character: 35 } },
      context: { diagnostics, only: ['quickfix'] },
    });
    assert.deepEqual(actions, [
      {
        title: 'Change to TYPE_FP32',
        kind: 'quickfix',
        diagnostics,
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: { start: { line: 2, character: 31 }, end: { line: 2, character: 40 } }, newText: 'TYPE_FP32' }] } },
      },
    ]);
    const elsewhere = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    assert.deepEqual(elsewhere, []);
  });

  it('folds blocks and comment runs of a config, and leaves YAML to the editor', async () => {
    await client.initialize();
    await client.open(uri, '# a model\n# served by Python\nbackend: "python"\ninput [\n  {\n    name: "x"\n  }\n]\n', 'pbtxt');
    const folds = await client.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(folds, [{ startLine: 0, endLine: 1, kind: 'comment' }, { startLine: 3, endLine: 6 }, { startLine: 4, endLine: 5 }]);
    await client.open('file:///k8s/job.yaml', 'a:\n  b: 1\n');
    assert.equal(await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: 'file:///k8s/job.yaml' } }), null);
  });

  it('formats a config into the canonical text format', async () => {
    await client.initialize();
    await client.open(uri, 'name:"detector"\ninput<name:"x";dims:[1,2]>\n', 'pbtxt');
    const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(edits.map((edit) => edit.newText), ['name: "detector"\ninput {\n  name: "x"\n  dims: [ 1, 2 ]\n}\n']);
  });
});
