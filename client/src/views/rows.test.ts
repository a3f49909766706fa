// The typed rows: every row type of the Clusters and GPU nodes views carries the reference of
// what it stands for (context, namespace, folder, kind, object, container, GPU product, retry), so
// commands and providers read fields instead of parsing ids. Built for a context named like an EKS
// ARN, with `/kind:` and `/ns:` in it, which id parsing used to get wrong.
import * as assert from 'node:assert/strict';
import { containerNodes, folderNode, kindGroupNode, NamespaceModel, podNode, workloadNode } from './clusters-model';
import { contextNode, namespaceNode } from './context-rows';
import { clusterNode, gpuNodeNodes, gpuPodNodes, productNodes } from './gpu-nodes-model';
import { gpuNodes } from './model/allocation';
import { contextOf, errorNode, messageNode, refOf, untrustedNode, type NodeData, type RowType } from './node';

const ARN = 'arn:aws:eks:us-west-2:123456789012:cluster/ml-prod';
const ODD = 'team/kind:batch/ns:ml';
const NS = 'ml';
const NOW = Date.parse('2025-01-06T10:00:00Z');
const gpus = (n: number) => ({ limits: { 'nvidia.com/gpu': n }, requests: { 'nvidia.com/gpu': n } });

const job = {
  apiVersion: 'kubeflow.org/v1',
  kind: 'PyTorchJob',
  metadata: { name: 'llama', namespace: NS, uid: 'j1', creationTimestamp: '2025-01-06T09:55:00Z' },
  spec: { pytorchReplicaSpecs: { Master: { replicas: 1, template: { spec: { containers: [{ name: 'pytorch', image: 'pytorch' }] } } } } },
  status: { conditions: [{ type: 'Running', status: 'True' }] },
};
const service = {
  apiVersion: 'serving.kserve.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name: 'bert', namespace: NS, uid: 's1' },
  spec: { predictor: { model: { modelFormat: { name: 'pytorch' }, resources: gpus(1) } } },
};
const pod = {
  metadata: { name: 'llama-master-0', namespace: NS, uid: 'p1', ownerReferences: [{ uid: 'j1', controller: true }] },
  spec: {
    nodeName: 'gpu-h100-0',
    initContainers: [{ name: 'fetch-weights', image: 'busybox' }],
    containers: [{ name: 'pytorch', image: 'pytorch', resources: gpus(8) }],
  },
  status: { phase: 'Running', containerStatuses: [{ name: 'pytorch', ready: true, restartCount: 0, state: { running: {} } }] },
};
const node = {
  metadata: { name: 'gpu-h100-0', labels: { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' } },
  status: { capacity: { 'nvidia.com/gpu': '8' }, allocatable: { 'nvidia.com/gpu': '8' }, conditions: [{ type: 'Ready', status: 'True' }] },
};

/** Every row type, built as the providers build them, one level under the other. */
function walk(context: string): NodeData[] {
  const model = new NamespaceModel({
    context,
    namespace: NS,
    now: NOW,
    objects: new Map<string, unknown[]>([
      ['kubeflow.org/pytorchjobs', [job]],
      ['serving.kserve.io/inferenceservices', [service]],
    ]),
    pods: [pod],
  });
  const scope = { context, namespace: NS };
  const ctx = contextNode({ name: context }, true);
  const ns = namespaceNode(context, NS, true);
  const folders = (['training', 'inference', 'pods'] as const).map((f) => folderNode(ns.id, scope, f, model));
  const kinds = model.training().map((g) => kindGroupNode(folders[0].id, scope, g));
  const jobs = model.training()[0].jobs.map((v) => workloadNode(kinds[0].id, context, v, NOW));
  const services = model.inference().map((v) => workloadNode(folders[1].id, context, v, NOW, true));
  const pods = model.workload('kubeflow.org/pytorchjobs', 'llama')!.pods.map((p) => podNode(jobs[0].id, context, p, NOW));
  const containers = containerNodes(pods[0].id, context, pod);
  const gpu = gpuNodes([node], [pod]);
  const products = productNodes(context, gpu);
  const gpuRows = gpuNodeNodes(products[0].id, context, gpu);
  const holders = gpuPodNodes(gpuRows[0].id, context, gpu[0]);
  const forbidden = { message: 'pods is forbidden', kind: 'forbidden', code: 403 };
  const error = errorNode(ns.id, forbidden, { context, namespace: NS, typeKeys: ['/pods'] });
  const message = messageNode(folders[2].id, 'No pods in ml');
  const clusters = [ctx, ns, ...folders, ...kinds, ...jobs, ...services, ...pods, ...containers];
  return [...clusters, clusterNode(context, gpu), ...products, ...gpuRows, ...holders, error, message];
}

const podRef = { context: ARN, namespace: NS, typeKey: '/pods', name: 'llama-master-0' };

/** What each row type must carry; the compiler wants an entry for every type of the union. */
const EXPECTED: Record<RowType, (row: NodeData) => unknown> = {
  context: (r) => r.type === 'context' && { context: r.context },
  namespace: (r) => r.type === 'namespace' && { context: r.context, namespace: r.namespace, ref: r.ref },
  folder: (r) => r.type === 'folder' && { context: r.context, namespace: r.namespace, folder: r.folder },
  kind: (r) => r.type === 'kind' && { context: r.context, namespace: r.namespace, typeKey: r.typeKey },
  job: (r) => r.type === 'job' && r.ref,
  inference: (r) => r.type === 'inference' && r.ref,
  pod: (r) => r.type === 'pod' && r.ref,
  container: (r) => r.type === 'container' && r.container,
  gpuCluster: (r) => r.type === 'gpuCluster' && { context: r.context },
  gpuProduct: (r) => r.type === 'gpuProduct' && { context: r.context, product: r.product },
  gpuNode: (r) => r.type === 'gpuNode' && { ref: r.ref, product: r.product },
  error: (r) => r.type === 'error' && r.retry,
  message: (r) => r.type === 'message',
  untrusted: (r) => r.type === 'untrusted',
};

describe('typed tree rows', () => {
  const rows = [...walk(ARN), untrustedNode('clusters')];
  const byType = (type: RowType) => rows.filter((r) => r.type === type).map((r) => [r.label, EXPECTED[type](r)]);

  it('cover every row type', () => {
    assert.deepEqual([...new Set(rows.map((r) => r.type))].sort(), Object.keys(EXPECTED).sort());
  });

  it('carry the reference of what they stand for', () => {
    const nsRef = { context: ARN, typeKey: '/namespaces', name: NS };
    assert.deepEqual(byType('context'), [[ARN, { context: ARN }]]);
    assert.deepEqual(byType('namespace'), [[NS, { context: ARN, namespace: NS, ref: nsRef }]]);
    assert.deepEqual(byType('folder'), [
      ['Training jobs', { context: ARN, namespace: NS, folder: 'training' }],
      ['Inference services', { context: ARN, namespace: NS, folder: 'inference' }],
      ['Pods', { context: ARN, namespace: NS, folder: 'pods' }],
    ]);
    assert.deepEqual(byType('kind'), [['PyTorchJob', { context: ARN, namespace: NS, typeKey: 'kubeflow.org/pytorchjobs' }]]);
    assert.deepEqual(byType('job'), [['llama', { context: ARN, namespace: NS, typeKey: 'kubeflow.org/pytorchjobs', name: 'llama' }]]);
    const bert = { context: ARN, namespace: NS, typeKey: 'serving.kserve.io/inferenceservices', name: 'bert' };
    assert.deepEqual(byType('inference'), [['bert', bert]]);
    assert.deepEqual(byType('pod'), [
      ['llama-master-0', podRef],
      [`${NS}/llama-master-0`, podRef],
    ]);
    assert.deepEqual(byType('gpuCluster'), [[ARN, { context: ARN }]]);
    assert.deepEqual(byType('gpuProduct'), [['NVIDIA-H100-80GB-HBM3', { context: ARN, product: 'NVIDIA-H100-80GB-HBM3' }]]);
    const nodeRef = { context: ARN, typeKey: '/nodes', name: 'gpu-h100-0' };
    assert.deepEqual(byType('gpuNode'), [['gpu-h100-0', { ref: nodeRef, product: 'NVIDIA-H100-80GB-HBM3' }]]);
    assert.deepEqual(byType('error'), [['pods is forbidden', { context: ARN, namespace: NS, typeKeys: ['/pods'] }]]);
    assert.deepEqual(byType('message'), [['No pods in ml', true]]);
    assert.deepEqual(byType('untrusted'), [['Cluster access needs a trusted workspace', true]]);
  });

  it('carry on a container row its pod, its name and whether it is an init container', () => {
    assert.deepEqual(byType('container'), [
      ['fetch-weights (init)', { pod: podRef, container: 'fetch-weights', init: true }],
      ['pytorch', { pod: podRef, container: 'pytorch', init: false }],
    ]);
  });

  it('say which context and object they belong to, without reading ids', () => {
    for (const row of rows.filter((r) => r.type !== 'message' && r.type !== 'untrusted')) assert.equal(contextOf(row), ARN, row.label);
    assert.deepEqual(
      rows.filter((r) => refOf(r)).map((r) => `${r.type} ${refOf(r)!.name}`),
      [`namespace ${NS}`, 'job llama', 'inference bert', 'pod llama-master-0', 'gpuNode gpu-h100-0', 'pod llama-master-0'],
    );
  });

  it('have ids unique across contexts whose names hold slashes, `/kind:` and `/ns:`', () => {
    const all = [...walk(ARN), ...walk(ODD), ...walk('team'), ...walk('team/kind:batch'), untrustedNode('clusters'), untrustedNode('gpu')];
    assert.equal(new Set(all.map((r) => r.id)).size, all.length);
    // A namespace `ml` of context `team/kind:batch` against a context named `team/kind:batch/ns:ml`.
    assert.notEqual(namespaceNode('team/kind:batch', 'ml', false).id, contextNode({ name: ODD }, false).id);
    assert.deepEqual(
      new Set(
        walk(ODD)
          .filter((r) => r.type !== 'message')
          .map(contextOf),
      ),
      new Set([ODD]),
    );
  });
});
