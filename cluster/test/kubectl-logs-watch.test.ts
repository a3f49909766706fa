// kubectl logs (tail, previous, follow) and get -w against the local cluster, plus what kubectl
// never asks for but clients do: the container-name error, 410 Gone, bookmarks.
import * as assert from 'node:assert/strict';
import { advanceUntil, api, lines, startTestCluster, waitFor, type TestCluster } from './kubectl';

const SHORT_JOB = `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: short
  namespace: ml-training
  annotations: { sim.mlinfra.dev/steps: "30", sim.mlinfra.dev/step-seconds: "1" }
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 1
      template:
        spec:
          containers:
            - name: pytorch
              image: pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime
              resources: { limits: { nvidia.com/gpu: 1 } }
          tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }]
`;

describe('kubectl logs and watch (local API server)', () => {
  let t: TestCluster;
  const pod = (ns: string, name: string) => t.cluster.sim.store.get('/pods', ns, name);
  before(async () => {
    t = await startTestCluster();
    t.clock.advance(30_000);
  });
  after(() => t.stop());

  it('prints the last lines of a training container with --tail', async () => {
    const run = await t.kubectl(['logs', 'llama3-8b-finetune-master-0', '--tail', '2']);
    const out = lines(run.stdout);
    assert.equal(out.length, 2);
    assert.match(out[1], /^step \d+\/600 loss=\d\.\d{3} lr=\d\.\de-0\d throughput=\d+ samples\/s$/);
    const stamped = await t.kubectl(['logs', 'llama3-8b-finetune-master-0', '--tail', '1', '--timestamps']);
    assert.match(stamped.stdout, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z step \d+\/600 /);
  });

  it('prints only the lines since a time with --since-time and --since', async () => {
    const all = await t.kubectl(['logs', 'llama3-8b-finetune-master-0', '--timestamps']);
    const stamped = lines(all.stdout).map((line) => ({ time: line.slice(0, line.indexOf(' ')), text: line.slice(line.indexOf(' ') + 1) }));
    assert.ok(stamped.length >= 4, all.stdout);
    const from = stamped[stamped.length - 3];
    const since = await t.kubectl(['logs', 'llama3-8b-finetune-master-0', `--since-time=${from.time}`]);
    // kubectl sends the time in whole seconds: the lines of that second are in.
    const second = (time: string) => time.slice(0, 19);
    assert.deepEqual(
      lines(since.stdout),
      stamped.filter((line) => second(line.time) >= second(from.time)).map((line) => line.text),
    );
    const recent = await t.kubectl(['logs', 'llama3-8b-finetune-master-0', '--since=1s']);
    assert.ok(lines(recent.stdout).length < stamped.length);
    const bad = await api(t, '/api/v1/namespaces/ml-training/pods/llama3-8b-finetune-master-0/log?sinceTime=yesterday');
    assert.equal(bad.status, 400);
    assert.equal(JSON.parse(bad.body).message, 'sinceTime: Invalid value: "yesterday": must be an RFC3339 time');
  });

  it('shows the run before a restart with --previous, and refuses it when there is none', async () => {
    advanceUntil(
      t,
      'a restart of resnet50-tf-worker-0',
      () => (pod('ml-training', 'resnet50-tf-worker-0')?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1,
    );
    const previous = await t.kubectl(['logs', 'resnet50-tf-worker-0', '--previous']);
    assert.equal(previous.code, 0, previous.stderr);
    assert.match(previous.stdout, /OOM when allocating tensor with shape\[1024,64,112,112\]/);
    const none = await t.kubectl(['logs', 'llama3-8b-finetune-master-0', '--previous']);
    assert.equal(none.code, 1);
    assert.equal(
      none.stderr.trim(),
      'Error from server (BadRequest): previous terminated container "pytorch" in pod "llama3-8b-finetune-master-0" not found',
    );
    const pods = await t.kubectl(['get', 'pod', 'resnet50-tf-worker-0']);
    assert.match(lines(pods.stdout)[1], /^resnet50-tf-worker-0 +[01]\/1 +\S+ +[1-9]\d* \(\S+ ago\) +\S+$/);
  });

  it('asks for a container name when a pod has several', async () => {
    const name = t.cluster.sim.store.list('/pods', 'ml-serving').find((p) => p.metadata.name.startsWith('triton-llama3-'))?.metadata
      .name as string;
    const response = await api(t, `/api/v1/namespaces/ml-serving/pods/${name}/log`);
    assert.equal(response.status, 400);
    assert.equal(
      JSON.parse(response.body).message,
      `a container name must be specified for pod ${name}, choose one of: [triton dcgm-exporter]`,
    );
    const triton = await t.kubectl(['logs', '-n', 'ml-serving', name, '-c', 'triton']);
    assert.match(triton.stdout, /"Started GRPCInferenceService at 0\.0\.0\.0:8001"/);
  });

  it('follows a container with logs -f until it ends', async () => {
    const apply = await t.kubectl(['apply', '--server-side', '-f', '-'], SHORT_JOB);
    assert.equal(apply.stdout.trim(), 'pytorchjob.kubeflow.org/short serverside-applied', apply.stderr);
    advanceUntil(t, 'short-worker-0 to run', () => pod('ml-training', 'short-worker-0')?.status?.phase === 'Running');
    t.clock.advance(3000);
    const follow = t.stream(['logs', '-f', 'short-worker-0']);
    await waitFor('the first lines', () => /Initializing process group/.test(follow.output()));
    t.clock.advance(60_000);
    const run = await follow.done;
    assert.equal(run.code, 0, run.stderr);
    const out = lines(run.stdout);
    assert.match(out[out.length - 1], /^Saved checkpoint to \/checkpoints\/step-30$/);
    assert.ok(out.includes('step 30/30 loss=' + out.find((l) => l.startsWith('step 30/30 loss='))?.slice('step 30/30 loss='.length)));
  });

  it("streams a pod's phase changes with get -w", async () => {
    const job = SHORT_JOB.replace('name: short', 'name: watched');
    await t.kubectl(['apply', '--server-side', '-f', '-'], job);
    const watch = t.stream(['get', 'pods', '-w', '-l', 'training.kubeflow.org/job-name=watched']);
    await waitFor('the initial list', () => /watched-worker-0/.test(watch.output()));
    advanceUntil(
      t,
      'watched-worker-0 to be ready',
      () => pod('ml-training', 'watched-worker-0')?.status?.containerStatuses?.[0]?.ready === true,
    );
    await waitFor('the Running row', () => /watched-worker-0 +1\/1 +Running/.test(watch.output()));
    watch.child.kill();
    const out = lines(watch.output());
    assert.match(out[0], /^NAME +READY +STATUS +RESTARTS +AGE$/);
    assert.match(out[1], /^watched-worker-0 +0\/1 +ContainerCreating +0 +0s$/);
  });
});

describe('watch protocol (local API server)', () => {
  let t: TestCluster;
  before(async () => (t = await startTestCluster('empty', { historyWindow: 20, bookmarkMs: 100 })));
  after(() => t.stop());
  const namespace = (name: string) =>
    t.kubectl(['apply', '--server-side', '-f', '-'], `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`);

  it('replays changes after a resourceVersion, sends bookmarks and ends at timeoutSeconds', async () => {
    const rv = t.cluster.sim.store.resourceVersion;
    assert.equal((await namespace('team-a')).stdout.trim(), 'namespace/team-a serverside-applied');
    const response = await api(t, `/api/v1/namespaces?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=1`);
    const events = response.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      events.filter((e) => e.type !== 'BOOKMARK').map((e) => [e.type, e.object.metadata.name]),
      [['ADDED', 'team-a']],
    );
    assert.ok(events.some((e) => e.type === 'BOOKMARK' && e.object.kind === 'Namespace' && Number(e.object.metadata.resourceVersion) > rv));
    const all = await api(t, '/api/v1/namespaces?watch=1&timeoutSeconds=1');
    assert.equal(
      all.body
        .trim()
        .split('\n')
        .filter((l) => JSON.parse(l).type === 'ADDED').length,
      8,
    );
  });

  it('answers a watch from a version older than its history with 410 Expired', async () => {
    for (let i = 0; i < 25; i++) await namespace(`team-${i}`);
    const response = await api(t, '/api/v1/namespaces?watch=true&resourceVersion=1&timeoutSeconds=1');
    const first = JSON.parse(response.body.split('\n')[0]);
    assert.equal(first.type, 'ERROR');
    assert.deepEqual([first.object.code, first.object.reason, first.object.status], [410, 'Expired', 'Failure']);
    assert.match(first.object.message, /^too old resource version: 1 \(\d+\)$/);
  });
});
