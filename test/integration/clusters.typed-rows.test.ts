// Rows carry typed references, seen in a real VS Code against the local cluster through contexts
// named as users' kubeconfigs name them: an EKS ARN (`arn:aws:eks:…:cluster/ml-prod`) and a name
// holding `/kind:` and `/ns:`. "Switch context" and "Switch namespace" work from their rows, and
// every row below them says which context, namespace and object it stands for. Runs after
// clusters.test.js (which checks that nothing was read before a view asked), and puts the
// kubeconfig and the current context back for clusters.watch.test.js.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parse, stringify } from 'yaml';
import type { ClusterViewsApi } from '../../client/src/views/index';
import type { NodeData } from '../../client/src/views/node';
import { activateExtension, eventually } from './helpers';
import { demoCluster } from './kube';

const CLUSTERS = 'mlinfra.clusters';
const GPU = 'mlinfra.gpuNodes';
const ARN = 'arn:aws:eks:us-west-2:123456789012:cluster/ml-prod';
const ODD = 'team/kind:batch/ns:ml';

interface Kubeconfig {
  contexts: Array<{ name: string; context: { cluster: string; user: string; namespace?: string } }>;
}

/** The local cluster's kubeconfig with two more contexts on the same cluster and user (mode 0600: it holds a token). */
function writeKubeconfig(dir: string): string {
  const config = parse(demoCluster().text) as Kubeconfig;
  const admin = config.contexts.find((c) => c.name === 'mlinfra-demo')!.context;
  for (const name of [ARN, ODD]) config.contexts.push({ name, context: { ...admin, namespace: 'ml-training' } });
  const file = join(dir, 'kubeconfig');
  writeFileSync(file, stringify(config), { mode: 0o600 });
  return file;
}

