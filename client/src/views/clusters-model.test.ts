import * as assert from 'node:assert/strict';
import { containerNodes, folderNode, kindGroupNode, NamespaceModel, podNode, workloadNode } from './clusters-model';
import { clusterNode, gpuNodeNodes, productNodes } from './gpu-nodes-model';
import { gpuNodes } from './model/allocation';

const NOW = Date.parse('2025-01-06T10:00:00Z');
const created = '2025-01-06T09:55:00Z';
const gpus = (n: number) => ({ limits: { 'nvidia.com/gpu': n }, requests: { 'nvidia.com/gpu': n } });
const running = { type: 'Running', status: 'True', reason: 'PyTorchJobRunning' };

function pytorchJob(name: string, uid: string, workers: number, conditions: object[]) {
  const template = { spec: { containers: [{ name: 'pytorch', image: 'nvcr.io/nvidia/pytorch:24.08-py3', resources: gpus(8) }] } };
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'PyTorchJob',
    metadata: { name, namespace: 'ml', uid, creationTimestamp: created },
    spec: { pytorchReplicaSpecs: { Master: { replicas: 1, template }, Worker: { replicas: workers, template } } },
    status: { conditions },
  };
}

function pod(name: string, owner: string, phase: string, node?: string, restarts = 0) {
  const ready = phase === 'Running';
  return {
    metadata: {
      name,
      namespace: 'ml',
      uid: `pod-${name}`,
      creationTimestamp: created,
      ownerReferences: [{ uid: owner, controller: true }],
    },
    spec: {
      ...(node ? { nodeName: node } : {}),
      containers: [{ name: 'pytorch', image: 'nvcr.io/nvidia/pytorch:24.08-py3', resources: gpus(8) }],
    },
    status: {
      phase,
      conditions: node
        ? [{ type: 'Ready', status: ready ? 'True' : 'False' }]
        : [
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: '0/5 nodes are available: 4 Insufficient nvidia.com/gpu.',
            },
          ],
      ...(node
        ? {
            containerStatuses: [
              {
                name: 'pytorch',
                ready,
                restartCount: restarts,
                image: 'nvcr.io/nvidia/pytorch:24.08-py3',
                state: ready ? { running: {} } : { terminated: { exitCode: 0, reason: 'Completed' } },
              },
            ],
          }
        : {}),
    },
  };
}

function demo() {
  const small = pytorchJob('llama3-8b-finetune', 'j1', 1, [{ type: 'Created', status: 'True' }, running]);
  const big = pytorchJob('llama3-70b-pretrain', 'j2', 3, [{ type: 'Created', status: 'True' }]);
  const preprocess = {
    metadata: { name: 'data-preprocess', namespace: 'ml', uid: 'j3', creationTimestamp: created },
    spec: { completions: 4, parallelism: 2, template: { spec: { containers: [{ name: 'p', image: 'python:3.11-slim' }] } } },
    status: { succeeded: 4, conditions: [{ type: 'Complete', status: 'True' }] },
  };
  const pods = [
    pod('llama3-8b-finetune-master-0', 'j1', 'Running', 'gpu-h100-0'),
    pod('llama3-8b-finetune-worker-0', 'j1', 'Running', 'gpu-h100-1', 2),
    ...['master-0', 'worker-0', 'worker-1', 'worker-2'].map((r) => pod(`llama3-70b-pretrain-${r}`, 'j2', 'Pending')),
  ];
  return new NamespaceModel({
    context: 'demo',
    namespace: 'ml',
    now: NOW,
    objects: new Map<string, unknown[]>([
      ['kubeflow.org/pytorchjobs', [small, big]],
      ['batch/jobs', [preprocess]],
    ]),
    pods,
  });
}

