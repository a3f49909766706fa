import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'gpu/no-toleration';
const WHY =
  'with no toleration for the nvidia.com/gpu taint and no GPU node selector: GPU node pools are often tainted (nvidia.com/gpu:NoSchedule), and such pods stay Pending there. Add a toleration for nvidia.com/gpu, or a node selector for your GPU nodes.';
const FIX = 'Add toleration for nvidia.com/gpu';

describe(ID, () => {
  it('accepts GPU tolerations, tolerate-all, GPU node selectors and affinities, Kueue, pods without GPUs, and TrainJobs', () => {
    // A TrainJob's pod spec is its runtime's: the runtime is where tolerations and /dev/shm go.
    checkRule(
      ID,
      fixture`
      apiVersion: trainer.kubeflow.org/v1alpha1
      kind: TrainJob
      metadata:
        name: llama
      spec:
        runtimeRef:
          name: torch-distributed
        trainer:
          image: nvcr.io/nvidia/pytorch:24.05-py3
          command: [torchrun, --nproc-per-node=8, train.py]
          numNodes: 2
          resourcesPerNode:
            limits:
              nvidia.com/gpu: 8
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        pytorchReplicaSpecs:
          Master:
            template:
              spec:
                tolerations: [{ operator: Exists }]
                containers: [{ name: pytorch, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 8 } } }]
          Worker:
            replicas: 2
            template:
              spec:
                tolerations:
                  - { key: sku, operator: Equal, value: gpu, effect: NoSchedule }
                containers: [{ name: pytorch, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 8 } } }]
          Evaluator:
            template:
              spec:
                nodeSelector:
                  cloud.google.com/gke-accelerator: nvidia-l4
                containers: [{ name: pytorch, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 1 } } }]
          Monitor:
            template:
              spec:
                containers: [{ name: tensorboard, image: "tensorflow/tensorflow:2.16.1" }]
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: ray.io/v1
      kind: RayCluster
      metadata:
        name: ray
      spec:
        headGroupSpec:
          template:
            spec:
              containers: [{ name: ray-head, image: "rayproject/ray-ml:2.35.0-py310" }]
        workerGroupSpecs:
          - groupName: a100
            template:
              spec:
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                        - matchExpressions:
                            - { key: nvidia.com/gpu.product, operator: In, values: [NVIDIA-A100-SXM4-80GB] }
                containers: [{ name: ray-worker, image: "rayproject/ray-ml:2.35.0-py310-gpu", resources: { limits: { nvidia.com/gpu: 1 } } }]
          - groupName: spot
            template:
              spec:
                nodeSelector: { karpenter.k8s.aws/instance-gpu-name: a10g }
                containers: [{ name: ray-worker, image: "rayproject/ray-ml:2.35.0-py310-gpu", resources: { limits: { nvidia.com/gpu: 1 } } }]
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: queued
        labels:
          kueue.x-k8s.io/queue-name: gpu-queue
      spec:
        template:
          spec:
            restartPolicy: Never
            containers: [{ name: trainer, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 1 } } }]
    `,
    );
  });

  it('reports once per role, on the role or the pod template', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        pytorchReplicaSpecs:
          Worker:
      #   ^^^^^^ info[gpu/no-toleration]: GPUs are requested in the Worker pods ${WHY}
            replicas: 4
            template:
              spec:
                tolerations:
                  - { key: dedicated, operator: Equal, value: training, effect: NoSchedule }
                nodeSelector: { kubernetes.io/arch: amd64 }
                containers:
                  - { name: pytorch, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 8 } } }
                  - { name: profiler, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/mig-1g.10gb: 1 } } }
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: vllm
      spec:
        replicas: 2
        template:
      # ^^^^^^^^ info[gpu/no-toleration]: GPUs are requested in the Deployment's pods ${WHY}
          spec:
            containers:
              - name: vllm
                image: vllm/vllm-openai:v0.6.3
                resources:
                  limits:
                    nvidia.com/gpu: 1
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: v1
      kind: Pod
      metadata:
        name: smoke
      spec:
      ^^^^ info[gpu/no-toleration]: GPUs are requested in the pod ${WHY}
        initContainers:
          - { name: warmup, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 1 } } }
        containers:
          - { name: main, image: busybox }
    `,
    );
  });

  it("reports an LLMInferenceService's GPU pods by role (unless it names presets), and a RayCronJob's worker group", () => {
    checkRule(
      ID,
      fixture`
      apiVersion: serving.kserve.io/v1alpha2
      kind: LLMInferenceService
      metadata:
        name: llama-70b
      spec:
        model: { uri: "hf://meta-llama/Llama-3.1-70B-Instruct" }
        parallelism: { data: 4, dataLocal: 2 }
        template:
          tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }]
          containers: [{ name: main, resources: { limits: { nvidia.com/gpu: 2 } } }]
        worker:
      # ^^^^^^ info[gpu/no-toleration]: GPUs are requested in the worker pods ${WHY}
          containers: [{ name: main, resources: { limits: { nvidia.com/gpu: 2 } } }]
        prefill:
          replicas: 2
          template:
      #   ^^^^^^^^ info[gpu/no-toleration]: GPUs are requested in the prefill pods ${WHY}
            containers: [{ name: main, resources: { limits: { nvidia.com/gpu: 1 } } }]
        router:
          scheduler:
            template:
              containers: [{ name: main, image: "ghcr.io/llm-d/llm-d-inference-scheduler:v0.3.0" }]
    `,
    );
    // The LLMInferenceServiceConfigs named in baseRefs are merged into its pods: the tolerations may be there.
    checkRule(
      ID,
      fixture`
      apiVersion: serving.kserve.io/v1alpha2
      kind: LLMInferenceService
      metadata:
        name: llama-8b
      spec:
        model: { uri: "hf://meta-llama/Llama-3.1-8B-Instruct" }
        baseRefs: [{ name: vllm-h100-single }]
        template:
          containers: [{ name: main, resources: { limits: { nvidia.com/gpu: 1 } } }]
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: ray.io/v1
      kind: RayCronJob
      metadata:
        name: nightly-eval
      spec:
        schedule: "0 2 * * *"
        jobTemplate:
          entrypoint: python eval.py
          rayClusterSpec:
            headGroupSpec:
              template:
                spec:
                  containers: [{ name: ray-head, image: "rayproject/ray:2.35.0" }]
            workerGroupSpecs:
              - groupName: gpu
      #                    ^^^ info[gpu/no-toleration]: GPUs are requested in the gpu pods ${WHY}
                replicas: 2
                template:
                  spec:
                    containers: [{ name: ray-worker, image: "rayproject/ray:2.35.0-gpu", resources: { limits: { nvidia.com/gpu: 4 } } }]
    `,
    );
  });

  it('adds the toleration to the pod spec, in the style of its tolerations', () => {
    const job = (spec: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  template:
    spec:
${spec}
`;
    const container =
      '      containers:\n        - name: trainer\n          image: nvcr.io/nvidia/pytorch:24.05-py3\n          resources:\n            limits:\n              nvidia.com/gpu: 1';
    checkRuleFix(
      ID,
      job(`      restartPolicy: Never\n${container}`).replace('  template:', '  $0template:'),
      FIX,
      job(
        `      restartPolicy: Never\n${container}\n      tolerations:\n      - key: nvidia.com/gpu\n        operator: Exists\n        effect: NoSchedule`,
      ),
    );
    checkRuleFix(
      ID,
      job(`      tolerations:\n        - key: spot\n          operator: Exists\n${container}`).replace('  template:', '  $0template:'),
      FIX,
      job(
        `      tolerations:\n        - key: spot\n          operator: Exists\n        - key: nvidia.com/gpu\n          operator: Exists\n          effect: NoSchedule\n${container}`,
      ),
    );
    checkRuleFix(
      ID,
      job(`      tolerations: []\n${container}`).replace('  template:', '  $0template:'),
      FIX,
      job(`      tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }]\n${container}`),
    );
    const flow = (tolerations: string) => `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: { name: finetune }
spec:
  pytorchReplicaSpecs:
    Worker:
      template:
        spec: { ${tolerations}containers: [{ name: pytorch, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 8 } } }] }
`;
    checkRuleFix(
      ID,
      flow('').replace('Worker:', '$0Worker:'),
      FIX,
      flow('').replace('}] }', '}] , tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }] }'),
    );
  });
});
