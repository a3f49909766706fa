// Schema features over the protocol, as any LSP editor gets them from `node dist/server.js --stdio`:
// diagnostics, completion, hover, outline, and the user's CRDs read through workspace settings.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type CompletionList, type DocumentSymbol, type Hover } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../harness/lsp-client';

const uri = 'file:///workspace/train.yaml';
const job = [
  'apiVersion: kubeflow.org/v1',
  'kind: PyTorchJob',
  'metadata:',
  '  name: finetune',
  'spec:',
  '  pytorchReplicaSpecs:',
  '    Worker:',
  '      replica: 3',
  '      template:',
  '        spec:',
  '          containers:',
  '            - name: pytorch',
  '              image: nvcr.io/nvidia/pytorch:24.05-py3',
  '',
].join('\n');

/** The team CRD of the demo workspace: FineTune, with required baseModel and dataset. */
const crd = readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace', 'crds', 'finetune-crd.yaml'), 'utf8');

describe('schema features over stdio', function () {
  this.timeout(20000);
  let client: LspTestClient;

  beforeEach(() => {
    client = LspTestClient.start();
  });
  afterEach(() => client.kill());

  it('announces completion, hover and outline', async () => {
    const { capabilities } = await client.initialize();
    assert.deepEqual(capabilities.completionProvider, { resolveProvider: false });
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.documentSymbolProvider, true);
  });

  it('publishes schema diagnostics for the kind a document declares', async () => {
    await client.initialize();
    await client.open(uri, job);
    const { diagnostics } = await client.diagnostics(uri);
    // The schema's findings; the GPU rules' findings on the same job have their own tests.
    assert.deepEqual(
      diagnostics.filter((diagnostic) => String(diagnostic.code).startsWith('schema/')),
      [
        {
          range: { start: { line: 7, character: 6 }, end: { line: 7, character: 13 } },
          severity: DiagnosticSeverity.Error,
          source: 'mlinfra',
          code: 'schema/unknown-field',
          // Its entry on the page of syntax and schema codes, shipped beside the server.
          codeDescription: {
            href: `${pathToFileURL(join(__dirname, '..', '..', '..', 'docs', 'rules')).href}/syntax-and-schema.md#schemaunknown-field`,
          },
          message: 'Unknown field "replica" in PyTorchJob spec.pytorchReplicaSpecs.Worker; did you mean "replicas"?',
        },
      ],
    );
  });

  it('checks the shipped kinds with the validators the build compiled beside it', async () => {
    await client.initialize();
    await client.open(uri, job);
    await client.diagnostics(uri);
    const logged = client.notifications
      .filter((n) => n.method === 'window/logMessage')
      .map((n) => (n.params as { message: string }).message);
    assert.ok(logged.includes("The shipped kinds' validators were compiled by the build."), logged.join('\n'));
  });

  it('completes keys with snippets, hovers fields and outlines documents', async () => {
    await client.initialize();
    await client.open(uri, job.replace('      replica: 3', '      '));
    const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 7, character: 6 },
    });
    const replicas = list.items.find((item) => item.label === 'replicas');
    assert.deepEqual(replicas && { textEdit: replicas.textEdit, insertTextFormat: replicas.insertTextFormat, detail: replicas.detail }, {
      textEdit: { range: { start: { line: 7, character: 6 }, end: { line: 7, character: 6 } }, newText: 'replicas: $0' },
      insertTextFormat: 2,
      detail: 'integer',
    });
    assert.ok(!list.items.some((item) => item.label === 'template'), 'template is already there');

    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 12, character: 16 },
    });
    assert.deepEqual(hover.range, { start: { line: 12, character: 14 }, end: { line: 12, character: 19 } });
    assert.match((hover.contents as { value: string }).value, /^\*\*image\*\* · `string`\n\nContainer image name/);

    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail]),
      [['PyTorchJob/finetune', 'kubeflow.org/v1']],
    );
  });

  it('checks kinds from the CRDs named in the settings, and reloads them when they change', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mlinfra-crds-'));
    mkdirSync(join(root, 'crds'));
    const crdPath = join(root, 'crds', 'finetune.yaml');
    writeFileSync(crdPath, crd);
    client.settings = { mlinfra: { schemas: { crds: ['crds'] } } };
    await client.initialize(pathToFileURL(root).href);
    const doc = pathToFileURL(join(root, 'run.yaml')).href;
    await client.open(doc, 'apiVersion: ml.example.com/v1\nkind: FineTune\nspec:\n  baseModel: llama\n  dataset: s3://datasets/chats\n');
    assert.deepEqual((await client.diagnostics(doc)).diagnostics, []);

    writeFileSync(crdPath, crd.replaceAll('baseModel', 'model'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(crdPath).href, type: 2 }],
    });
    const { diagnostics } = await client.diagnostics(doc);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.message]),
      [
        [2, 'Missing required field "model" in FineTune spec.'],
        [3, 'Unknown field "baseModel" in FineTune spec.'],
      ],
    );
  });
});
