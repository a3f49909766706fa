// kubectl apply --server-side (dry run and for real), field validation, conflicts between field
// managers, delete with its dependents, and who may do what, against the local cluster.
import * as assert from 'node:assert/strict';
import { advanceUntil, lines, startTestCluster, type TestCluster } from './kubectl';

const job = (replicas: string, extra = '') => `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: mnist
  namespace: ml-training
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: ${replicas}
      template:
        spec:
          containers:
            - name: pytorch
              image: pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime
${extra}`;

const batchJob = `apiVersion: batch/v1
kind: Job
metadata:
  name: eval
  namespace: ml-training
spec:
  completions: 2
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: eval
          image: python:3.11-slim
`;

describe('kubectl apply, delete and auth (local API server)', () => {
  let t: TestCluster;
  const apply = (text: string, ...args: string[]) => t.kubectl(['apply', '--server-side', ...args, '-f', '-'], text);
  before(async () => (t = await startTestCluster()));
  after(() => t.stop());

  it('dry-runs a valid manifest on the server without storing it', async () => {
    const run = await apply(job('2'), '--dry-run=server');
    assert.equal(run.stdout.trim(), 'pytorchjob.kubeflow.org/mnist serverside-applied (server dry run)', run.stderr);
    const get = await t.kubectl(['get', 'pytorchjob', 'mnist']);
    assert.equal(get.stderr.trim(), 'Error from server (NotFound): pytorchjobs.kubeflow.org "mnist" not found');
  });

  it('refuses an invalid value with the 422 message', async () => {
    const run = await apply(job('"two"'), '--dry-run=server');
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr.trim(),
      'The PyTorchJob "mnist" is invalid: spec.pytorchReplicaSpecs.Worker.replicas: Invalid value: "string": spec.pytorchReplicaSpecs.Worker.replicas in body must be of type integer: "string"',
    );
  });

  it('refuses an unknown field under strict validation, warns under --validate=warn', async () => {
    const unknown = job('2', '  runPolicy:\n    cleanPodPolicy: Running\n  foo: 1\n');
    const strict = await apply(unknown, '--dry-run=server');
    assert.equal(strict.code, 1);
    assert.equal(
      strict.stderr.trim(),
      'Error from server (BadRequest): failed to create typed patch object (kubeflow.org/v1, Kind=PyTorchJob): .spec.foo: field not declared in schema',
    );
    const warn = await apply(unknown, '--dry-run=server', '--validate=warn');
    assert.equal(warn.code, 0, warn.stderr);
    assert.equal(warn.stderr.trim(), 'Warning: unknown field "spec.foo"');
  });

  it('applies for real, starts the pods, and records the field manager', async () => {
    const run = await apply(job('2'));
    assert.equal(run.stdout.trim(), 'pytorchjob.kubeflow.org/mnist serverside-applied');
    const pods = await t.kubectl(['get', 'pods', '-l', 'training.kubeflow.org/job-name=mnist', '-o', 'name']);
    assert.deepEqual(lines(pods.stdout), ['pod/mnist-worker-0', 'pod/mnist-worker-1']);
    const object = JSON.parse((await t.kubectl(['get', 'pytorchjob', 'mnist', '-o', 'json', '--show-managed-fields'])).stdout);
    assert.deepEqual(
      object.metadata.managedFields.map((m: { manager: string; operation: string }) => [m.manager, m.operation]),
      [['kubectl', 'Apply']],
    );
    assert.equal(object.metadata.generation, 1);
  });

  it('reports a conflict with another manager, and takes the field with --force-conflicts', async () => {
    const conflict = await apply(job('3'), '--field-manager=tuner');
    assert.equal(conflict.code, 1);
    assert.match(
      conflict.stderr,
      /^error: Apply failed with 1 conflict: conflict with "kubectl": \.spec\.pytorchReplicaSpecs\.Worker\.replicas\n/,
    );
    const forced = await apply(job('3'), '--field-manager=tuner', '--force-conflicts');
    assert.equal(forced.stdout.trim(), 'pytorchjob.kubeflow.org/mnist serverside-applied', forced.stderr);
    const object = JSON.parse((await t.kubectl(['get', 'pytorchjob', 'mnist', '-o', 'json'])).stdout);
    assert.equal(object.spec.pytorchReplicaSpecs.Worker.replicas, 3);
    assert.equal(object.metadata.generation, 2);
  });

  it('deletes a job and its pods', async () => {
    const run = await t.kubectl(['delete', 'pytorchjob', 'mnist']);
    assert.equal(run.stdout.trim(), 'pytorchjob.kubeflow.org "mnist" deleted', run.stderr);
    advanceUntil(t, 'the pods of mnist to go', () =>
      t.cluster.sim.store.list('/pods', 'ml-training').every((p) => !p.metadata.name.startsWith('mnist-')),
    );
    const pods = await t.kubectl(['get', 'pods', '-l', 'training.kubeflow.org/job-name=mnist']);
    assert.equal(pods.stderr.trim(), 'No resources found in ml-training namespace.');
  });

  it('runs a batch Job to completion, then deletes it with its pods', async () => {
    await apply(batchJob);
    advanceUntil(
      t,
      'the job to complete',
      () => (t.cluster.sim.store.get('batch/jobs', 'ml-training', 'eval')?.status?.succeeded ?? 0) === 2,
    );
    const get = await t.kubectl(['get', 'job', 'eval']);
    assert.deepEqual(lines(get.stdout)[1].split(/\s+/).slice(0, 3), ['eval', 'Complete', '2/2']);
    const pods = await t.kubectl(['get', 'pods', '-l', 'job-name=eval', '-o', 'name']);
    assert.equal(lines(pods.stdout).length, 2);
    assert.match(pods.stdout, /^pod\/eval-[bcdfghjklmnpqrstvwxz2456789]{5}$/m);
    const run = await t.kubectl(['delete', 'job', 'eval']);
    assert.equal(run.stdout.trim(), 'job.batch "eval" deleted');
    const after = await t.kubectl(['get', 'pods', '-l', 'job-name=eval']);
    assert.equal(after.stderr.trim(), 'No resources found in ml-training namespace.');
  });

  it('forbids the restricted user the namespace secret-ns and lists across namespaces', async () => {
    const forbidden = await t.kubectl(['--context', 'mlinfra-demo-restricted', 'get', 'pods', '-n', 'secret-ns']);
    assert.equal(
      forbidden.stderr.trim(),
      'Error from server (Forbidden): pods is forbidden: User "demo-restricted" cannot list resource "pods" in API group "" in the namespace "secret-ns"',
    );
    const everywhere = await t.kubectl(['--context', 'mlinfra-demo-restricted', 'get', 'pods', '-A']);
    assert.equal(
      everywhere.stderr.trim(),
      'Error from server (Forbidden): pods is forbidden: User "demo-restricted" cannot list resource "pods" in API group "" at the cluster scope',
    );
    const allowed = await t.kubectl(['--context', 'mlinfra-demo-restricted', 'get', 'pytorchjobs', '-o', 'name']);
    assert.deepEqual(lines(allowed.stdout), ['pytorchjob.kubeflow.org/llama3-70b-pretrain', 'pytorchjob.kubeflow.org/llama3-8b-finetune']);
    const write = await t.kubectl(['--context', 'mlinfra-demo-restricted', 'delete', 'pytorchjob', 'llama3-8b-finetune']);
    assert.equal(
      write.stderr.trim(),
      'Error from server (Forbidden): pytorchjobs.kubeflow.org "llama3-8b-finetune" is forbidden: User "demo-restricted" cannot delete resource "pytorchjobs" in API group "kubeflow.org" in the namespace "ml-training"',
    );
  });

  it('refuses a bad token with 401', async () => {
    const run = await t.kubectl(['--token', 'not-a-token', 'get', 'pods']);
    assert.equal(run.code, 1);
    assert.equal(lines(run.stderr).pop(), 'error: You must be logged in to the server (Unauthorized)');
  });
});
