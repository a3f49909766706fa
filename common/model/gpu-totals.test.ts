// One table pins what every workload kind runs: its roles (pods × GPUs per pod), its pods and
// its GPUs. The CodeLens, the hover, the Clusters view and the demo cluster read these numbers
// (test/meta/gpu-totals-agree.test.ts checks that they do, on the demo scenario).
import * as assert from 'node:assert/strict';
import { workloadOfObject } from './objects';
import { workloadTotals } from './gpu-summary';
import { WORKLOAD_KINDS } from './workloads';

const gpus = (count: number | string, name = 'c') => ({ name, image: 'x', resources: { limits: { 'nvidia.com/gpu': count, cpu: '8' } } });
const pod = (count: number | string, extra: Record<string, unknown> = {}) => ({ containers: [gpus(count)], ...extra });
const template = (count: number | string) => ({ spec: pod(count) });
const jobSpec = (count: number, extra: Record<string, unknown> = {}) => ({ ...extra, template: template(count) });
/** A NIMService spec: the NIM container's fields are the spec's own. */
const nim = (count: number) => ({
  image: { repository: 'nvcr.io/nim/meta/llama-3.1-8b-instruct', tag: '1.8' },
  resources: gpus(count).resources,
});

interface Case {
  groupKind: string;
  object: unknown;
  /** `role pods×gpus` per role, then `= pods pods, gpus GPUs` (`≥` when a count is open). */
  expected: string;
}

const kubeflow = (field: string, roles: Record<string, [number | undefined, number]>) => ({
  spec: {
    [field]: Object.fromEntries(Object.entries(roles).map(([role, [replicas, count]]) => [role, { replicas, template: template(count) }])),
  },
});

