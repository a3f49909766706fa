// Files around a document over the protocol: the server reads `file:` URIs from the disk itself
// and asks the client (mlinfra/readFile, readDirectory, stat) for the schemes the editor supplies
// (vscode-vfs: here, as for a GitHub repository opened without cloning it).
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../harness/lsp-client';

const REPO = 'vscode-vfs://github/acme/models';
const CONFIG = 'name: "detector"\nplatform: "tensorrt_plan"\n';
const MISSING_PLAN =
  "version 1 of model 'detector' has no 'model.plan': Triton fails to load it unless the file is in detector/1/ when the server starts.";

const summary = (d: Diagnostic) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.message];

describe('files the editor supplies, over stdio', function () {
  this.timeout(20000);
  let client: LspTestClient;

  beforeEach(() => {
    client = LspTestClient.start();
  });
  afterEach(() => client.kill());

  it('checks a model repository the client supplies, and again when its files change', async () => {
    client.files = { [`${REPO}/detector/config.pbtxt`]: CONFIG, [`${REPO}/detector/1/model.onnx`]: '' };
    await client.initialize(REPO);
    const uri = `${REPO}/detector/config.pbtxt`;
    await client.open(uri, CONFIG, 'pbtxt');
    assert.deepEqual((await client.diagnostics(uri)).diagnostics.map(summary), [['triton/model-files', 1, 10, 25, MISSING_PLAN]]);
    assert.ok(client.fileRequests.includes(`readDirectory ${REPO}/detector`), client.fileRequests.join('\n'));
    assert.ok(client.fileRequests.includes(`readDirectory ${REPO}/detector/1`), client.fileRequests.join('\n'));

    // The model file arrives (a pull, another window): the editor's watcher tells the server.
    client.files[`${REPO}/detector/1/model.plan`] = '';
    const created = { uri: `${REPO}/detector/1/model.plan`, type: 1 };
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [created] });
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
  });

  it('reads file: URIs from the disk without asking the client', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mlinfra-files-'));
    try {
      mkdirSync(join(root, 'detector', '1'), { recursive: true });
      writeFileSync(join(root, 'detector', '1', 'model.onnx'), '');
      const uri = pathToFileURL(join(root, 'detector', 'config.pbtxt')).href;
      await client.initialize(pathToFileURL(root).href);
      await client.open(uri, CONFIG, 'pbtxt');
      assert.deepEqual((await client.diagnostics(uri)).diagnostics.map(summary), [['triton/model-files', 1, 10, 25, MISSING_PLAN]]);
      assert.deepEqual(client.fileRequests, []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('still checks what the text shows when the client supplies no files (another editor)', async () => {
    client.suppliesFiles = false;
    client.files = { [`${REPO}/detector/1/model.onnx`]: '' };
    await client.initialize(REPO);
    const uri = `${REPO}/detector/config.pbtxt`;
    await client.open(uri, 'name: "detector"\nplatform: "tensorrt_plan"\nmax_batch_size: -1\n', 'pbtxt');
    const { diagnostics } = await client.diagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['triton/max-batch-size']);
    // Asked for the first check's files, then never again: the client said it has no such request.
    const asked = client.fileRequests.length;
    assert.ok(asked > 0);
    const second = `${REPO}/other/config.pbtxt`;
    await client.open(second, 'name: "other"\nplatform: "tensorrt_plan"\n', 'pbtxt');
    await client.diagnostics(second);
    assert.equal(client.fileRequests.length, asked, client.fileRequests.join('\n'));
  });
});
