// GPUs through Dynamic Resource Allocation over the protocol: the claim's template lives in
// another file of the folder, which the server reads through the client, counts in the rules and
// the CodeLens, and reads again when it changes.
import * as assert from 'node:assert/strict';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-protocol/node';
import { claimTemplate } from '../harness/dra';
import { LspTestClient } from '../harness/lsp-client';

const REPO = 'vscode-vfs://github/acme/training';
const CLAIMS = `${REPO}/llm/claims.yaml`;
const JOB = `${REPO}/llm/job.yaml`;

const job = (template: string) =>
  [
    'apiVersion: kubeflow.org/v1',
    'kind: PyTorchJob',
    'metadata:',
    '  name: llm',
    'spec:',
    '  pytorchReplicaSpecs:',
    '    Worker:',
    '      replicas: 2',
    '      template:',
    '        spec:',
    '          tolerations: [{ key: nvidia.com/gpu, operator: Exists }]',
    '          resourceClaims:',
    '            - name: gpus',
    `              resourceClaimTemplateName: ${template}`,
    '          containers:',
    '            - name: pytorch',
    '              image: nvcr.io/nvidia/pytorch:24.05-py3',
    '              command: [torchrun, --nproc-per-node=4, train.py]',
    '              volumeMounts: [{ name: dshm, mountPath: /dev/shm }]',
    '              resources:',
    '                claims: [{ name: gpus }]',
    '          volumes: [{ name: dshm, emptyDir: { medium: Memory, sizeLimit: 16Gi } }]',
    '',
  ].join('\n');

const summary = (d: Diagnostic) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.message];

describe('GPUs claimed through DRA, over stdio', function () {
  this.timeout(20000);
  let client: LspTestClient;

  beforeEach(() => {
    client = LspTestClient.start();
  });
  afterEach(() => client.kill());

  it("counts the GPUs of a claim whose template is in another file of the folder: the rules' findings and the CodeLens", async () => {
    client.files = { [CLAIMS]: claimTemplate('eight-gpus', 'gpu.nvidia.com', 8) };
    await client.initialize(REPO);
    await client.open(JOB, job('eight-gpus'));
    const { diagnostics } = await client.diagnostics(JOB);
    assert.deepEqual(diagnostics.map(summary), [
      [
        'gpu/nproc-per-node',
        17,
        51,
        52,
        '--nproc-per-node starts 4 processes per pod but container pytorch has 8 GPUs: 4 of the GPUs stay idle while the ' +
          "job holds them. Set it to 8 (or auto), or lower the claim's GPU count.",
      ],
    ]);
    assert.ok(client.fileRequests.includes(`readFile ${CLAIMS}`), client.fileRequests.join('\n'));
    const lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: JOB } });
    assert.deepEqual(
      lenses.map((lens) => lens.command?.title),
      ['16 GPUs (by claim) · Worker 2 × 8 · ≥ 2 nodes of 8 GPUs'],
    );
  });

  it('asks the editor for the CodeLens again once the files around the job are loaded, and only then', async () => {
    client.files = { [CLAIMS]: claimTemplate('eight-gpus', 'gpu.nvidia.com', 8) };
    await client.initialize(REPO);
    await client.open(JOB, job('eight-gpus'));
    await client.diagnostics(JOB);
    assert.equal(client.codeLensRefreshes, 1);
    // An edit finds the folder in the snapshot: nothing is loaded, the lens needs no refresh.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: JOB, version: 2 },
      contentChanges: [{ text: job('eight-gpus').replace('replicas: 2', 'replicas: 3') }],
    });
    await client.diagnostics(JOB);
    assert.equal(client.codeLensRefreshes, 1);
  });

  it('warns of a template found nowhere around the job, and reads the folder again when a file changes', async () => {
    client.files = { [CLAIMS]: claimTemplate('eight-gpus', 'gpu.nvidia.com', 8) };
    await client.initialize(REPO);
    await client.open(JOB, job('eight-gpu'));
    assert.deepEqual((await client.diagnostics(JOB)).diagnostics.map(summary), [
      [
        'dra/missing-claim',
        13,
        41,
        50,
        'ResourceClaimTemplate eight-gpu is in neither this file nor a YAML file of its folder: the pod stays Pending until ' +
          'one of that name exists in its namespace, and its claimed GPUs cannot be counted. Did you mean eight-gpus?',
      ],
    ]);

    // The template is renamed in its own file: the editor's watcher tells the server, which checks the job again.
    client.files[CLAIMS] = claimTemplate('eight-gpu', 'gpu.nvidia.com', 4);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: CLAIMS, type: 2 }] });
    assert.deepEqual((await client.diagnostics(JOB)).diagnostics, []);
    const lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: JOB } });
    assert.deepEqual(
      lenses.map((lens) => lens.command?.title),
      ['8 GPUs (by claim) · Worker 2 × 4 · ≥ 1 node of 8 GPUs'],
    );
  });
});
