// One table pins what every workload kind runs: its roles (pods × GPUs per pod), its pods and
// its GPUs. The CodeLens, the hover, the Clusters view and the demo cluster read these numbers
// (test/meta/gpu-totals-agree.test.ts checks that they do, on the demo scenario). This file holds
// Kubernetes' own kinds and the training operators'; gpu-totals-platforms.test.ts the platforms'.
import * as assert from 'node:assert/strict';
import { describeTotals, jobSpec, pod, template, type TotalsCase } from '../../test/harness/workload-totals';
import { workloadOfObject } from './objects';
import { workloadTotals } from './gpu-summary';
import { PLATFORM_CASES } from './gpu-totals-platforms.test';
import { WORKLOAD_KINDS } from './workloads';

const kubeflow = (field: string, roles: Record<string, [number | undefined, number]>) => ({
  spec: {
    [field]: Object.fromEntries(Object.entries(roles).map(([role, [replicas, count]]) => [role, { replicas, template: template(count) }])),
  },
});

const CASES: TotalsCase[] = [
  { groupKind: '/Pod', object: { spec: pod(2) }, expected: 'pod 1×2 = 1 pods, 2 GPUs' },
  { groupKind: 'batch/Job', object: { spec: jobSpec(1, { parallelism: 3, completions: 2 }) }, expected: 'job 2×1 = 2 pods, 2 GPUs' },
  { groupKind: 'batch/CronJob', object: { spec: { jobTemplate: { spec: jobSpec(4) } } }, expected: 'job 1×4 = 1 pods, 4 GPUs' },
  { groupKind: 'apps/Deployment', object: { spec: { replicas: 3, template: template(1) } }, expected: 'pod 3×1 = 3 pods, 3 GPUs' },
  { groupKind: 'apps/StatefulSet', object: { spec: { template: template(8) } }, expected: 'pod 1×8 = 1 pods, 8 GPUs' },
  { groupKind: 'apps/ReplicaSet', object: { spec: { replicas: 0, template: template(8) } }, expected: 'pod 0×8 = 0 pods, 0 GPUs' },
  { groupKind: 'apps/DaemonSet', object: { spec: { template: template(1) } }, expected: 'pod ?×1 = ≥ 1 pods, 1 GPUs' },
  {
    groupKind: 'kubeflow.org/PyTorchJob',
    object: kubeflow('pytorchReplicaSpecs', { Master: [1, 8], Worker: [3, 8] }),
    expected: 'Master 1×8, Worker 3×8 = 4 pods, 32 GPUs',
  },
  {
    groupKind: 'kubeflow.org/TFJob',
    object: kubeflow('tfReplicaSpecs', { Chief: [undefined, 1], Worker: [2, 1] }),
    expected: 'Chief 1×1, Worker 2×1 = 3 pods, 3 GPUs',
  },
  {
    groupKind: 'kubeflow.org/MPIJob',
    object: kubeflow('mpiReplicaSpecs', { Launcher: [1, 0], Worker: [2, 4] }),
    expected: 'Launcher 1×0, Worker 2×4 = 3 pods, 8 GPUs',
  },
  {
    groupKind: 'kubeflow.org/XGBoostJob',
    object: kubeflow('xgbReplicaSpecs', { Master: [1, 1], Worker: [4, 1] }),
    expected: 'Master 1×1, Worker 4×1 = 5 pods, 5 GPUs',
  },
  {
    groupKind: 'kubeflow.org/PaddleJob',
    object: kubeflow('paddleReplicaSpecs', { Worker: [2, 8] }),
    expected: 'Worker 2×8 = 2 pods, 16 GPUs',
  },
  { groupKind: 'kubeflow.org/JAXJob', object: kubeflow('jaxReplicaSpecs', { Worker: [4, 4] }), expected: 'Worker 4×4 = 4 pods, 16 GPUs' },
  {
    groupKind: 'trainer.kubeflow.org/TrainJob',
    object: {
      spec: { runtimeRef: { name: 'torch-distributed' }, trainer: { numNodes: 4, resourcesPerNode: { limits: { 'nvidia.com/gpu': 8 } } } },
    },
    expected: 'trainer 4×8 = 4 pods, 32 GPUs',
  },
  // Without numNodes the runtime decides: at least one node.
  {
    groupKind: 'trainer.kubeflow.org/TrainJob',
    object: { spec: { trainer: { resourcesPerNode: { limits: { 'nvidia.com/gpu': 8 } } } } },
    expected: 'trainer ?×8 = ≥ 1 pods, 8 GPUs',
  },
  {
    groupKind: 'jobset.x-k8s.io/JobSet',
    object: {
      spec: { replicatedJobs: [{ name: 'workers', replicas: 4, template: { spec: jobSpec(8, { parallelism: 2, completions: 2 }) } }] },
    },
    expected: 'workers 8×8 = 8 pods, 64 GPUs',
  },
  {
    groupKind: 'batch.volcano.sh/Job',
    object: {
      spec: {
        tasks: [
          { name: 'ps', replicas: 1, template: template(0) },
          { name: 'worker', replicas: 4, template: template(1) },
        ],
      },
    },
    expected: 'ps 1×0, worker 4×1 = 5 pods, 4 GPUs',
  },
  {
    groupKind: 'ray.io/RayCluster',
    object: {
      spec: {
        headGroupSpec: { template: template(0) },
        workerGroupSpecs: [
          // Above maxReplicas: KubeRay keeps 2.
          { groupName: 'small', replicas: 5, minReplicas: 1, maxReplicas: 2, template: template(1) },
          // A multi-host group: 2 replicas of 4 hosts each.
          { groupName: 'slice', replicas: 2, numOfHosts: 4, template: template(4) },
          { groupName: 'off', replicas: 3, suspend: true, template: template(8) },
        ],
      },
    },
    expected: 'head 1×0, small 2×1, slice 8×4, off 0×8 = 11 pods, 34 GPUs',
  },
  {
    groupKind: 'ray.io/RayJob',
    object: {
      spec: {
        entrypoint: 'python tune.py',
        rayClusterSpec: {
          headGroupSpec: { template: template(0) },
          workerGroupSpecs: [{ groupName: 'gpu', minReplicas: 3, template: template(1) }],
        },
      },
    },
    expected: 'head 1×0, gpu 3×1, submitter 1×0 = 5 pods, 3 GPUs',
  },
  {
    groupKind: 'ray.io/RayService',
    object: {
      spec: {
        rayClusterConfig: {
          headGroupSpec: { template: template(0) },
          workerGroupSpecs: [{ groupName: 'serve', replicas: 2, template: template(1) }],
        },
      },
    },
    expected: 'head 1×0, serve 2×1 = 3 pods, 2 GPUs',
  },
  {
    groupKind: 'leaderworkerset.x-k8s.io/LeaderWorkerSet',
    object: { spec: { replicas: 2, leaderWorkerTemplate: { size: 4, leaderTemplate: template(8), workerTemplate: template(8) } } },
    expected: 'leader 2×8, worker 6×8 = 8 pods, 64 GPUs',
  },
  {
    groupKind: 'kueue.x-k8s.io/Workload',
    object: {
      spec: {
        queueName: 'training',
        podSets: [
          { name: 'master', count: 1, template: template(8) },
          { name: 'worker', count: 3, template: template(8) },
        ],
      },
    },
    expected: 'master 1×8, worker 3×8 = 4 pods, 32 GPUs',
  },
  {
    groupKind: 'flow.volcano.sh/JobTemplate',
    object: { spec: { tasks: [{ name: 'train', replicas: 2, template: template(8) }] } },
    expected: 'train 2×8 = 2 pods, 16 GPUs',
  },
  {
    groupKind: 'ray.io/RayCronJob',
    object: {
      spec: {
        schedule: '0 2 * * *',
        jobTemplate: {
          entrypoint: 'python nightly_eval.py',
          rayClusterSpec: {
            headGroupSpec: { template: template(0) },
            workerGroupSpecs: [{ groupName: 'gpu', replicas: 2, template: template(4) }],
          },
        },
      },
    },
    expected: 'head 1×0, gpu 2×4, submitter 1×0 = 4 pods, 8 GPUs',
  },
];

describe('workload totals: pods and GPUs of every workload kind', () => {
  for (const { groupKind, object, expected } of CASES) {
    it(`${groupKind}: ${expected}`, () => assert.equal(describeTotals(groupKind, object), expected));
  }

  it('has a case for every workload kind', () => {
    const covered = new Set([...CASES, ...PLATFORM_CASES].map((c) => c.groupKind));
    assert.deepEqual(
      WORKLOAD_KINDS.filter((kind) => !covered.has(kind)),
      [],
    );
  });

  it('reads the kind from the object when it says it, as a manifest does', () => {
    const job = { apiVersion: 'kubeflow.org/v1', kind: 'PyTorchJob', ...kubeflow('pytorchReplicaSpecs', { Worker: [2, 4] }) };
    assert.equal(workloadTotals(workloadOfObject('kubeflow.org/v1', 'PyTorchJob', job)!).gpus, 8);
  });

  it('answers undefined for a kind that runs no pods', () => {
    assert.equal(workloadOfObject('v1', 'ConfigMap', { data: {} }), undefined);
  });
});
