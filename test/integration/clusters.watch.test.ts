// The cluster views kept current by their watches (a job applied beside them appears with its
// pods, a deleted one goes), the context and namespace switches, and errors: a forbidden namespace,
// an unreachable cluster, a rejected token. Runs after clusters.test.js, with the views opened.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { ClusterViewsApi } from '../../client/src/views/index';
import { activateExtension, eventually } from './helpers';
import { advanceClock, demoCluster, kubeconfigPath, serverSideApply } from './kube';

const CLUSTERS = 'mlinfra.clusters';
const JOBS = ['mlinfra-demo', 'ml-training', 'Training jobs'];

const probeJob = {
  apiVersion: 'kubeflow.org/v1',
  kind: 'PyTorchJob',
  metadata: {
    name: 'live-probe',
    namespace: 'ml-training',
    annotations: { 'sim.mlinfra.dev/steps': '600', 'sim.mlinfra.dev/step-seconds': '1' },
  },
  spec: {
    pytorchReplicaSpecs: {
      Master: {
        replicas: 1,
        restartPolicy: 'OnFailure',
        template: {
          spec: {
            containers: [{ name: 'pytorch', image: 'pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime', command: ['python', 'probe.py'] }],
          },
        },
      },
    },
  },
};

/** Answers the next modal warning (the delete confirmation) with `answer`, and records it. */
function answerNextWarning(answer: string | undefined): { asked: Array<{ message: string; detail?: string }>; restore(): void } {
  const window = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showWarningMessage;
  const asked: Array<{ message: string; detail?: string }> = [];
  window.showWarningMessage = (message: unknown, options: unknown) => {
    asked.push({ message: String(message), detail: (options as { detail?: string })?.detail });
    return Promise.resolve(answer);
  };
  return { asked, restore: () => (window.showWarningMessage = original) };
}

