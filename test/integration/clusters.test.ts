// Inside a real VS Code, against the local Kubernetes API server the harness started with the demo
// scenario: the Clusters and GPU nodes views show what a user would see, stay current through
// their watches, and show errors in the server's words.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ClusterViewsApi } from '../../client/src/views/index';
import type { NodeData } from '../../client/src/views/node';
import { activateExtension, eventually } from './helpers';
import { advanceClock } from './kube';

const CLUSTERS = 'mlinfra.clusters';
const GPU = 'mlinfra.gpuNodes';
const NS = ['mlinfra-demo', 'ml-training'];

/** Label, icon and description without the trailing age (`· 5m10s`). */
const row = (n: NodeData) => [n.label, n.icon, (n.description ?? '').replace(/ · \d+[smhdy][0-9smhdy]*$/, '')];

describe('Clusters and GPU nodes views', function () {
  this.timeout(60000);
  let api: ClusterViewsApi;

  before(async () => {
    api = (await activateExtension()).clusters;
  });

  it('reads no kubeconfig and touches no cluster until a view asks', () => {
    assert.equal(api.loaded(), false);
    assert.deepEqual(api.requests(), { requests: 0, lists: 0, watches: 0 });
    assert.equal(api.statusText(), undefined);
  });

  it('lists the kubeconfig contexts, the current one marked, and the status bar shows it', async () => {
    const contexts = await api.children(CLUSTERS);
    assert.deepEqual(
      contexts.map((n) => [n.label, n.description ?? '', n.icon]),
      [
        ['mlinfra-demo', 'current', 'vm-active'],
        ['mlinfra-demo-restricted', '', 'vm'],
      ],
    );
    assert.equal(api.statusText(), '$(cloud) mlinfra-demo / ml-training');
  });

  it('lists the namespaces of a context, its own namespace marked', async () => {
    const namespaces = await api.children(CLUSTERS, ['mlinfra-demo']);
    assert.deepEqual(
      namespaces.map((n) => n.label),
      ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'ml-serving', 'ml-training', 'secret-ns'],
    );
    assert.deepEqual(
      namespaces.filter((n) => n.description === 'current').map((n) => n.label),
      ['ml-training'],
    );
    assert.deepEqual(
      (await api.children(CLUSTERS, NS)).map((n) => n.label),
      ['Training jobs', 'Inference services', 'Pods'],
    );
  });

  it('groups training jobs by kind, with state, readiness and GPUs', async () => {
    // The TFJob's workers run out of GPU memory until its backoff limit fails it, 100 s into the
    // scenario: move the cluster two minutes on, then wait only for the watches to bring it.
    await advanceClock(120);
    const groups = await eventually(async () => {
      const tf = await api.children(CLUSTERS, [...NS, 'Training jobs', 'TFJob']);
      const batch = await api.children(CLUSTERS, [...NS, 'Training jobs', 'Job']);
      return tf[0]?.icon === 'error' && batch[0]?.icon === 'pass' ? api.children(CLUSTERS, [...NS, 'Training jobs']) : undefined;
    }, 'resnet50-tf to fail and data-preprocess to succeed');
    assert.deepEqual(
      groups.map((n) => n.label),
      ['PyTorchJob', 'TFJob', 'RayJob', 'Job'],
    );
    const jobs = async (kind: string) => (await api.children(CLUSTERS, [...NS, 'Training jobs', kind])).map(row);
    assert.deepEqual(await jobs('PyTorchJob'), [
      ['llama3-70b-pretrain', 'clock', 'pending · 0/4 ready · 32 GPUs'],
      ['llama3-8b-finetune', 'play-circle', 'running · 2/2 ready · 16 GPUs'],
    ]);
    assert.deepEqual(await jobs('TFJob'), [['resnet50-tf', 'error', 'failed · 2 GPUs']]);
    assert.deepEqual(await jobs('Job'), [['data-preprocess', 'pass', 'succeeded']]);
    // The RayJob trains for five minutes of the scenario: it still runs.
    assert.deepEqual(await jobs('RayJob'), [['ray-tune-resnet', 'play-circle', 'running · 4/4 ready · 4 GPUs']]);
  });

  it('shows the pods of a job with phase, node and GPUs, and the containers of a pod', async () => {
    const pods = await api.children(CLUSTERS, [...NS, 'Training jobs', 'PyTorchJob', 'llama3-8b-finetune']);
    assert.deepEqual(
      pods.map((n) => n.label),
      ['llama3-8b-finetune-master-0', 'llama3-8b-finetune-worker-0'],
    );
    for (const pod of pods) assert.match(pod.description ?? '', /^Running · 0 restarts · gpu-h100-[01] · 8 GPUs · \w+$/);
    assert.notEqual(pods[0].description?.split(' · ')[2], pods[1].description?.split(' · ')[2], 'one pod per H100 node');
    const containers = await api.children(CLUSTERS, [
      ...NS,
      'Training jobs',
      'PyTorchJob',
      'llama3-8b-finetune',
      'llama3-8b-finetune-master-0',
    ]);
    assert.deepEqual(containers.map(row), [['pytorch', 'play-circle', 'running · 0 restarts · nvcr.io/nvidia/pytorch:24.08-py3']]);
    const all = await api.children(CLUSTERS, [...NS, 'Pods']);
    const pending = all.find((n) => n.label === 'llama3-70b-pretrain-worker-2');
    assert.match(pending?.description ?? '', /^Pending[^·]* · 0 restarts · not scheduled · 8 GPUs · \w+$/);
  });

  it('lists inference services: KServe and GPU Deployments', async () => {
    const services = await api.children(CLUSTERS, ['mlinfra-demo', 'ml-serving', 'Inference services']);
    assert.deepEqual(services.map(row), [
      ['bert-classifier', 'play-circle', 'InferenceService · running · 1/1 ready · 1 GPU'],
      ['triton-llama3', 'play-circle', 'Deployment · running · 2/2 ready · 2 GPUs'],
    ]);
    const pods = await api.children(CLUSTERS, ['mlinfra-demo', 'ml-serving', 'Inference services', 'triton-llama3']);
    assert.equal(pods.length, 2);
    assert.deepEqual(
      (await api.children(CLUSTERS, ['mlinfra-demo', 'ml-serving', 'Inference services', 'triton-llama3', pods[0].label])).map(
        (n) => n.label,
      ),
      ['triton', 'dcgm-exporter'],
    );
  });

  it('shows GPU nodes with capacity, allocatable, used and free, and totals per product', async () => {
    const top = await api.children(GPU);
    assert.deepEqual(
      top.map((n) => n.label),
      ['mlinfra-demo', 'NVIDIA-A100-SXM4-80GB', 'NVIDIA-H100-80GB-HBM3'],
    );
    assert.equal(top[2].description, '16 GPUs, 16 used, 0 free');
    const [, a100used, a100free] = /^16 GPUs, (\d+) used, (\d+) free$/.exec(top[1].description ?? '') ?? [];
    assert.equal(Number(a100used) + Number(a100free), 16, top[1].description);
    assert.equal(top[0].description, `32 GPUs, ${16 + Number(a100used)} used, ${Number(a100free)} free`);
    const h100 = await api.children(GPU, ['NVIDIA-H100-80GB-HBM3']);
    assert.deepEqual(
      h100.map((n) => [n.label, n.description]),
      [
        ['gpu-h100-0', 'capacity 8 · allocatable 8 · used 8 · free 0'],
        ['gpu-h100-1', 'capacity 8 · allocatable 8 · used 8 · free 0'],
      ],
    );
    const holders = await api.children(GPU, ['NVIDIA-H100-80GB-HBM3', 'gpu-h100-0']);
    assert.equal(holders.length, 1);
    assert.match(holders[0].label, /^ml-training\/llama3-8b-finetune-(master|worker)-0$/);
    assert.equal(holders[0].description, '8 GPUs · Running');
    const a100 = await api.children(GPU, ['NVIDIA-A100-SXM4-80GB']);
    assert.equal(
      a100.reduce((sum, n) => sum + Number(/used (\d+)/.exec(n.description ?? '')?.[1]), 0),
      Number(a100used),
    );
  });

  it('shows the live YAML of an object, read-only', async () => {
    const [job] = (await api.children(CLUSTERS, [...NS, 'Training jobs', 'PyTorchJob'])).filter((n) => n.label === 'llama3-8b-finetune');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('mlinfra.showLiveObject', job);
    const document = editor.document;
    assert.equal(document.uri.toString(), 'mlinfra-k8s:/mlinfra-demo/ml-training/PyTorchJob.kubeflow.org/llama3-8b-finetune.yaml');
    assert.equal(document.languageId, 'yaml');
    const text = document.getText();
    const lines = text.split('\n');
    for (const line of ['apiVersion: kubeflow.org/v1', 'kind: PyTorchJob', '  name: llama3-8b-finetune', '  namespace: ml-training'])
      assert.ok(lines.includes(line), line);
    assert.ok(
      lines.some((l) => /^\s+(- )?type: Running$/.test(l)),
      'the status conditions',
    );
    assert.ok(!text.includes('managedFields'));
    assert.equal(vscode.workspace.fs.isWritableFileSystem('mlinfra-k8s'), undefined, 'no file system: the document cannot be saved back');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