const CASES: Case[] = [
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
    groupKind: 'serving.kserve.io/InferenceService',
    object: {
      spec: { predictor: { minReplicas: 2, model: { modelFormat: { name: 'pytorch' }, resources: { limits: { 'nvidia.com/gpu': 1 } } } } },
    },
    expected: 'predictor 2×1 = 2 pods, 2 GPUs',
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
  // Without a worker: a Deployment of `replicas` pods of the template.
  {
    groupKind: 'serving.kserve.io/LLMInferenceService',
    object: { spec: { model: { uri: 'hf://m' }, replicas: 2, template: pod(1) } },
    expected: 'main 2×1 = 2 pods, 2 GPUs',
  },
  // With one: a LeaderWorkerSet group of data / dataLocal pods (16 / 8), the prefill pods and the endpoint picker beside it.
  {
    groupKind: 'serving.kserve.io/LLMInferenceService',
    object: {
      spec: {
        parallelism: { data: 16, dataLocal: 8 },
        template: pod(8),
        worker: pod(8),
        prefill: { replicas: 2, template: pod(4) },
        router: { scheduler: { template: { containers: [{ name: 'epp', image: 'x' }] } } },
      },
    },
    expected: 'leader 1×8, worker 1×8, prefill 2×4, scheduler 1×0 = 5 pods, 24 GPUs',
  },
  // No leader template: every pod of a group is a worker; an autoscaled service runs at least minReplicas groups. A
  // scheduler routing through an existing InferencePool (pool.ref) deploys no endpoint picker.
  {
    groupKind: 'serving.kserve.io/LLMInferenceService',
    object: {
      spec: {
        scaling: { minReplicas: 2, maxReplicas: 4 },
        parallelism: { pipeline: 2, tensor: 8 },
        worker: pod(8),
        router: { scheduler: { pool: { ref: { name: 'shared-pool' } }, template: pod(0) } },
      },
    },
    expected: 'worker 4×8 = 4 pods, 32 GPUs',
  },
  // Stopped: KServe deletes its workloads.
  {
    groupKind: 'serving.kserve.io/LLMInferenceService',
    object: {
      metadata: { annotations: { 'serving.kserve.io/stop': 'True' } },
      spec: { replicas: 3, template: pod(1), router: { scheduler: { template: pod(0) } } },
    },
    expected: 'main 0×1, scheduler 0×0 = 0 pods, 0 GPUs',
  },
  {
    groupKind: 'sparkoperator.k8s.io/SparkApplication',
    object: {
      spec: {
        type: 'Python',
        driver: { cores: 1, memory: '4g' },
        executor: { instances: 4, cores: 8, memory: '32g', gpu: { name: 'nvidia.com/gpu', quantity: 1 } },
      },
    },
    expected: 'driver 1×0, executor 4×1 = 5 pods, 4 GPUs',
  },
  // Dynamic allocation starts the most of instances, initialExecutors and minExecutors; a pod template can hold the GPUs.
  {
    groupKind: 'sparkoperator.k8s.io/ScheduledSparkApplication',
    object: {
      spec: {
        schedule: '@daily',
        template: {
          dynamicAllocation: { enabled: true, initialExecutors: 2, minExecutors: 3, maxExecutors: 10 },
          driver: {},
          executor: { template: { spec: { containers: [gpus(2, 'executor')] } } },
        },
      },
    },
    expected: 'driver 1×0, executor 3×2 = 4 pods, 6 GPUs',
  },
  {
    groupKind: 'argoproj.io/Workflow',
    object: {
      spec: {
        entrypoint: 'train',
        templates: [
          { name: 'train', steps: [[{ name: 'fit', template: 'fit' }], [{ name: 'eval', template: 'eval' }]] },
          { name: 'fit', container: gpus(8) },
          { name: 'eval', script: { ...gpus(1), source: 'print(1)' } },
        ],
      },
    },
    expected: 'fit ?×8, eval ?×1 = ≥ 2 pods, 9 GPUs',
  },
  {
    groupKind: 'argoproj.io/WorkflowTemplate',
    object: { spec: { templates: [{ name: 'pair', containerSet: { containers: [gpus(2, 'a'), gpus(2, 'b')] } }] } },
    expected: 'pair ?×4 = ≥ 1 pods, 4 GPUs',
  },
  {
    groupKind: 'argoproj.io/ClusterWorkflowTemplate',
    object: { spec: { templates: [{ name: 'tune', container: gpus(4), sidecars: [gpus(0, 'metrics')] }] } },
    expected: 'tune ?×4 = ≥ 1 pods, 4 GPUs',
  },
  {
    groupKind: 'argoproj.io/CronWorkflow',
    object: { spec: { schedules: ['0 2 * * *'], workflowSpec: { templates: [{ name: 'nightly', container: gpus(1) }] } } },
    expected: 'nightly ?×1 = ≥ 1 pods, 1 GPUs',
  },
  // More counts of these kinds (autoscaled, multi-node, stopped, min-scale) in kinds/pod-counts.test.ts.
  { groupKind: 'apps.nvidia.com/NIMService', object: { spec: { replicas: 2, ...nim(1) } }, expected: 'NIM 2×1 = 2 pods, 2 GPUs' },
  // Only the services set enabled run.
  {
    groupKind: 'apps.nvidia.com/NIMPipeline',
    object: {
      spec: {
        services: [
          { name: 'llm', enabled: true, spec: nim(1) },
          { name: 'reranker', spec: nim(1) },
        ],
      },
    },
    expected: 'llm 1×1 = 1 pods, 1 GPUs',
  },
  { groupKind: 'kubeflow.org/Notebook', object: { spec: { template: template(1) } }, expected: 'notebook 1×1 = 1 pods, 1 GPUs' },
  { groupKind: 'serving.knative.dev/Service', object: { spec: { template: template(1) } }, expected: 'revision ?×1 = ≥ 1 pods, 1 GPUs' },
  {
    groupKind: 'serving.knative.dev/Configuration',
    object: { spec: { template: template(4) } },
    expected: 'revision ?×4 = ≥ 1 pods, 4 GPUs',
  },
];

function describeTotals(groupKind: string, object: unknown): string {
  const [group, kind] = groupKind.split('/');
  const view = workloadOfObject(group ? `${group}/v1` : 'v1', kind, object);
  assert.ok(view, `${groupKind} is a workload kind`);
  const totals = workloadTotals(view);
  const roles = totals.roles.map((role) => `${role.role} ${role.replicas ?? '?'}×${role.gpusPerPod}`).join(', ');
  const least = totals.atLeast ? '≥ ' : '';
  return `${roles} = ${least}${totals.pods} pods, ${totals.gpus} GPUs`;
}

describe('workload totals: pods and GPUs of every workload kind', () => {
  for (const { groupKind, object, expected } of CASES) {
    it(`${groupKind}: ${expected}`, () => assert.equal(describeTotals(groupKind, object), expected));
  }

  it('has a case for every workload kind', () => {
    const covered = new Set(CASES.map((c) => c.groupKind));
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
