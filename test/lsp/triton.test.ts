// Triton configs over the protocol: diagnostics in protobuf's wording and Format Document.
import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-protocol/node';
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

  it('formats a config into the canonical text format', async () => {
    await client.initialize();
    await client.open(uri, 'name:"detector"\ninput<name:"x";dims:[1,2]>\n', 'pbtxt');
    const edits = (await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    assert.deepEqual(edits.map((edit) => edit.newText), ['name: "detector"\ninput {\n  name: "x"\n  dims: [ 1, 2 ]\n}\n']);
  });
});
