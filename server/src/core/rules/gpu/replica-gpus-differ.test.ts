import { fixture } from '../../../../../test/harness/fixture';
import { checkRule } from '../../../../../test/harness/rules';

const ID = 'gpu/replica-gpus-differ';
const WHY =
  'the job starts the same number of processes on every pod, so pods with fewer GPUs get ranks without one and pods with more leave GPUs idle. Give every role the same GPU limit.';

describe(ID, () => {
  it('accepts uniform roles, coordinators without GPUs, CPU jobs and kinds whose roles are different programs', () => {
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
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources: { limits: { nvidia.com/gpu: 8 } }
          Worker:
            replicas: 3
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources: { limits: { nvidia.com/gpu: "8" } }
                  - name: sidecar
                    image: busybox
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: cpu-ddp
      spec:
        pytorchReplicaSpecs:
          Master:
            template:
              spec:
                containers: [{ name: pytorch, image: "pytorch/pytorch:2.4.0-cpu" }]
          Worker:
            replicas: 3
            template:
              spec:
                containers: [{ name: pytorch, image: "pytorch/pytorch:2.4.0-cpu", resources: { limits: { cpu: 8 } } }]
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: TFJob
      metadata:
        name: ps-training
      spec:
        tfReplicaSpecs:
          Chief:
            template:
              spec:
                containers:
                  - { name: tensorflow, image: "tensorflow/tensorflow:2.16.1-gpu" }
          PS:
            replicas: 2
            template:
              spec:
                containers:
                  - { name: tensorflow, image: "tensorflow/tensorflow:2.16.1" }
          Worker:
            replicas: 4
            template:
              spec:
                containers:
                  - { name: tensorflow, image: "tensorflow/tensorflow:2.16.1-gpu", resources: { limits: { nvidia.com/gpu: 4 } } }
          Evaluator:
            template:
              spec:
                containers:
                  - { name: tensorflow, image: "tensorflow/tensorflow:2.16.1-gpu", resources: { limits: { nvidia.com/gpu: 1 } } }
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: leaderworkerset.x-k8s.io/v1
      kind: LeaderWorkerSet
      metadata:
        name: vllm
      spec:
        leaderWorkerTemplate:
          size: 2
          leaderTemplate:
            spec:
              containers:
                - { name: router, image: "vllm/vllm-openai:v0.6.3" }
          workerTemplate:
            spec:
              containers:
                - { name: vllm, image: "vllm/vllm-openai:v0.6.3", resources: { limits: { nvidia.com/gpu: 8 } } }
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
              containers:
                - { name: ray-head, image: "rayproject/ray-ml:2.35.0-py310" }
        workerGroupSpecs:
          - groupName: small
            template:
              spec:
                containers:
                  - { name: ray-worker, image: "rayproject/ray-ml:2.35.0-py310-gpu", resources: { limits: { nvidia.com/gpu: 1 } } }
          - groupName: large
            template:
              spec:
                containers:
                  - { name: ray-worker, image: "rayproject/ray-ml:2.35.0-py310-gpu", resources: { limits: { nvidia.com/gpu: 8 } } }
    `,
    );
  });

  it("reports a PyTorchJob's Master without the Workers' GPUs, even with none", () => {
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
      #   ^^^^^^ warning[gpu/replica-gpus-differ]: The Master pods have 0 GPUs each, unlike the rest of this PyTorchJob (Master 0, Worker 8): ${WHY}
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
          Worker:
            replicas: 2
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources: { limits: { nvidia.com/gpu: 8 } }
    `,
    );
  });

  it('reports JobSet replicated jobs, LeaderWorkerSet leaders and Volcano tasks (of a Job or a JobTemplate) that differ from the most pods', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: jobset.x-k8s.io/v1alpha2
      kind: JobSet
      metadata:
        name: pretrain
      spec:
        replicatedJobs:
          - name: driver
            template:
              spec:
                template:
                  spec:
                    restartPolicy: Never
                    containers: [{ name: driver, image: "python:3.12" }]
          - name: workers
            replicas: 4
            template:
              spec:
                template:
                  spec:
                    restartPolicy: Never
                    containers: [{ name: jax, image: "ghcr.io/acme/maxtext:2024.10", resources: { limits: { nvidia.com/gpu: 8 } } }]
          - name: stragglers
      #           ^^^^^^^^^^ warning[gpu/replica-gpus-differ]: The stragglers pods have 4 GPUs each, unlike the rest of this JobSet (workers 8, stragglers 4): ${WHY}
            template:
              spec:
                template:
                  spec:
                    restartPolicy: Never
                    containers: [{ name: jax, image: "ghcr.io/acme/maxtext:2024.10", resources: { limits: { nvidia.com/gpu: 4 } } }]
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: leaderworkerset.x-k8s.io/v1
      kind: LeaderWorkerSet
      metadata:
        name: vllm
      spec:
        replicas: 2
        leaderWorkerTemplate:
          size: 3
          leaderTemplate:
      #   ^^^^^^^^^^^^^^ warning[gpu/replica-gpus-differ]: The leader pods have 4 GPUs each, unlike the rest of this LeaderWorkerSet (leader 4, worker 8): ${WHY}
            spec:
              containers:
                - { name: vllm, image: "vllm/vllm-openai:v0.6.3", resources: { limits: { nvidia.com/gpu: 4 } } }
          workerTemplate:
            spec:
              containers:
                - { name: vllm, image: "vllm/vllm-openai:v0.6.3", resources: { limits: { nvidia.com/gpu: 8 } } }
    `,
    );
    // A JobTemplate is the spec of the Volcano Job a JobFlow creates.
    for (const [apiVersion, kind] of [
      ['batch.volcano.sh/v1alpha1', 'Job'],
      ['flow.volcano.sh/v1alpha1', 'JobTemplate'],
    ])
      checkRule(
        ID,
        fixture`
      apiVersion: ${apiVersion}
      kind: ${kind}
      metadata:
        name: pytorch-ddp
      spec:
        minAvailable: 3
        schedulerName: volcano
        plugins:
          pytorch: ["--master=master", "--worker=worker", "--port=23456"]
        tasks:
          - name: master
      #           ^^^^^^ warning[gpu/replica-gpus-differ]: The master pods have 1 GPU each, unlike the rest of this ${kind} (master 1, worker 2): ${WHY}
            replicas: 1
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{ name: pytorch, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 1 } } }]
          - name: worker
            replicas: 2
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{ name: pytorch, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 2 } } }]
    `,
      );
  });

  it('leaves a batch/v1 Job alone: one template', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: train
      spec:
        template:
          spec:
            restartPolicy: Never
            containers: [{ name: trainer, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 2 } } }]
    `,
    );
  });
});
