// Log sessions against the local API server (cluster/), through @kubernetes/client-node's
// credentials and real HTTPS streams: a multi-pod PyTorchJob followed from before its pods exist to
// its end, a pod that fails and restarts, a Pending pod's scheduling events, and what a user sees
// when something cannot be read.
import * as assert from 'node:assert/strict';
import { drive, FAST, follow, numberedJob, numbersByTag, startLogCluster, until, type LogCluster } from '../../../test/harness/log-cluster';
import type { LogEntry } from './log-entry';
import { timeKey } from './timestamp';

const JOBS = 'kubeflow.org/pytorchjobs';
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const of = (entries: LogEntry[], tag: string) => entries.filter((e) => e.tag === tag);

describe('log sessions against the local API server', function () {
  this.timeout(60_000);
  let logs: LogCluster;

  before(async () => {
    logs = await startLogCluster('empty');
  });

  after(async () => {
    await logs?.stop();
  });

  it('follows a multi-pod PyTorchJob from before its pods exist to its end, merged in time order', async () => {
    await logs.create(
      numberedJob('mnist-ddp', 3, {
        'sim.mlinfra.dev/lines': '300',
        'sim.mlinfra.dev/lines-per-second': '40',
        'sim.mlinfra.dev/burst': '2',
      }),
    );
    // A hold-back longer than the streams' jitter on a loaded machine: the order across pods is exact.
    const tuning = { ...FAST, holdBackMs: 250, batchMs: 50 };
    const followed = follow(logs, { namespace: 'ml-training', typeKey: JOBS, name: 'mnist-ddp' }, {}, 'mlinfra-demo', tuning);
    await until('the session to start', () => followed.session.state !== 'starting');
    await drive(logs, 'the job to end', () => followed.session.state === 'ended', 500);
    const { entries, states } = followed;
    assert.deepEqual(states, ['following', 'ended']);
    assert.deepEqual(
      entries.map((e) => e.seq),
      range(entries.length),
      'numbered one by one, in the order shown',
    );
    const numbers = numbersByTag(entries);
    assert.deepEqual([...numbers.keys()].sort(), ['master-0/pytorch', 'worker-0/pytorch', 'worker-1/pytorch', 'worker-2/pytorch']);
    for (const [tag, list] of numbers) assert.deepEqual(list, range(300), tag);
    const lineKeys = entries.filter((e) => e.kind === 'line').map((e) => timeKey(e.time as string) as string);
    assert.deepEqual(lineKeys, [...lineKeys].sort(), 'lines of all pods in timestamp order');
    for (const tag of ['master-0', 'worker-2']) {
      const texts = of(entries, tag).map((e) => `${e.kind} ${e.text}`);
      assert.deepEqual(
        texts.filter((t) => t.startsWith('status ')),
        [
          'status container pytorch is waiting to start: ContainerCreating',
          'status container pytorch started',
          'status container pytorch terminated: Completed, exit code 0',
        ],
      );
      assert.equal(texts[texts.length - 1], 'status container pytorch terminated: Completed, exit code 0', 'the end after the last line');
      assert.ok(
        texts.some((t) => /^event Scheduled: Successfully assigned ml-training\/mnist-ddp-\w+-\d to /.test(t)),
        texts.join('\n'),
      );
      assert.ok(texts.includes('event Pulling: Pulling image "pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime"'));
    }
    assert.deepEqual(of(entries, 'worker-1')[0] && { pod: of(entries, 'worker-1')[0].pod, role: of(entries, 'worker-1')[0].role }, {
      pod: 'mnist-ddp-worker-1',
      role: 'worker',
    });
    assert.ok(followed.batches <= entries.length, 'batched');
    const stats = followed.session.stats();
    // One stream per container, and one more read of the last second once it ended, in case a cut left something out.
    assert.deepEqual([stats.pods, stats.containers, stats.lines, stats.requests, stats.breaks], [4, 4, 1200, 8, 0]);
  });

  it('follows a pod that fails and restarts: the end of its first run, why it ended, then the next run', async () => {
    await logs.create(
      numberedJob('flaky', 0, {
        'sim.mlinfra.dev/lines': '40',
        'sim.mlinfra.dev/lines-per-second': '20',
        'sim.mlinfra.dev/fail-attempts': '1',
      }),
    );
    const followed = follow(logs, { namespace: 'ml-training', typeKey: JOBS, name: 'flaky' });
    await until('the session to start', () => followed.session.state !== 'starting');
    await drive(logs, 'the job to end', () => followed.session.state === 'ended', 500);
    const texts = of(followed.entries, 'master-0')
      .filter((e) => e.kind !== 'event')
      .map((e) => (e.kind === 'line' ? e.text.replace(/ rank=.*/, '') : `${e.kind}: ${e.text}`));
    assert.deepEqual(texts, [
      'status: container pytorch is waiting to start: ContainerCreating',
      'status: container pytorch started',
      ...range(20).map((n) => `line ${n}/40`),
      'RuntimeError: rank 0 stopped at line 20: CUDA error: an illegal memory access was encountered',
      'status: container pytorch terminated: Error, exit code 1',
      'status: container pytorch restarted (restart 1)',
      ...range(40).map((n) => `line ${n}/40`),
      'status: container pytorch terminated: Completed, exit code 0',
    ]);
    const events = of(followed.entries, 'master-0').filter((e) => e.kind === 'event');
    assert.ok(
      events.some(
        (e) =>
          e.level === 'warning' && /^BackOff: Back-off restarting failed container pytorch in pod flaky-master-0_ml-training/.test(e.text),
      ),
      events.map((e) => e.text).join('\n'),
    );
    const terminated = followed.entries.find((e) => e.text === 'container pytorch terminated: Error, exit code 1');
    assert.deepEqual([terminated?.level, terminated?.container], ['error', 'pytorch']);
  });

  it("joins the new pods of a Job's retries by themselves, each tagged by its name", async () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'retried',
        namespace: 'ml-training',
        annotations: { 'sim.mlinfra.dev/program': 'numbered', 'sim.mlinfra.dev/lines': '20', 'sim.mlinfra.dev/fail-attempts': '1' },
      },
      spec: {
        backoffLimit: 1,
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'prep', image: 'python:3.11-slim' }] } },
      },
    };
    await logs.create(job);
    const followed = follow(logs, { namespace: 'ml-training', typeKey: 'batch/jobs', name: 'retried' });
    await until('the session to start', () => followed.session.state !== 'starting');
    const ends = () => followed.entries.filter((e) => e.text === 'container prep terminated: Error, exit code 1');
    await drive(logs, 'the job to fail', () => followed.session.state === 'ended' && ends().length === 2, 500);
    assert.deepEqual(followed.states.slice(-1), ['ended']);
    const pods = [...new Set(ends().map((e) => e.pod))];
    assert.equal(pods.length, 2);
    for (const pod of pods) {
      const lines = followed.entries.filter((e) => e.pod === pod && e.kind === 'line').map((e) => e.text.replace(/ rank=.*/, ''));
      assert.deepEqual(
        lines.slice(0, 10),
        range(10).map((n) => `line ${n}/20`),
      );
      assert.equal(followed.entries.find((e) => e.pod === pod)?.tag, pod?.slice('retried-'.length), 'tagged by its suffix');
    }
    assert.ok(
      followed.entries.some(
        (e) => e.kind === 'event' && e.tag === undefined && e.text === 'BackoffLimitExceeded: Job has reached the specified backoff limit',
      ),
    );
  });

  it("reads a restarted container's previous run alone, once", async () => {
    const followed = follow(logs, { namespace: 'ml-training', typeKey: '/pods', name: 'flaky-master-0' }, { previous: true });
    await until('the session to end', () => followed.session.state === 'ended');
    const texts = followed.entries.filter((e) => e.kind !== 'event').map((e) => e.text.replace(/ rank=.*/, ''));
    assert.deepEqual(texts, [
      ...range(20).map((n) => `line ${n}/40`),
      'RuntimeError: rank 0 stopped at line 20: CUDA error: an illegal memory access was encountered',
      'container pytorch terminated: Error, exit code 1',
    ]);
  });

  it("shows a Pending pod's scheduling events, and a container waiting to start", async () => {
    const job = numberedJob('too-big', 0, {});
    job.spec.pytorchReplicaSpecs.Master.template.spec.containers[0].resources = {
      requests: { cpu: '1' },
      limits: { 'nvidia.com/gpu': 16 },
    } as never;
    await logs.create(job);
    const followed = follow(logs, { namespace: 'ml-training', typeKey: JOBS, name: 'too-big' });
    await until('the scheduler to say why', () => followed.entries.some((e) => e.kind === 'event' && e.tag === 'master-0'));
    const shown = of(followed.entries, 'master-0').map((e) => [e.kind, e.tag, e.text, e.level]);
    assert.deepEqual(shown[0], ['status', 'master-0', 'pod is Pending: not scheduled on a node yet', undefined]);
    assert.match(String(shown[1][2]), /^FailedScheduling: 0\/5 nodes are available: .*\d Insufficient nvidia\.com\/gpu/);
    assert.deepEqual([shown[1][0], shown[1][1], shown[1][3]], ['event', 'master-0', 'warning']);
    assert.equal(followed.session.state, 'following');
    followed.session.stop();
    assert.deepEqual(followed.states, ['following', 'stopped']);
  });

  it('starts from the last lines of a running job, holds entries while paused, and closes every stream when stopped', async () => {
    let following = 0;
    const store = logs.cluster.sim.logs;
    const follow0 = store.follow.bind(store);
    store.follow = (uid, container, listener) => {
      const stop = follow0(uid, container, listener);
      following++;
      let stopped = false;
      return () => {
        if (!stopped) following--;
        stopped = true;
        stop();
      };
    };
    await logs.create(numberedJob('long', 1, { 'sim.mlinfra.dev/lines': '100000', 'sim.mlinfra.dev/lines-per-second': '20' }));
    logs.clock.advance(30_000);
    const followed = follow(logs, { namespace: 'ml-training', typeKey: JOBS, name: 'long' }, { tailLines: 50 });
    await until('the session to follow', () => followed.session.state === 'following' && following === 2);
    const first = numbersByTag(followed.entries);
    for (const [tag, list] of first) {
      assert.equal(list.length, 50, tag);
      assert.deepEqual(
        list,
        range(50).map((n) => n + list[0] - 1),
        `${tag}: the last 50 lines, in order`,
      );
    }
    followed.session.pause();
    const batches = followed.batches;
    logs.clock.advance(10_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(followed.batches, batches, 'nothing shown while paused');
    followed.session.resume();
    assert.equal(followed.batches, batches + 1, 'what was held, at once');
    await drive(logs, 'more lines', () => (numbersByTag(followed.entries).get('worker-0/pytorch')?.length ?? 0) > 400, 1000);
    for (const [tag, list] of numbersByTag(followed.entries))
      assert.deepEqual(
        list,
        range(list.length).map((n) => n + list[0] - 1),
        tag,
      );
    followed.session.stop();
    await until('the server to see every stream closed', () => following === 0);
    const shown = followed.entries.length;
    logs.clock.advance(10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(followed.entries.length, shown, 'nothing after stop');
    assert.deepEqual(followed.states, ['following', 'stopped']);
    store.follow = follow0;
  });

  it('says why nothing can be read: a forbidden namespace, a pod that does not exist', async () => {
    const forbidden = follow(logs, { namespace: 'secret-ns', typeKey: '/pods', name: 'audit' }, {}, 'mlinfra-demo-restricted');
    const missing = follow(logs, { namespace: 'ml-training', typeKey: JOBS, name: 'no-such-job' });
    await until('both to end', () => forbidden.session.state === 'ended' && missing.session.state === 'ended');
    assert.deepEqual(
      forbidden.entries.map((e) => [e.kind, e.text]),
      [
        [
          'error',
          'pods "audit" is forbidden: User "demo-restricted" cannot get resource "pods" in API group "" in the namespace "secret-ns"',
        ],
      ],
    );
    assert.deepEqual(
      missing.entries.map((e) => [e.kind, e.text]),
      [['error', 'pytorchjobs.kubeflow.org "no-such-job" not found']],
    );
    const container = follow(
      logs,
      { namespace: 'ml-training', typeKey: '/pods', name: 'mnist-ddp-master-0', container: 'sidecar' },
      { events: false },
    );
    await until('the container to be looked for', () => container.entries.length > 0);
    assert.deepEqual(
      container.entries.map((e) => [e.kind, e.text]),
      [['error', 'container sidecar is not in pod mnist-ddp-master-0 (its containers: pytorch)']],
    );
    container.session.stop();
    // A pod deleted while followed: its end is said, and the session ends.
    const deleted = follow(logs, { namespace: 'ml-training', typeKey: '/pods', name: 'long-worker-0' }, { tailLines: 1, events: false });
    await until('the pod to be followed', () => deleted.session.state === 'following' && deleted.entries.length > 0);
    await logs.context().api.request('DELETE', '/api/v1/namespaces/ml-training/pods/long-worker-0');
    await drive(logs, 'the session to end', () => deleted.session.state === 'ended', 1000);
    assert.deepEqual(
      deleted.entries.filter((e) => e.kind !== 'line').map((e) => [e.kind, e.text]),
      [['status', 'pod long-worker-0 deleted']],
    );
  });
});