/** Fails the command instead of waiting on a quick pick that no one answers. */
function refuseQuickPicks(): { asked: string[]; restore(): void } {
  const window = vscode.window as { showQuickPick: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showQuickPick;
  const asked: string[] = [];
  window.showQuickPick = (_items: unknown, options: unknown) => {
    asked.push(String((options as { title?: string })?.title));
    return Promise.resolve(undefined);
  };
  return { asked, restore: () => (window.showQuickPick = original) };
}

async function contextLabels(api: ClusterViewsApi): Promise<string[]> {
  return (await api.children(CLUSTERS)).map((r) => r.label);
}

describe('Typed rows: contexts named like EKS ARNs', function () {
  this.timeout(60000);
  let api: ClusterViewsApi;
  let dir: string;
  const settings = () => vscode.workspace.getConfiguration('mlinfra');

  before(async () => {
    api = (await activateExtension()).clusters;
    dir = mkdtempSync(join(tmpdir(), 'mlinfra-typed-rows-'));
    await settings().update('kubeconfig', writeKubeconfig(dir), vscode.ConfigurationTarget.Workspace);
    await eventually(async () => ((await contextLabels(api)).includes(ARN) ? true : undefined), 'the kubeconfig with the ARN to be read');
  });

  after(async () => {
    await settings().update('kubeconfig', undefined, vscode.ConfigurationTarget.Workspace);
    await eventually(async () => ((await contextLabels(api)).includes(ARN) ? undefined : true), 'the harness kubeconfig to be read again');
    await vscode.commands.executeCommand('mlinfra.switchContext', 'mlinfra-demo');
    rmSync(dir, { recursive: true, force: true });
  });

  it('switches to a context named like an EKS ARN from its row, without asking', async () => {
    const row = (await api.children(CLUSTERS)).find((r) => r.label === ARN);
    assert.deepEqual(row?.type === 'context' && row.context, ARN);
    const picks = refuseQuickPicks();
    try {
      assert.equal(await vscode.commands.executeCommand('mlinfra.switchContext', row), ARN);
    } finally {
      picks.restore();
    }
    assert.deepEqual(picks.asked, []);
    assert.deepEqual(api.current(), { context: ARN, namespace: 'ml-training' });
    assert.equal(api.statusText(), `$(cloud) ${ARN} / ml-training`);
    const current = async () => (await api.children(CLUSTERS)).find((r) => r.label === ARN)?.description === 'current';
    await eventually(async () => ((await current()) ? true : undefined), 'its row to be current');
  });

  it('switches to a namespace of a context whose name holds `/kind:` and `/ns:`, from the namespace row', async () => {
    const namespaces = await api.children(CLUSTERS, [ODD]);
    const serving = namespaces.find((r) => r.label === 'ml-serving');
    assert.deepEqual(serving?.type === 'namespace' && [serving.context, serving.namespace, serving.ref], [
      ODD,
      'ml-serving',
      { context: ODD, typeKey: '/namespaces', name: 'ml-serving' },
    ]);
    assert.equal(await vscode.commands.executeCommand('mlinfra.switchNamespace', serving), 'ml-serving');
    assert.deepEqual(api.current(), { context: ODD, namespace: 'ml-serving' });
    const arn = (await api.children(CLUSTERS)).find((r) => r.label === ARN);
    assert.equal(await vscode.commands.executeCommand('mlinfra.switchContext', arn), ARN);
  });

  it('gives every row under such a context its typed reference', async () => {
    const seen: Array<{ parent: string[]; row: NodeData }> = [];
    const walk = async (path: string[]): Promise<void> => {
      for (const row of await api.children(CLUSTERS, path)) {
        seen.push({ parent: path, row });
        if (row.collapsible !== 'none') await walk([...path, row.label]);
      }
    };
    await walk([ARN, 'ml-training']);
    const types = new Set(seen.map((s) => s.row.type));
    for (const type of ['folder', 'kind', 'job', 'pod', 'container'] as const)
      assert.ok(types.has(type), `${type} in ${[...types].join(', ')}`);
    for (const { parent, row } of seen) {
      const where = `${[...parent, row.label].join(' › ')}: ${JSON.stringify(row)}`;
      switch (row.type) {
        case 'folder':
        case 'kind':
          assert.deepEqual([row.context, row.namespace], [ARN, 'ml-training'], where);
          break;
        case 'job':
        case 'inference':
        case 'pod':
          assert.deepEqual([row.ref.context, row.ref.namespace, row.ref.name], [ARN, 'ml-training', row.label], where);
          assert.equal(row.type === 'pod', row.ref.typeKey === '/pods', where);
          break;
        case 'container': {
          const pod = { context: ARN, namespace: 'ml-training', typeKey: '/pods', name: parent[parent.length - 1] };
          assert.deepEqual(row.container.pod, pod, where);
          assert.equal(row.label, row.container.init ? `${row.container.container} (init)` : row.container.container, where);
          break;
        }
        default:
          assert.equal(row.type, 'message', where);
      }
    }
  });

  it('shows the GPU nodes of the ARN context, and the live YAML of its objects', async () => {
    const top = await eventually(async () => {
      const rows = await api.children(GPU);
      return rows.some((r) => r.type === 'gpuCluster' && r.context === ARN) ? rows : undefined;
    }, 'the GPU view of the ARN context');
    const product = top.find((r) => r.type === 'gpuProduct' && r.product === 'NVIDIA-H100-80GB-HBM3');
    assert.deepEqual(product?.type === 'gpuProduct' && product.context, ARN);
    const nodes = await api.children(GPU, ['NVIDIA-H100-80GB-HBM3']);
    assert.deepEqual(
      nodes.map((n) => n.type === 'gpuNode' && [n.ref, n.product]),
      [
        [{ context: ARN, typeKey: '/nodes', name: 'gpu-h100-0' }, 'NVIDIA-H100-80GB-HBM3'],
        [{ context: ARN, typeKey: '/nodes', name: 'gpu-h100-1' }, 'NVIDIA-H100-80GB-HBM3'],
      ],
    );
    const jobs = await api.children(CLUSTERS, [ARN, 'ml-training', 'Training jobs', 'PyTorchJob']);
    const job = jobs.find((r) => r.label === 'llama3-8b-finetune');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('mlinfra.showLiveObject', job);
    assert.equal(editor.document.uri.path, `/${ARN}/ml-training/PyTorchJob.kubeflow.org/llama3-8b-finetune.yaml`);
    assert.ok(editor.document.getText().split('\n').includes('kind: PyTorchJob'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
