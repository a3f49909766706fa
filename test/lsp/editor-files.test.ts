// Files around a document over the protocol: the server reads `file:` URIs from the disk itself
// and asks the client (mlinfra/readFile, readDirectory, stat) for the schemes the editor supplies
// (vscode-vfs: here, as for a GitHub repository opened without cloning it).
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('runs the workspace-scoped rules over the files the client supplies: a Triton server and its model repository', async () => {
    const gpuModel = 'name: "densenet"\nplatform: "onnxruntime_onnx"\ninstance_group [ { kind: KIND_GPU count: 2 } ]\n';
    client.files = { [`${REPO}/model_repository/densenet/config.pbtxt`]: gpuModel, [`${REPO}/model_repository/densenet/1/model.onnx`]: '' };
    await client.initialize(REPO);
    const uri = `${REPO}/deploy/triton.yaml`;
    await client.open(
      uri,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: triton',
        'spec:',
        '  selector: { matchLabels: { app: triton } }',
        '  template:',
        '    metadata: { labels: { app: triton } }',
        '    spec:',
        '      containers:',
        '        - name: server',
        '          image: nvcr.io/nvidia/tritonserver:24.05-py3',
        '          args: ["tritonserver", "--model-repository=/mnt/model_repository"]',
        '',
      ].join('\n'),
    );
    const { diagnostics } = await client.diagnostics(uri);
    // The first needs only the document; the second reads the repository through the client.
    assert.deepEqual(diagnostics.map(summary), [
      [
        'gpu/cuda-image-without-gpu',
        11,
        17,
        54,
        'Container server runs the CUDA image nvcr.io/nvidia/tritonserver:24.05-py3 without a GPU limit: the scheduler gives it ' +
          "no GPU, yet on a GPU node the NVIDIA runtime honours the image's NVIDIA_VISIBLE_DEVICES=all and shows it every GPU " +
          "there, other pods' included (elsewhere it sees none). Set limits: nvidia.com/gpu to the GPUs it needs, or " +
          'NVIDIA_VISIBLE_DEVICES=void in its env if it needs none.',
      ],
      [
        'gpu/triton-without-gpu',
        10,
        16,
        22,
        'Triton container server has no GPU limit, but serves models with KIND_GPU instance groups (densenet, from ' +
          'model_repository/densenet/config.pbtxt): it sees no GPU and fails to load them. Set limits: nvidia.com/gpu: 1, or use KIND_CPU.',
      ],
    ]);
  });

  it('reads the CRD folder of mlinfra.schemas.crds through the client, relative to the workspace folder', async () => {
    const crd = readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace', 'crds', 'finetune-crd.yaml'), 'utf8');
    client.files = { [`${REPO}/crds/team/finetune.yaml`]: crd, [`${REPO}/crds/README.md`]: '# not a CRD' };
    client.settings = { mlinfra: { schemas: { crds: ['crds'] } } };
    await client.initialize(REPO);
    const uri = `${REPO}/run.yaml`;
    await client.open(uri, 'apiVersion: ml.example.com/v1\nkind: FineTune\nspec:\n  model: llama\n  dataset: s3://datasets/chats\n');
    const { diagnostics } = await client.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.message]),
      [
        [2, 'Missing required field "baseModel" in FineTune spec.'],
        [3, 'Unknown field "model" in FineTune spec.'],
      ],
    );
    assert.ok(!client.fileRequests.includes(`readFile ${REPO}/crds/README.md`), client.fileRequests.join('\n'));
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
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['triton/max-batch-size'],
    );
    // Asked for the first check's files, then never again: the client said it has no such request.
    const asked = client.fileRequests.length;
    assert.ok(asked > 0);
    const second = `${REPO}/other/config.pbtxt`;
    await client.open(second, 'name: "other"\nplatform: "tensorrt_plan"\n', 'pbtxt');
    await client.diagnostics(second);
    assert.equal(client.fileRequests.length, asked, client.fileRequests.join('\n'));
  });
});