describe('Clusters view rows', () => {
  it('groups training jobs by kind, with state, readiness, GPUs and age', () => {
    const model = demo();
    const groups = model.training();
    const kinds = groups.map((g) => kindGroupNode('f', { context: 'demo', namespace: 'ml' }, g));
    assert.deepEqual(
      kinds.map((n) => [n.label, n.description]),
      [
        ['PyTorchJob', '2 jobs · 48 GPUs in active jobs'],
        ['Job', '1 job'],
      ],
    );
    const rows = groups[0].jobs.map((j) => workloadNode('k', 'demo', j, NOW));
    assert.deepEqual(
      rows.map((r) => [r.label, r.icon, r.description, r.contextValue]),
      [
        ['llama3-70b-pretrain', 'clock', 'pending · 0/4 ready · 32 GPUs · 5m', 'mlinfra.job'],
        ['llama3-8b-finetune', 'play-circle', 'running · 2/2 ready · 16 GPUs · 5m', 'mlinfra.job'],
      ],
    );
    assert.equal(workloadNode('k', 'demo', groups[1].jobs[0], NOW).description, 'succeeded · 5m');
    assert.deepEqual(rows[1].ref, { context: 'demo', namespace: 'ml', typeKey: 'kubeflow.org/pytorchjobs', name: 'llama3-8b-finetune' });
  });

  it('shows pods with status, restarts, node and GPUs, and their containers', () => {
    const model = demo();
    const job = model.workload('kubeflow.org/pytorchjobs', 'llama3-8b-finetune')!;
    const rows = job.pods.map((p) => podNode('j', 'demo', p, NOW));
    assert.deepEqual(
      rows.map((r) => [r.label, r.description]),
      [
        ['llama3-8b-finetune-master-0', 'Running · 0 restarts · gpu-h100-0 · 8 GPUs · 5m'],
        ['llama3-8b-finetune-worker-0', 'Running · 2 restarts · gpu-h100-1 · 8 GPUs · 5m'],
      ],
    );
    const pending = podNode(
      'p',
      'demo',
      model.pods.find((p: { metadata: { name: string } }) => p.metadata.name === 'llama3-70b-pretrain-master-0'),
      NOW,
    );
    assert.equal(pending.description, 'Pending (unschedulable) · 0 restarts · not scheduled · 8 GPUs · 5m');
    assert.match(pending.tooltip ?? '', /0\/5 nodes are available: 4 Insufficient nvidia.com\/gpu/);
    const containers = containerNodes('x', 'demo', job.pods[1]);
    const described = containers.map((c) => [c.label, c.description]);
    assert.deepEqual(described, [['pytorch', 'running · 2 restarts · nvcr.io/nvidia/pytorch:24.08-py3']]);
  });

  it('sums up the folders of a namespace', () => {
    const model = demo();
    const scope = { context: 'demo', namespace: 'ml' };
    const folders = (['training', 'inference', 'pods'] as const).map((f) => folderNode('ns', scope, f, model));
    assert.deepEqual(
      folders.map((n) => [n.label, n.description]),
      [
        ['Training jobs', '3 jobs · 48 GPUs in active jobs'],
        ['Inference services', '0 services'],
        ['Pods', '6 pods'],
      ],
    );
  });

  it('lists 5,000 pods of 50 jobs', () => {
    const jobs = Array.from({ length: 50 }, (_, j) => pytorchJob(`sweep-${String(j).padStart(2, '0')}`, `sweep-${j}`, 99, [running]));
    const pods = Array.from({ length: 5000 }, (_, i) =>
      pod(`sweep-${String(i % 50).padStart(2, '0')}-worker-${Math.floor(i / 50)}`, `sweep-${i % 50}`, 'Running', `gpu-${i % 100}`),
    );
    const model = new NamespaceModel({
      context: 'big',
      namespace: 'ml',
      now: NOW,
      objects: new Map([['kubeflow.org/pytorchjobs', jobs]]),
      pods,
    });
    const groups = model.training();
    assert.equal(groups[0].jobs.length, 50);
    assert.ok(groups[0].jobs.every((j) => j.pods.length === 100 && j.total === 100 && j.ready === 100 && j.gpus === 800));
    const rows = model.pods.map((p) => podNode('pods', 'big', p, NOW));
    assert.equal(rows.length, 5000);
    assert.equal(new Set(rows.map((r) => r.id)).size, 5000);
    assert.equal(folderNode('ns', { context: 'big', namespace: 'ml' }, 'pods', model).description, '5000 pods');
  });
});

describe('GPU nodes view rows', () => {
  it('shows the cluster total, each product with its totals, and nodes with capacity, allocatable, used, free', () => {
    const node = (name: string, product: string) => ({
      metadata: { name, labels: { 'nvidia.com/gpu.product': product } },
      status: {
        capacity: { 'nvidia.com/gpu': '8' },
        allocatable: { 'nvidia.com/gpu': '8' },
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    });
    const nodes = [
      node('gpu-h100-0', 'NVIDIA-H100-80GB-HBM3'),
      node('gpu-h100-1', 'NVIDIA-H100-80GB-HBM3'),
      node('gpu-a100-0', 'NVIDIA-A100-SXM4-80GB'),
    ];
    const model = demo();
    const gpu = gpuNodes(nodes, model.pods);
    assert.deepEqual(
      [clusterNode('demo', gpu)].map((n) => [n.label, n.description]),
      [['demo', '24 GPUs, 16 used, 8 free']],
    );
    assert.deepEqual(
      productNodes('demo', gpu).map((n) => [n.label, n.description]),
      [
        ['NVIDIA-A100-SXM4-80GB', '8 GPUs, 0 used, 8 free'],
        ['NVIDIA-H100-80GB-HBM3', '16 GPUs, 16 used, 0 free'],
      ],
    );
    assert.deepEqual(
      gpuNodeNodes(
        'p',
        'demo',
        gpu.filter((n) => n.product === 'NVIDIA-H100-80GB-HBM3'),
      ).map((n) => [n.label, n.description]),
      [
        ['gpu-h100-0', 'capacity 8 · allocatable 8 · used 8 · free 0'],
        ['gpu-h100-1', 'capacity 8 · allocatable 8 · used 8 · free 0'],
      ],
    );
  });
});
