// The pods and GPUs of the platforms around training: serving (KServe, NIM, Knative), data and
// pipelines (Spark, Argo) and notebooks. The table of the training kinds, and the check that every
// workload kind has a case, are in gpu-totals.test.ts.
import * as assert from 'node:assert/strict';
import { describeTotals, gpus, pod, template, type TotalsCase } from '../../test/harness/workload-totals';

/** A NIMService spec: the NIM container's fields are the spec's own. */
const nim = (count: number) => ({
  image: { repository: 'nvcr.io/nim/meta/llama-3.1-8b-instruct', tag: '1.8' },
  resources: gpus(count).resources,
});

export const PLATFORM_CASES: TotalsCase[] = [
  {
    groupKind: 'serving.kserve.io/InferenceService',
    object: {
      spec: { predictor: { minReplicas: 2, model: { modelFormat: { name: 'pytorch' }, resources: { limits: { 'nvidia.com/gpu': 1 } } } } },
    },
    expected: 'predictor 2×1 = 2 pods, 2 GPUs',
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

describe('workload totals: pods and GPUs of the serving, data, pipeline and notebook kinds', () => {
  for (const { groupKind, object, expected } of PLATFORM_CASES) {
    it(`${groupKind}: ${expected}`, () => assert.equal(describeTotals(groupKind, object), expected));
  }
});
