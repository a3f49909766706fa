// Every workload kind reduces to the same view: its pods by role, with replica counts and the
// containers' GPU limits, read from the valid example of each kind.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlFile } from '../parse/yaml-file';
import { workloadOf } from './index';
import type { WorkloadView } from './index';

const KINDS_DIR = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'kinds');

/** A workload as one line: kind, then each role with its replicas and containers' GPUs. */
function summary(workload: WorkloadView): string {
  const pods = workload.pods.map((pod) => {
    const containers = pod.allContainers.map((container) => {
      const gpu = container.resources.limits.find((limit) => /gpu/.test(limit.name));
      return `${container.init ? 'init:' : ''}${container.name ?? '?'}${gpu ? ` ${gpu.name}=${String(gpu.value?.value)}` : ''}`;
    });
    return `${pod.role}×${pod.replicas ?? '?'} [${containers.join(', ')}]`;
  });
  return `${workload.kind}: ${pods.join('; ')}`;
}

function workloadsIn(file: string): string[] {
  const parsed = parseYamlFile(readFileSync(join(KINDS_DIR, file), 'utf8'));
  return parsed.documents.flatMap((document) => {
    const workload = workloadOf(document.root);
    return workload ? [summary(workload)] : [];
  });
}

describe('workload view', () => {
  it('reads every workload kind', () => {
    const files = [
      'pod',
      'job',
      'cronjob',
      'deployment',
      'statefulset',
      'pytorchjob',
      'tfjob',
      'mpijob-v1',
      'mpijob-v2beta1',
      'xgboostjob',
      'paddlejob',
      'jaxjob',
      'trainjob',
      'jobset',
      'volcano-job',
      'raycluster-v1',
      'rayjob-v1',
      'rayservice-v1',
      'leaderworkerset',
      'inferenceservice',
    ];
    const actual = files.flatMap((file) => workloadsIn(`${file}.valid.yaml`));
    assert.deepEqual(actual, [
      'Pod: pod×1 [trainer nvidia.com/gpu=1]',
      'Job: job×2 [trainer nvidia.com/gpu=1]',
      'CronJob: job×1 [eval nvidia.com/gpu=1]',
      'Deployment: pod×2 [vllm nvidia.com/gpu=2]',
      'StatefulSet: pod×3 [redis]',
      'PyTorchJob: Worker×2 [pytorch nvidia.com/gpu=8]',
      'TFJob: Chief×1 [tensorflow nvidia.com/gpu=4]; Worker×2 [tensorflow nvidia.com/gpu=4]',
      'MPIJob: Launcher×1 [launcher]; Worker×2 [worker nvidia.com/gpu=4]',
      'MPIJob: Launcher×1 [launcher]; Worker×2 [worker nvidia.com/gpu=8]',
      'XGBoostJob: Master×1 [xgboost]; Worker×3 [xgboost nvidia.com/gpu=1]',
      'PaddleJob: Worker×2 [paddle nvidia.com/gpu=4]',
      'JAXJob: Worker×2 [jax nvidia.com/gpu=4]',
      'TrainJob: trainer×2 [trainer nvidia.com/gpu=4]',
      // replicas × parallelism: 4 copies of a Job of 2 pods
      'JobSet: workers×8 [jax nvidia.com/gpu=8]',
      'Job: mpimaster×1 [mpimaster]; mpiworker×2 [mpiworker nvidia.com/gpu=1]',
      'RayCluster: head×1 [ray-head]; gpu-a10g×2 [ray-worker nvidia.com/gpu=1]',
      'RayJob: head×1 [ray-head]; gpu-workers×4 [ray-worker nvidia.com/gpu=1]; submitter×1 []',
      'RayService: head×1 [ray-head]; gpu×2 [ray-worker nvidia.com/gpu=1]',
      'LeaderWorkerSet: leader×2 [vllm-leader nvidia.com/gpu=8]; worker×2 [vllm-worker nvidia.com/gpu=8]',
      'InferenceService: predictor×1 [model nvidia.com/gpu=1]',
    ]);
  });
});
