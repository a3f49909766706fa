// The findings of gpu/shm-missing: which containers need a memory-backed /dev/shm and which are fine
// without (its quick fix is tested in shm-missing-fix.test.ts).
import { fixture } from '../../../../../test/harness/fixture';
import { checkRule } from '../../../../../test/harness/rules';

const ID = 'gpu/shm-missing';
const WHY =
  "but has no memory-backed /dev/shm: it gets the container runtime's 64 MB, on which DataLoader workers die with a bus error and NCCL cannot set up shared memory. Mount an emptyDir with medium: Memory at /dev/shm, or set hostIPC: true.";

describe(ID, () => {
  it('accepts a memory-backed /dev/shm, hostIPC, any volume at /dev/shm, single-process containers, Ray, TrainJobs and LLMInferenceServices', () => {
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
          resourcesPerNode: { limits: { nvidia.com/gpu: 8 } }
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
                hostIPC: true
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
                    command: [torchrun, --nproc-per-node=8, train.py]
                    resources: { limits: { nvidia.com/gpu: 8 } }
                    volumeMounts: [{ name: dshm, mountPath: /dev/shm/ }]
                  - name: log-shipper
                    image: fluent/fluent-bit:3.1
                volumes:
                  - name: dshm
                    emptyDir: { medium: Memory, sizeLimit: 64Gi }
    `,
    );
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
            initContainers:
              - name: download
                image: nvcr.io/nvidia/pytorch:24.05-py3
                command: [torchrun, --nproc-per-node=2, fetch.py]
            containers:
              - name: trainer
                image: nvcr.io/nvidia/pytorch:24.05-py3
                command: [bash, -c, "torchrun --nproc-per-node=2 train.py"]
                resources: { limits: { nvidia.com/gpu: 2 } }
                volumeMounts:
                  - name: host-shm
                    mountPath: /dev/shm
              - name: single
                image: nvcr.io/nvidia/pytorch:24.05-py3
                command: [python, train.py]
                resources: { limits: { nvidia.com/gpu: 1 } }
            volumes:
              - name: host-shm
                hostPath: { path: /dev/shm }
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
                - name: ray-head
                  image: rayproject/ray-ml:2.35.0-py310-gpu
        workerGroupSpecs:
          - groupName: gpu
            replicas: 2
            template:
              spec:
                containers:
                  - name: ray-worker
                    image: rayproject/ray-ml:2.35.0-py310-gpu
                    resources: { limits: { nvidia.com/gpu: 8 } }
    `,
    );
    // KServe merges an LLMInferenceService's pod specs with its presets, which mount a memory-backed /dev/shm.
    checkRule(
      ID,
      fixture`
      apiVersion: serving.kserve.io/v1alpha2
      kind: LLMInferenceService
      metadata:
        name: llama-70b
      spec:
        model: { uri: "hf://meta-llama/Llama-3.1-70B-Instruct" }
        parallelism: { tensor: 8 }
        template:
          containers: [{ name: main, resources: { limits: { nvidia.com/gpu: 8 } } }]
    `,
    );
  });

  it('reports launchers, multi-GPU containers and the training container of a PyTorchJob', () => {
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
                  - name: log-shipper
                    image: fluent/fluent-bit:3.1
                  - name: pytorch
      #                   ^^^^^^^ warning[gpu/shm-missing]: Container pytorch trains in a PyTorchJob ${WHY}
                    image: nvcr.io/nvidia/pytorch:24.05-py3
          Worker:
            template:
              spec:
                containers:
                  - name: trainer
      #                   ^^^^^^^ warning[gpu/shm-missing]: Container trainer trains in a PyTorchJob ${WHY}
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    volumeMounts:
                      - name: scratch
                        mountPath: /scratch
                volumes:
                  - name: scratch
                    emptyDir: { medium: Memory }
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: jobset.x-k8s.io/v1alpha2
      kind: JobSet
      metadata:
        name: pretrain
      spec:
        replicatedJobs:
          - name: workers
            replicas: 2
            template:
              spec:
                template:
                  spec:
                    restartPolicy: Never
                    hostIPC: false
                    containers:
                      - name: deepspeed
      #                       ^^^^^^^^^ warning[gpu/shm-missing]: Container deepspeed runs deepspeed ${WHY}
                        image: ghcr.io/acme/trainer:1.0
                        command: [sh, -c]
                        args:
                          - |
                            pip install -r requirements.txt
                            deepspeed --num_gpus 4 train.py
                        resources: { limits: { nvidia.com/gpu: 4 } }
                      - name: accelerate
      #                       ^^^^^^^^^^ warning[gpu/shm-missing]: Container accelerate runs accelerate launch ${WHY}
                        image: ghcr.io/acme/trainer:1.0
                        command: [accelerate, launch, train.py]
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
        replicas: 1
        template:
          spec:
            containers:
              - name: vllm
      #               ^^^^ warning[gpu/shm-missing]: Container vllm has 2 GPUs ${WHY}
                image: vllm/vllm-openai:v0.6.3
                args: [--model, meta-llama/Llama-3.1-8B-Instruct, --tensor-parallel-size, "2"]
                resources:
                  limits:
                    nvidia.com/gpu: 2
                    memory: 96Gi
    `,
    );
  });
});
