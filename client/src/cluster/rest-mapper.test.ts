// The REST mapping against the local API server's discovery: built-in kinds, CRD kinds and
// cluster-scoped ones resolved to resource, scope and versions; kept per context; a kind missing
// from what was read (a CRD installed since) reads discovery again once; an unknown kind says so.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResourceType as ServedType } from '../../../cluster/src/api/resource-types';
import { ManualClock } from '../../../cluster/src/sim/clock';
import { startCluster, type Cluster } from '../../../cluster/src/start-cluster';
import { ClusterError } from './errors';
import { createClusterService, type ClusterService } from './index';
import { mappedPath, parseApiVersion, RestMapper } from './rest-mapper';

/** A CRD as the local server describes it, for installing one while the test runs. */
const WIDGET: ServedType = {
  key: 'example.mlinfra.dev/widgets',
  group: 'example.mlinfra.dev',
  resource: 'widgets',
  singular: 'widget',
  kind: 'Widget',
  listKind: 'WidgetList',
  namespaced: true,
  versions: ['v1'],
  shortNames: [],
  categories: [],
  verbs: ['get', 'list', 'watch'],
  subresources: [],
  custom: true,
  printerColumns: {},
  schemaIds: {},
};

describe('REST mapping from discovery, against the local API server', function () {
  this.timeout(60000);
  let cluster: Cluster;
  let service: ClusterService;
  /** The discovery paths the mapper under test has asked for. */
  const asked: string[] = [];
  let mapper: RestMapper;

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlinfra-rest-mapper-'));
    cluster = await startCluster({ kubeconfigPath: join(dir, 'kubeconfig'), clock: new ManualClock() });
    service = await createClusterService({ setting: cluster.kubeconfigPath, home: dir }, () => undefined);
    const api = service.session('mlinfra-demo')!.api;
    mapper = new RestMapper((path) => {
      asked.push(path);
      return api.request('GET', path);
    });
  });

  after(async () => {
    service?.dispose();
    await cluster?.stop();
  });

  it('maps a built-in kind to its resource and scope', async () => {
    const pod = await mapper.map('v1', 'Pod');
    assert.deepEqual(pod, {
      group: '',
      version: 'v1',
      kind: 'Pod',
      resource: 'pods',
      namespaced: true,
      preferredVersion: 'v1',
      servedVersions: ['v1'],
    });
    const deployment = await mapper.map('apps/v1', 'Deployment');
    const path = mappedPath(deployment, { namespace: 'ml-serving', name: 'triton-llama3' });
    assert.deepEqual([deployment.resource, deployment.namespaced], ['deployments', true]);
    assert.equal(path, '/apis/apps/v1/namespaces/ml-serving/deployments/triton-llama3');
    assert.deepEqual(asked, ['/api', '/apis', '/api/v1', '/apis/apps/v1']);
  });

  it('maps CRD kinds, with every version the group serves them in', async () => {
    const pytorch = await mapper.map('kubeflow.org/v1', 'PyTorchJob');
    assert.deepEqual([pytorch.resource, pytorch.namespaced, pytorch.servedVersions], ['pytorchjobs', true, ['v1']]);
    const mpi = await mapper.map('kubeflow.org/v2beta1', 'MPIJob');
    assert.deepEqual([mpi.resource, mpi.version, mpi.preferredVersion], ['mpijobs', 'v2beta1', 'v1']);
    assert.deepEqual(mpi.servedVersions, ['v1', 'v2beta1'], 'GA first, as the server prefers');
    // The mapping finds the object where the server keeps it.
    const path = mappedPath(pytorch, { namespace: 'ml-training', name: 'llama3-8b-finetune' });
    const job = (await service.session('mlinfra-demo')!.api.request('GET', path)) as { kind: string };
    assert.equal(job.kind, 'PyTorchJob');
  });

  it('maps cluster-scoped kinds, built-in and custom', async () => {
    const node = await mapper.map('v1', 'Node');
    const path = mappedPath(node, { namespace: 'ignored', name: 'gpu-h100-0' });
    assert.deepEqual([node.resource, node.namespaced, path], ['nodes', false, '/api/v1/nodes/gpu-h100-0']);
    const queue = await mapper.map('scheduling.volcano.sh/v1beta1', 'Queue');
    assert.deepEqual([queue.resource, queue.namespaced], ['queues', false]);
  });

  it('keeps what it read: a kind asked again costs no request', async () => {
    const before = asked.length;
    await mapper.map('v1', 'Pod');
    await mapper.map('kubeflow.org/v1', 'PyTorchJob');
    assert.equal(asked.length, before);
    assert.equal(mapper.discoveries, 1);
  });

  it('reads discovery again once for a kind it has not seen: a CRD installed since', async () => {
    cluster.sim.types.all.push(WIDGET);
    try {
      const before = asked.length;
      const widget = await mapper.map('example.mlinfra.dev/v1', 'Widget');
      assert.deepEqual([widget.resource, widget.namespaced], ['widgets', true]);
      assert.equal(mapper.discoveries, 2);
      assert.deepEqual(asked.slice(before), ['/api', '/apis', '/apis/example.mlinfra.dev/v1']);
    } finally {
      cluster.sim.types.all.splice(cluster.sim.types.all.indexOf(WIDGET), 1);
    }
  });

  it('says which kind and apiVersion the server does not serve, after one refresh', async () => {
    const discoveries = mapper.discoveries;
    for (const [apiVersion, kind] of [
      ['example.com/v1', 'Gadget'],
      ['kubeflow.org/v1', 'Gadget'],
      ['kubeflow.org/v9', 'PyTorchJob'],
    ]) {
      await assert.rejects(mapper.map(apiVersion, kind), (error: unknown) => {
        assert.ok(error instanceof ClusterError);
        assert.deepEqual([error.kind, error.message], ['notFound', `the server does not serve kind ${kind} in apiVersion ${apiVersion}`]);
        return true;
      });
    }
    assert.equal(mapper.discoveries, discoveries + 3, 'one refresh per miss');
  });

  it('is kept per context, in its session', async () => {
    const demo = service.session('mlinfra-demo')!;
    const restricted = service.session('mlinfra-demo-restricted')!;
    assert.notEqual(demo.mapper, restricted.mapper);
    assert.equal((await restricted.mapper.map('ray.io/v1', 'RayJob')).resource, 'rayjobs');
    assert.equal(demo.mapper, service.session('mlinfra-demo')!.mapper);
  });

  it('reads the group and version of an apiVersion', () => {
    assert.deepEqual(parseApiVersion('v1'), { group: '', version: 'v1' });
    assert.deepEqual(parseApiVersion('serving.kserve.io/v1beta1'), { group: 'serving.kserve.io', version: 'v1beta1' });
  });
});

