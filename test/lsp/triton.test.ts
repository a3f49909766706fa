// Triton configs over the protocol: diagnostics in protobuf's wording, the user's check levels and
// suppression comments, links to the pages, quick fixes, folding and Format Document.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type CodeAction, type FoldingRange, type TextEdit } from 'vscode-languageserver-protocol/node';
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
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]),
      [
        ['triton/unknown-enum-value', 2, 31, 'Unknown enumeration value of "TYPE_FP23" for field "data_type". Did you mean "TYPE_FP32"?'],
        [
          'triton/dims',
          2,
          49,
          "model 'detector', tensor 'x': dimension must be integer >= 1, or -1 to indicate a variable-size dimension (found 0).",
        ],
      ],
    );
  });

  it('applies mlinfra.rules to Triton checks: a check turned off, another at another severity', async () => {
    client.settings = { mlinfra: { rules: { 'triton/dims': 'off', 'triton/max-batch-size': 'warning' } } };
    await client.initialize();
    const text = 'name: "detector"\nbackend: "python"\nmax_batch_size: -1\ninput [ { name: "x" data_type: TYPE_FP32 dims: [ 0 ] } ]\n';
    await client.open(uri, text, 'pbtxt');
    const { diagnostics } = await client.diagnostics(uri);
    const found = diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]);
    assert.deepEqual(found, [['triton/max-batch-size', DiagnosticSeverity.Warning, 2, 16]]);
  });

  it('silences a check with a suppression comment in config.pbtxt, and links the others to their pages', async () => {
    await client.initialize();
    const text = [
      'name: "detector"',
      'backend: "python"',
      '# mlinfra-disable-next-line triton/max-batch-size',
      'max_batch_size: -1',
      'input [ { name: "x" data_type: TYPE_FP23 dims: [ 0 ] } ]',
      '',
    ].join('\n');
    await client.open(uri, text, 'pbtxt');
    const { diagnostics } = await client.diagnostics(uri);
    const found = diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]);
    assert.deepEqual(found, [
      ['triton/unknown-enum-value', 4, 31],
      ['triton/dims', 4, 49],
    ]);
    const [structure, check] = diagnostics.map((d) => d.codeDescription?.href ?? '');
    assert.ok(check.endsWith('/docs/rules/triton/dims.md') && existsSync(fileURLToPath(check)), check);
    assert.ok(structure.endsWith('/docs/rules/syntax-and-schema.md#tritonunknown-enum-value'), structure);
    assert.ok(existsSync(fileURLToPath(structure.slice(0, structure.indexOf('#')))), 'the syntax and schema page exists');
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
        edit: {
          changes: { [uri]: [{ range: { start: { line: 2, character: 31 }, end: { line: 2, character: 40 } }, newText: 'TYPE_FP32' }] },
        },
      },
    ]);
    const elsewhere = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(elsewhere, []);
  });

  it('folds blocks and comment runs of a config, and leaves YAML to the editor', async () => {
    await client.initialize();
    await client.open(uri, '# a model\n# served by Python\nbackend: "python"\ninput [\n  {\n    name: "x"\n  }\n]\n', 'pbtxt');
    const folds = await client.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(folds, [
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 3, endLine: 6 },
      { startLine: 4, endLine: 5 },
    ]);
    await client.open('file:///k8s/job.yaml', 'a:\n  b: 1\n');
    assert.equal(await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: 'file:///k8s/job.yaml' } }), null);
  });

  it('formats a config into the canonical text format', async () => {
    await client.initialize();
    await client.open(uri, 'name:"detector"\ninput<name:"x";dims:[1,2]>\n', 'pbtxt');
    const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(
      edits.map((edit) => edit.newText),
      ['name: "detector"\ninput {\n  name: "x"\n  dims: [ 1, 2 ]\n}\n'],
    );
  });
});
