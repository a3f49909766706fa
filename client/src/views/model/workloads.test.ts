import * as assert from 'node:assert/strict';
import { workloadShape } from './workloads';

const gpuPod = (gpus: number | string, extra: Record<string, unknown> = {}) => ({ containers: [{ name: 'c', image: 'x', resources: { limits: { 'nvidia.com/gpu': gpus, cpu: '8' } } }], ...extra });

describe('workload GPUs: replicas × GPUs per pod, summed over roles', () => {
  it('counts a PyTorchJob master and workers', () => {
    const job = { spec: { pytorchReplicaSpecs: { Master: { replicas: 1, template: { spec: gpuPod(8) } }, Worker: { replicas: 3, template: { spec: gpuPod(8) } } } } };
    assert.deepEqual(workloadShape('kubeflow.org/pytorchjobs', job), { roles: [{ name: 'Master', replicas: 1, gpusPerPod: 8 }, { name: 'Worker', replicas: 3, gpusPerPod: 8 }], replicas: 4, gpus: 32 });
  });

  it('counts an MPIJob launcher without GPUs and a TFJob whose replicas default to 1', () => {
    const mpi = { spec: { mpiReplicaSpecs: { Launcher: { replicas: 1, template: { spec: { containers: [{ name: 'l' }] } } }, Worker: { replicas: 2, template: { spec: gpuPod('4') } } } } };
    assert.equal(workloadShape('kubeflow.org/mpijobs', mpi).gpus, 8);
    const tf = { spec: { tfReplicaSpecs: { Chief: { template: { spec: gpuPod(1) } }, Worker: { replicas: 2, template: { spec: gpuPod(1) } } } } };
    assert.deepEqual([workloadShape('kubeflow.org/tfjobs', tf).replicas, workloadShape('kubeflow.org/tfjobs', tf).gpus], [3, 3]);
  });

  it('takes a request when there is no limit, and an init container when it holds more', () => {
    const spec = { containers: [{ resources: { requests: { 'nvidia.com/gpu': '2' } } }], initContainers: [{ resources: { limits: { 'nvidia.com/gpu': 4 } } }] };
    assert.equal(workloadShape('batch/jobs', { spec: { template: { spec } } }).gpus, 4);
  });

  it('counts a TrainJob by nodes × resourcesPerNode', () => {
    const job = { spec: { runtimeRef: { name: 'torch-distributed' }, trainer: { numNodes: 4, resourcesPerNode: { limits: { 'nvidia.com/gpu': 8 } } } } };
    assert.deepEqual([workloadShape('trainer.kubeflow.org/trainjobs', job).replicas, workloadShape('trainer.kubeflow.org/trainjobs', job).gpus], [4, 32]);
  });

  it('counts a JobSet by replicated jobs × parallelism', () => {
    const job = { spec: { replicatedJobs: [{ name: 'workers', replicas: 2, template: { spec: { parallelism: 4, completions: 4, template: { spec: gpuPod(8) } } } }, { name: 'driver', template: { spec: { template: { spec: { containers: [{}] } } } } }] } };
    assert.deepEqual([workloadShape('jobset.x-k8s.io/jobsets', job).replicas, workloadShape('jobset.x-k8s.io/jobsets', job).gpus], [9, 64]);
  });

  it('counts a Volcano Job by tasks', () => {
    const job = { spec: { minAvailable: 3, tasks: [{ name: 'ps', replicas: 1, template: { spec: { containers: [{}] } } }, { name: 'worker', replicas: 2, template: { spec: gpuPod(2) } }] } };
    assert.equal(workloadShape('batch.volcano.sh/jobs', job).gpus, 4);
  });

  it('counts a RayJob cluster: head and worker groups within min and max', () => {
    const cluster = { headGroupSpec: { template: { spec: { containers: [{}] } } }, workerGroupSpecs: [{ groupName: 'gpu', replicas: 5, minReplicas: 1, maxReplicas: 3, template: { spec: gpuPod(2) } }, { groupName: 'tpu-like', replicas: 1, numOfHosts: 2, template: { spec: gpuPod(1) } }] };
    const rayjob = workloadShape('ray.io/rayjobs', { spec: { entrypoint: 'python tune.py', rayClusterSpec: cluster } });
    assert.deepEqual([rayjob.replicas, rayjob.gpus], [1 + 3 + 2 + 1, 3 * 2 + 2 * 1], 'the submitter pod counts as a replica');
    assert.equal(workloadShape('ray.io/rayclusters', { spec: cluster }).replicas, 1 + 3 + 2);
  });

  it('counts a LeaderWorkerSet by groups of a leader and size - 1 workers', () => {
    const lws = { spec: { replicas: 2, leaderWorkerTemplate: { size: 4, leaderTemplate: { spec: gpuPod(8) }, workerTemplate: { spec: gpuPod(8) } } } };
    assert.deepEqual([workloadShape('leaderworkerset.x-k8s.io/leaderworkersets', lws).replicas, workloadShape('leaderworkerset.x-k8s.io/leaderworkersets', lws).gpus], [8, 64]);
  });

  it('counts a batch Job by its parallelism, capped by completions', () => {
    assert.equal(workloadShape('batch/jobs', { spec: { completions: 4, parallelism: 2, template: { spec: gpuPod(1) } } }).gpus, 2);
    assert.equal(workloadShape('batch/jobs', { spec: { completions: 1, parallelism: 3, template: { spec: gpuPod(1) } } }).gpus, 1);
  });

  it('counts inference: a KServe predictor and a Triton Deployment', () => {
    const isvc = { spec: { predictor: { minReplicas: 2, model: { modelFormat: { name: 'triton' }, resources: { limits: { 'nvidia.com/gpu': 1 } } } } } };
    assert.equal(workloadShape('serving.kserve.io/inferenceservices', isvc).gpus, 2);
    const triton = { spec: { replicas: 2, template: { spec: { containers: [{ name: 'triton', resources: { limits: { 'nvidia.com/gpu': 1 } } }, { name: 'dcgm-exporter' }] } } } };
    assert.equal(workloadShape('apps/deployments', triton).gpus, 2);
  });
});
