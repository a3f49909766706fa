// kubectl get against the local cluster: every resource the demo serves, by plural, singular
// and short name, with the real server's columns, -o wide/json/yaml, selectors and paging.
import * as assert from 'node:assert/strict';
import { lines, startTestCluster, type TestCluster } from './kubectl';

describe('kubectl get (local API server)', () => {
  let t: TestCluster;
  before(async () => {
    t = await startTestCluster();
    t.clock.advance(20_000);
  });
  after(() => t.stop());

  it('lists the nodes with their status, roles, age and version', async () => {
    const run = await t.kubectl(['get', 'nodes']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(lines(run.stdout), [
      'NAME         STATUS   ROLES    AGE   VERSION',
      'cpu-0        Ready    <none>   30d   v1.32.4',
      'gpu-a100-0   Ready    <none>   30d   v1.32.4',
      'gpu-a100-1   Ready    <none>   30d   v1.32.4',
      'gpu-h100-0   Ready    <none>   30d   v1.32.4',
      'gpu-h100-1   Ready    <none>   30d   v1.32.4',
    ]);
  });

  it('shows the GPU labels of a node (-o json) and selects GPU nodes by product', async () => {
    const node = JSON.parse((await t.kubectl(['get', 'node', 'gpu-h100-0', '-o', 'json'])).stdout);
    assert.equal(node.metadata.labels['nvidia.com/gpu.product'], 'NVIDIA-H100-80GB-HBM3');
    assert.equal(node.status.allocatable['nvidia.com/gpu'], '8');
    const run = await t.kubectl(['get', 'no', '-l', 'nvidia.com/gpu.product in (NVIDIA-A100-SXM4-80GB)', '-o', 'name']);
    assert.deepEqual(lines(run.stdout), ['node/gpu-a100-0', 'node/gpu-a100-1']);
    const none = await t.kubectl(['get', 'nodes', '-l', '!nvidia.com/gpu.present', '-o', 'name']);
    assert.deepEqual(lines(none.stdout), ['node/cpu-0']);
  });

  it('lists namespaces (and by short name)', async () => {
    const run = await t.kubectl(['get', 'ns']);
    assert.deepEqual(lines(run.stdout), [
      'NAME              STATUS   AGE',
      'default           Active   30d',
      'kube-node-lease   Active   30d',
      'kube-public       Active   30d',
      'kube-system       Active   30d',
      'ml-serving        Active   30d',
      'ml-training       Active   30d',
      'secret-ns         Active   30d',
    ]);
  });

  it('lists the pods of a PyTorchJob with the real columns, and -o wide', async () => {
    const run = await t.kubectl(['get', 'pods', '-l', 'training.kubeflow.org/job-name=llama3-8b-finetune']);
    assert.deepEqual(lines(run.stdout), [
      'NAME                          READY   STATUS    RESTARTS   AGE',
      'llama3-8b-finetune-master-0   1/1     Running   0          20s',
      'llama3-8b-finetune-worker-0   1/1     Running   0          20s',
    ]);
    const wide = await t.kubectl(['get', 'po', 'llama3-8b-finetune-master-0', '-o', 'wide']);
    const [header, row] = lines(wide.stdout);
    assert.match(header, /^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES$/);
    assert.match(row, /^llama3-8b-finetune-master-0 +1\/1 +Running +0 +20s +10\.244\.\d+\.\d+ +gpu-h100-\d +<none> +<none>$/);
  });

  it("keeps a pod that fits no node Pending, with the scheduler's event", async () => {
    const pods = await t.kubectl(['get', 'pods', 'llama3-70b-pretrain-worker-2']);
    assert.deepEqual(lines(pods.stdout)[1].split(/\s+/), ['llama3-70b-pretrain-worker-2', '0/1', 'Pending', '0', '20s']);
    const events = await t.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=llama3-70b-pretrain-worker-2']);
    assert.deepEqual(lines(events.stdout), [
      'LAST SEEN   TYPE      REASON             OBJECT                             MESSAGE',
      "20s         Warning   FailedScheduling   pod/llama3-70b-pretrain-worker-2   0/5 nodes are available: 2 Insufficient nvidia.com/gpu, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/5 nodes are available: 2 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.",
    ]);
  });

  it('selects pods by field: node, phase, name and namespace', async () => {
    const pending = await t.kubectl(['get', 'pods', '-A', '--field-selector', 'status.phase=Pending', '-o', 'name']);
    assert.deepEqual(lines(pending.stdout), [
      'pod/llama3-70b-pretrain-master-0',
      'pod/llama3-70b-pretrain-worker-0',
      'pod/llama3-70b-pretrain-worker-1',
      'pod/llama3-70b-pretrain-worker-2',
    ]);
    const onCpu = await t.kubectl([
      'get',
      'pods',
      '-A',
      '--field-selector',
      'spec.nodeName=cpu-0,metadata.namespace=secret-ns',
      '-o',
      'name',
    ]);
    assert.equal(lines(onCpu.stdout).length, 1);
    assert.match(onCpu.stdout, /^pod\/audit-exporter-/);
    const bad = await t.kubectl(['get', 'pods', '--field-selector', 'spec.foo=bar']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /field label not supported: spec\.foo/);
  });

  it('pages a list with --chunk-size and gets the same rows', async () => {
    const all = await t.kubectl(['get', 'pods', '-n', 'ml-training', '-o', 'name']);
    const paged = await t.kubectl(['get', 'pods', '-n', 'ml-training', '-o', 'name', '--chunk-size', '2', '-v=6']);
    assert.deepEqual(lines(paged.stdout), lines(all.stdout));
    assert.ok(lines(all.stdout).length > 4);
    const requests = paged.stderr.split('\n').filter((l) => /GET .*\/pods\?/.test(l));
    assert.ok(requests.length >= 3, `expected several pages, saw:\n${requests.join('\n')}`);
    assert.ok(requests.some((l) => /continue=/.test(l)));
  });

  it('lists jobs and deployments with the real columns', async () => {
    const jobs = await t.kubectl(['get', 'jobs', 'data-preprocess']);
    assert.deepEqual(lines(jobs.stdout)[0].split(/\s{2,}/), ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE']);
    assert.deepEqual(lines(jobs.stdout)[1].split(/\s+/).slice(0, 2), ['data-preprocess', 'Running']);
    const deployments = await t.kubectl(['get', 'deploy', '-n', 'ml-serving']);
    assert.deepEqual(lines(deployments.stdout), [
      'NAME                        READY   UP-TO-DATE   AVAILABLE   AGE',
      'bert-classifier-predictor   1/1     1            1           20s',
      'triton-llama3               2/2     2            2           20s',
    ]);
  });

  it('lists every custom resource by plural, singular and short name, with its printer columns', async () => {
    const cases: [string[], string][] = [
      [['pytorchjobs'], 'NAME                  STATE     AGE'],
      [['pytorchjob', 'llama3-8b-finetune'], 'NAME                 STATE     AGE'],
      [['tfjobs.kubeflow.org'], 'NAME          STATE     AGE'],
      [
        ['rayjobs'],
        'NAME              JOB STATUS   DEPLOYMENT STATUS   RAY CLUSTER NAME                   START TIME             END TIME   AGE',
      ],
      [
        ['isvc', '-n', 'ml-serving'],
        'NAME              URL                                             READY   PREV   LATEST   PREVROLLEDOUTREVISION   LATESTREADYREVISION   AGE',
      ],
    ];
    for (const [args, header] of cases) {
      const run = await t.kubectl(['get', ...args]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(lines(run.stdout)[0], header, args.join(' '));
    }
    const states = await t.kubectl(['get', 'pytorchjobs', '-o', 'custom-columns=NAME:.metadata.name,STATE:.status.conditions[-1:].type']);
    assert.deepEqual(lines(states.stdout), [
      'NAME                  STATE',
      'llama3-70b-pretrain   Created',
      'llama3-8b-finetune    Running',
    ]);
    for (const resource of [
      'mpijobs',
      'xgboostjobs',
      'paddlejobs',
      'jaxjobs',
      'trainjobs',
      'jobsets',
      'vcjob',
      'vj',
      'lws',
      'rayclusters',
      'rayservices',
    ]) {
      const run = await t.kubectl(['get', resource]);
      assert.equal(run.code, 0, `${resource}: ${run.stderr}`);
      assert.match(run.stderr + run.stdout, /No resources found in ml-training namespace\.|^NAME/, resource);
    }
  });

  it('answers -o yaml with the stored object and managedFields', async () => {
    const run = await t.kubectl(['get', 'pytorchjob', 'llama3-8b-finetune', '-o', 'yaml', '--show-managed-fields']);
    assert.match(run.stdout, /^apiVersion: kubeflow.org\/v1\nkind: PyTorchJob\n/);
    assert.match(run.stdout, /manager: kubectl-client-side-apply/);
    assert.match(run.stdout, /type: Running/);
  });

  it('lists the API resources, CRDs included', async () => {
    const run = await t.kubectl(['api-resources']);
    const rows = lines(run.stdout).map((l) => l.split(/\s+/));
    const find = (name: string, group: string) => rows.find((r) => r[0] === name && r.includes(group));
    assert.deepEqual(find('pods', 'v1'), ['pods', 'po', 'v1', 'true', 'Pod']);
    assert.deepEqual(find('pytorchjobs', 'kubeflow.org/v1'), ['pytorchjobs', 'kubeflow.org/v1', 'true', 'PyTorchJob']);
    assert.deepEqual(find('inferenceservices', 'serving.kserve.io/v1beta1'), [
      'inferenceservices',
      'isvc',
      'serving.kserve.io/v1beta1',
      'true',
      'InferenceService',
    ]);
    assert.deepEqual(find('rayjobs', 'ray.io/v1'), ['rayjobs', 'ray.io/v1', 'true', 'RayJob']);
    assert.ok(find('leaderworkersets', 'leaderworkerset.x-k8s.io/v1'));
  });

  it('answers an unknown object with NotFound', async () => {
    const run = await t.kubectl(['get', 'pod', 'nope']);
    assert.equal(run.code, 1);
    assert.equal(run.stderr.trim(), 'Error from server (NotFound): pods "nope" not found');
  });
});
