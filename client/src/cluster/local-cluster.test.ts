// Cluster access (dist/cluster-client.js's code, with @kubernetes/client-node) against the local
// Kubernetes API server of cluster/, in this process, on a clock the test moves: the real protocol
// for discovery, paging through the `large` scenario's 5,000 pods, watches, errors and delete.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../cluster/src/sim/clock';
import { startCluster, type Cluster } from '../../../cluster/src/start-cluster';
import { createClusterService, type CacheChange, type ClusterService } from './index';
import { NODE_TYPE, POD_TYPE, TRAINING_TYPES, typeByKey } from './resources';

async function until(probe: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !probe(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  assert.ok(probe(), what);
}

describe('cluster access against the local API server', function () {
  this.timeout(60000);
  const clock = new ManualClock();
  let cluster: Cluster;
  let service: ClusterService;

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlinfra-cluster-access-'));
    cluster = await startCluster({ kubeconfigPath: join(dir, 'kubeconfig'), scenario: 'large', clock, bookmarkMs: 50 });
    service = await createClusterService({ setting: cluster.kubeconfigPath, home: dir }, () => undefined);
  });

  after(async () => {
    service?.dispose();
    await cluster?.stop();
  });

  it('reads the contexts of the kubeconfig', () => {
    assert.deepEqual(
      service.snapshot.contexts.map((c) => [c.name, c.namespace, c.server]),
      [
        ['mlinfra-demo', 'ml-training', cluster.url],
        ['mlinfra-demo-restricted', 'ml-training', cluster.url],
      ],
    );
    assert.equal(service.snapshot.currentContext, 'mlinfra-demo');
  });

  it('discovers every supported training kind', async () => {
    const served = await service.session('mlinfra-demo')!.served();
    assert.deepEqual(
      TRAINING_TYPES.filter((t) => !served.has(t.key)).map((t) => t.key),
      [],
    );
    assert.equal(served.get('kubeflow.org/mpijobs'), 'v2beta1', 'the MPI operator v2 version, preferred over the training operator v1 one');
  });

  it('lists 5,000 pods in pages of 500, then watches from the list', async () => {
    const session = service.session('mlinfra-demo')!;
    const lists = service.counters.lists;
    const pods = session.informer(POD_TYPE, 'v1', 'ml-sweeps');
    await pods.ready;
    assert.equal(pods.error, undefined);
    assert.equal(pods.items().length, 5000);
    assert.equal(service.counters.lists - lists, 10, 'ten pages');
    await until(() => pods.state === 'watching', 'the watch to start');
    assert.equal(pods.watches, 1);
  });

  it('sees pods start through the watch, without listing again', async () => {
    const session = service.session('mlinfra-demo')!;
    const pods = session.informer(POD_TYPE, 'v1', 'ml-training');
    await pods.ready;
    await until(() => pods.state === 'watching', 'the watch to start');
    const changes: CacheChange[] = [];
    session.onDidChange((change) => changes.push(change));
    const lists = service.counters.lists;
    clock.advance(60_000);
    await until(
      () =>
        pods
          .items()
          .some(
            (p) => p.metadata.name === 'llama3-8b-finetune-master-0' && (p.status as { phase?: string } | undefined)?.phase === 'Running',
          ),
      'the 8B job to run',
    );
    assert.ok(changes.some((c) => c.typeKey === '/pods' && c.namespace === 'ml-training' && c.what === 'modified'));
    assert.equal(service.counters.lists, lists);
  });

  it('reports a forbidden namespace and a cluster-scoped list in the server words', async () => {
    const session = service.session('mlinfra-demo-restricted')!;
    const secret = session.informer(POD_TYPE, 'v1', 'secret-ns');
    const all = session.informer(POD_TYPE, 'v1');
    const nodes = session.informer(NODE_TYPE, 'v1');
    await Promise.all([secret.ready, all.ready, nodes.ready]);
    assert.deepEqual(
      [secret.error?.code, secret.error?.message],
      [403, 'pods is forbidden: User "demo-restricted" cannot list resource "pods" in API group "" in the namespace "secret-ns"'],
    );
    assert.equal(
      all.error?.message,
      'pods is forbidden: User "demo-restricted" cannot list resource "pods" in API group "" at the cluster scope',
    );
    assert.equal(nodes.error, undefined);
    assert.equal(nodes.items().length, 5);
  });

  it('reads a live object and deletes a job with its pods (Background)', async () => {
    const session = service.session('mlinfra-demo')!;
    const job = (await session.getObject('batch/jobs', 'ml-training', 'data-preprocess')) as { kind: string; metadata: { name: string } };
    assert.deepEqual([job.kind, job.metadata.name], ['Job', 'data-preprocess']);
    const pods = session.informer(POD_TYPE, 'v1', 'ml-training');
    const jobs = session.informer(typeByKey('batch/jobs')!, 'v1', 'ml-training');
    await jobs.ready;
    await session.deleteObject('batch/jobs', 'ml-training', 'data-preprocess');
    clock.advance(5_000);
    await until(() => !jobs.items().some((j) => j.metadata.name === 'data-preprocess'), 'the job to go');
    await until(() => !pods.items().some((p) => p.metadata.name.startsWith('data-preprocess-')), 'its pods to go');
  });
});