describe('REST mapping when discovery fails', () => {
  /** A server whose answers the test sets: JSON, or a ClusterError to throw. */
  function fakeServer(answers: Record<string, unknown>) {
    const asked: string[] = [];
    const get = async (path: string) => {
      asked.push(path);
      const answer = answers[path];
      if (answer instanceof ClusterError) throw answer;
      if (answer === undefined) throw new ClusterError('the server could not find the requested resource', 'notFound', 404);
      return answer;
    };
    return { asked, mapper: new RestMapper(get) };
  }
  const groups = { groups: [{ name: 'ray.io', versions: [{ version: 'v1' }], preferredVersion: { version: 'v1' } }] };
  const rayjobs = { name: 'rayjobs', kind: 'RayJob', namespaced: true };
  const rayV1 = { resources: [rayjobs, { ...rayjobs, name: 'rayjobs/status' }] };

  it('does not keep a failed reading: the next question reads again', async () => {
    const unreachable = new ClusterError('Cannot reach https://10.0.0.1', 'unreachable');
    const answers: Record<string, unknown> = { '/api': { versions: ['v1'] }, '/apis': unreachable };
    const { asked, mapper } = fakeServer(answers);
    await assert.rejects(mapper.map('ray.io/v1', 'RayJob'), /Cannot reach/);
    answers['/apis'] = groups;
    answers['/apis/ray.io/v1'] = rayV1;
    assert.equal((await mapper.map('ray.io/v1', 'RayJob')).resource, 'rayjobs');
    assert.deepEqual(asked, ['/api', '/apis', '/api', '/apis', '/apis/ray.io/v1']);
  });

  it('gives the failure of a group version, not "not served", and asks it again next time', async () => {
    const down = new ClusterError('the server is currently unable to handle the request', 'server', 503);
    const answers: Record<string, unknown> = { '/api': { versions: ['v1'] }, '/apis': groups, '/apis/ray.io/v1': down };
    const { mapper } = fakeServer(answers);
    await assert.rejects(mapper.map('ray.io/v1', 'RayJob'), (error: unknown) => error === down);
    answers['/apis/ray.io/v1'] = rayV1;
    assert.deepEqual(await mapper.versionsServing('ray.io', 'rayjobs'), ['v1']);
    assert.equal(mapper.discoveries, 1);
  });

  it('maps a kind to its resource, not to a subresource of the same kind', async () => {
    const statusFirst = { resources: [...rayV1.resources].reverse() };
    const { mapper } = fakeServer({ '/api': { versions: ['v1'] }, '/apis': groups, '/apis/ray.io/v1': statusFirst });
    assert.equal((await mapper.map('ray.io/v1', 'RayJob')).resource, 'rayjobs');
  });
});