async function freeClosedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('Cluster views: live, switching and errors', function () {
  this.timeout(60000);
  let api: ClusterViewsApi;

  before(async () => {
    api = (await activateExtension()).clusters;
  });

  it('shows a job applied to the cluster, and its pod, without a refresh or a new list', async () => {
    await api.children(CLUSTERS, [...JOBS, 'PyTorchJob']);
    const lists = api.requests().lists;
    const refreshes = api.refreshes(CLUSTERS);
    await serverSideApply(probeJob, 'pytorchjobs');
    // Its pod runs once its image is pulled, a few seconds of the scenario: move past them.
    await advanceClock(10);
    const job = await eventually(
      async () => (await api.children(CLUSTERS, [...JOBS, 'PyTorchJob'])).find((n) => n.label === 'live-probe'),
      'live-probe in the tree',
    );
    const ref = { context: 'mlinfra-demo', namespace: 'ml-training', typeKey: 'kubeflow.org/pytorchjobs', name: 'live-probe' };
    assert.deepEqual(job.type === 'job' && job.ref, ref);
    const pod = await eventually(
      async () =>
        (await api.children(CLUSTERS, [...JOBS, 'PyTorchJob', 'live-probe'])).find((n) =>
          /^Running · 0 restarts · cpu-0 · /.test(n.description ?? ''),
        ),
      'its pod to run on cpu-0',
    );
    assert.equal(pod.label, 'live-probe-master-0');
    assert.equal(api.requests().lists, lists, 'the changes came by the watches');
    assert.ok(api.refreshes(CLUSTERS) > refreshes, 'the view was told to refresh');
  });

  it('deletes a job after a modal confirmation naming it and its pods', async () => {
    const job = (await api.children(CLUSTERS, [...JOBS, 'PyTorchJob'])).find((n) => n.label === 'live-probe');
    const declined = answerNextWarning(undefined);
    try {
      assert.equal(await vscode.commands.executeCommand('mlinfra.deleteJob', job), false);
    } finally {
      declined.restore();
    }
    const confirmed = answerNextWarning('Delete');
    try {
      assert.equal(await vscode.commands.executeCommand('mlinfra.deleteJob', job), true);
    } finally {
      confirmed.restore();
    }
    assert.deepEqual(confirmed.asked, [
      {
        message: 'Delete PyTorchJob "live-probe" in namespace "ml-training" of context "mlinfra-demo"?',
        detail:
          'This also deletes what belongs to it: its pod (live-probe-master-0). Running training stops and its GPUs are released. The deletion cannot be undone.',
      },
    ]);
    // Its pod stops within its grace period, two seconds of the scenario: move past it.
    await advanceClock(5);
    await eventually(
      async () => ((await api.children(CLUSTERS, [...JOBS, 'PyTorchJob'])).some((n) => n.label === 'live-probe') ? undefined : true),
      'live-probe to leave the tree',
    );
    await eventually(
      async () =>
        (await api.children(CLUSTERS, ['mlinfra-demo', 'ml-training', 'Pods'])).some((n) => n.label === 'live-probe-master-0')
          ? undefined
          : true,
      'its pod to go',
    );
  });

  it('switches the namespace and the context in its own state, never in the kubeconfig', async () => {
    const before = readFileSync(kubeconfigPath(), 'utf8');
    assert.equal(await vscode.commands.executeCommand('mlinfra.switchNamespace', 'ml-serving'), 'ml-serving');
    assert.equal(api.statusText(), '$(cloud) mlinfra-demo / ml-serving');
    assert.deepEqual(
      (await api.children(CLUSTERS, ['mlinfra-demo'])).filter((n) => n.description === 'current').map((n) => n.label),
      ['ml-serving'],
    );
    assert.equal(await vscode.commands.executeCommand('mlinfra.switchContext', 'mlinfra-demo-restricted'), 'mlinfra-demo-restricted');
    assert.equal(api.statusText(), '$(cloud) mlinfra-demo-restricted / ml-training');
    assert.deepEqual(api.current(), { context: 'mlinfra-demo-restricted', namespace: 'ml-training' });
    assert.deepEqual(
      (await api.children(CLUSTERS)).map((n) => [n.label, n.description ?? '']),
      [
        ['mlinfra-demo', ''],
        ['mlinfra-demo-restricted', 'current'],
      ],
    );
    // The GPU nodes view follows the context: the restricted user may list nodes, not all pods.
    const gpu = await api.children('mlinfra.gpuNodes');
    assert.deepEqual(
      gpu.map((n) => [n.label, n.description, n.contextValue]),
      [
        [
          'pods is forbidden: User "demo-restricted" cannot list resource "pods" in API group "" at the cluster scope',
          'HTTP 403',
          'mlinfra.error',
        ],
        ['mlinfra-demo-restricted', '32 GPUs, ? used', 'mlinfra.gpuCluster'],
        ['NVIDIA-A100-SXM4-80GB', '16 GPUs, ? used', 'mlinfra.gpuProduct'],
        ['NVIDIA-H100-80GB-HBM3', '16 GPUs, ? used', 'mlinfra.gpuProduct'],
      ],
    );
    await vscode.commands.executeCommand('mlinfra.switchContext', 'mlinfra-demo');
    await vscode.commands.executeCommand('mlinfra.switchNamespace', 'ml-training');
    assert.equal(api.statusText(), '$(cloud) mlinfra-demo / ml-training');
    assert.equal(readFileSync(kubeconfigPath(), 'utf8'), before, 'the kubeconfig file is untouched');
  });

  it('shows a forbidden namespace as the server 403 message, with a retry action', async () => {
    const nodes = await api.children(CLUSTERS, ['mlinfra-demo-restricted', 'secret-ns']);
    assert.deepEqual(
      nodes.map((n) => [n.label, n.description, n.contextValue, n.icon]),
      [
        [
          'pods is forbidden: User "demo-restricted" cannot list resource "pods" in API group "" in the namespace "secret-ns"',
          'HTTP 403',
          'mlinfra.error',
          'error',
        ],
      ],
    );
    assert.deepEqual(nodes[0].type === 'error' && nodes[0].retry.namespace, 'secret-ns');
    const lists = api.requests().lists;
    await vscode.commands.executeCommand('mlinfra.retryCluster', nodes[0]);
    await eventually(async () => (api.requests().lists > lists ? true : undefined), 'the retry to list again');
    const again = await eventually(async () => {
      const rows = await api.children(CLUSTERS, ['mlinfra-demo-restricted', 'secret-ns']);
      return rows[0]?.contextValue === 'mlinfra.error' ? rows : undefined;
    }, 'the error after the retry');
    assert.equal(again[0].label, nodes[0].label);
    // The same user reads its own namespace.
    const pods = await api.children(CLUSTERS, ['mlinfra-demo-restricted', 'ml-training', 'Pods']);
    assert.ok(pods.some((n) => n.label === 'llama3-8b-finetune-master-0'));
  });

  it('shows an unreachable cluster and a rejected token as errors with their messages', async () => {
    const { server, ca } = demoCluster();
    const port = await freeClosedPort();
    const extra = join(dirname(kubeconfigPath()), 'broken.kubeconfig');
    writeFileSync(
      extra,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        `- name: gone`,
        `  cluster: { server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true }`,
        `- name: demo-copy`,
        `  cluster: { server: "${server}", certificate-authority-data: ${ca} }`,
        'users:',
        '- name: expired',
        '  user: { token: "expired-token" }',
        'contexts:',
        '- name: unreachable',
        '  context: { cluster: gone, user: expired }',
        '- name: expired-token',
        '  context: { cluster: demo-copy, user: expired, namespace: ml-training }',
        '',
      ].join('\n'),
    );
    const setting = vscode.workspace.getConfiguration('mlinfra');
    const original = setting.get<string>('kubeconfig');
    await setting.update('kubeconfig', `${original || kubeconfigPath()}:${extra}`, vscode.ConfigurationTarget.Global);
    try {
      const contexts = await eventually(async () => {
        const rows = await api.children(CLUSTERS);
        return rows.length === 4 ? rows : undefined;
      }, 'the four contexts of both files');
      assert.deepEqual(
        contexts.map((n) => n.label),
        ['mlinfra-demo', 'mlinfra-demo-restricted', 'unreachable', 'expired-token'],
      );
      const unreachable = await api.children(CLUSTERS, ['unreachable']);
      assert.match(
        unreachable[0].label,
        new RegExp(`^Cannot reach https://127\\.0\\.0\\.1:${port}: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}$`),
      );
      assert.deepEqual([unreachable[0].description, unreachable[0].contextValue], ['unreachable', 'mlinfra.error']);
      const rejected = await api.children(CLUSTERS, ['expired-token']);
      assert.deepEqual(
        rejected.map((n) => [n.label, n.description, n.contextValue]),
        [
          ['Unauthorized: the cluster rejected the credentials (401)', 'HTTP 401', 'mlinfra.error'],
          ['ml-training', 'current', 'mlinfra.namespace.current'],
        ],
      );
      assert.match(rejected[0].tooltip ?? '', /token may have expired/);
    } finally {
      await setting.update('kubeconfig', original, vscode.ConfigurationTarget.Global);
    }
    await eventually(async () => ((await api.children(CLUSTERS)).length === 2 ? true : undefined), 'the demo contexts alone again');
  });
});
