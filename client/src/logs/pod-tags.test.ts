import * as assert from 'node:assert/strict';
import { podTag } from './pod-tags';

const pod = (name: string, labels: Record<string, string>, annotations: Record<string, string> = {}) => ({
  metadata: { name, labels, annotations },
});

describe('pod tags', () => {
  it('tags the Kubeflow jobs by replica type and index, the MPI launcher alone', () => {
    const kubeflow = (type: string, index: string) =>
      pod(`job-${type}-${index}`, { 'training.kubeflow.org/replica-type': type, 'training.kubeflow.org/replica-index': index });
    assert.deepEqual(podTag(kubeflow('master', '0')), { role: 'master', tag: 'master-0' });
    assert.deepEqual(podTag(kubeflow('worker', '3')), { role: 'worker', tag: 'worker-3' });
    assert.deepEqual(podTag(kubeflow('launcher', '0')), { role: 'launcher', tag: 'launcher' });
    assert.deepEqual(podTag(pod('tf-ps-1', { 'replica-type': 'PS', 'replica-index': '1' })), { role: 'ps', tag: 'ps-1' });
  });

  it('tags Ray heads, workers by group, and the submitter of a RayJob', () => {
    assert.deepEqual(podTag(pod('rc-head-x7k2p', { 'ray.io/node-type': 'head', 'ray.io/group': 'headgroup' })), {
      role: 'head',
      tag: 'head',
    });
    assert.deepEqual(podTag(pod('rc-gpu-workers-worker-q9z4t', { 'ray.io/node-type': 'worker', 'ray.io/group': 'gpu-workers' })), {
      role: 'gpu-workers',
      tag: 'gpu-workers-q9z4t',
    });
    const owners = [
      { kind: 'Job', metadata: { name: 'tune' } },
      { kind: 'RayJob', metadata: { name: 'tune' } },
    ];
    assert.deepEqual(podTag(pod('tune-bm4rp', { 'batch.kubernetes.io/job-name': 'tune' }), owners), {
      role: 'submitter',
      tag: 'submitter',
    });
  });

  it("numbers a JobSet's (and a TrainJob's) pods across the jobs of a replicated job", () => {
    const jobset = (rj: string, job: string, completion: string) =>
      pod(`train-${rj}-${job}-${completion}-abcde`, {
        'jobset.sigs.k8s.io/replicatedjob-name': rj,
        'jobset.sigs.k8s.io/job-index': job,
        'batch.kubernetes.io/job-completion-index': completion,
      });
    const trainJobNodes = [{ kind: 'Job', spec: { parallelism: 4, completions: 4 } }];
    assert.deepEqual(podTag(jobset('node', '0', '3'), trainJobNodes), { role: 'node', tag: 'node-3' });
    const onePodJobs = [{ kind: 'Job', spec: { parallelism: 1, completions: 1 } }];
    assert.deepEqual(podTag(jobset('workers', '5', '0'), onePodJobs), { role: 'workers', tag: 'workers-5' });
    assert.deepEqual(podTag(jobset('workers', '1', '2'), [{ kind: 'Job', spec: { completions: 4 } }]), {
      role: 'workers',
      tag: 'workers-6',
    });
  });

  it('tags LeaderWorkerSet, Volcano, KServe and indexed Job pods', () => {
    const lws = (group: string, worker: string) =>
      pod('vllm', {
        'leaderworkerset.sigs.k8s.io/name': 'vllm',
        'leaderworkerset.sigs.k8s.io/group-index': group,
        'leaderworkerset.sigs.k8s.io/worker-index': worker,
      });
    assert.deepEqual(podTag(lws('1', '0')), { role: 'leader', tag: 'leader-1' });
    assert.deepEqual(podTag(lws('1', '2')), { role: 'worker', tag: 'worker-1-2' });
    assert.deepEqual(podTag(pod('vcjob-worker-2', { 'volcano.sh/task-spec': 'worker' })), { role: 'worker', tag: 'worker-2' });
    assert.deepEqual(podTag(pod('mpi-master-0', { 'volcano.sh/task-spec': 'mpimaster' }, { 'volcano.sh/task-index': '0' })), {
      role: 'mpimaster',
      tag: 'mpimaster-0',
    });
    assert.deepEqual(
      podTag(pod('bert-predictor-5d8f7c6b9-x7k2p', { 'serving.kserve.io/inferenceservice': 'bert', component: 'predictor' })),
      { role: 'predictor', tag: 'predictor-x7k2p' },
    );
    assert.deepEqual(podTag(pod('prep-2-h4k9s', { 'batch.kubernetes.io/job-completion-index': '2' })), { role: 'pod', tag: 'pod-2' });
  });

  it("tags any other pod by its name's generated suffix, or by its name", () => {
    assert.deepEqual(podTag(pod('triton-llama3-5d8f7c6b9-x7k2p', { app: 'triton' })), { role: 'pod', tag: 'x7k2p' });
    assert.deepEqual(podTag(pod('debug-shell', {})), { role: 'pod', tag: 'debug-shell' });
  });
});
