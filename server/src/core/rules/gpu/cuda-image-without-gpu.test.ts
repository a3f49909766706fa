import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'gpu/cuda-image-without-gpu';

const WHY =
  "without a GPU limit: the scheduler gives it no GPU, yet on a GPU node the NVIDIA runtime honours the image's NVIDIA_VISIBLE_DEVICES=all and shows it every GPU there, other pods' included (elsewhere it sees none). Set limits: nvidia.com/gpu to the GPUs it needs, or NVIDIA_VISIBLE_DEVICES=void in its env if it needs none.";
const HEAD =
  'without a GPU limit and rayStartParams has no num-gpus: Ray then counts the GPUs the container sees, and on a GPU node the NVIDIA runtime shows it every GPU there (the image sets NVIDIA_VISIBLE_DEVICES=all), so Ray can place GPU tasks on the head, on GPUs other pods hold. Set rayStartParams num-gpus: "0", or give the head a GPU limit.';

describe(ID, () => {
  it('accepts CUDA images with GPUs, containers that hide the GPUs, init containers, launchers and DRA claims', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v2beta1
      kind: MPIJob
      metadata:
        name: bert
      spec:
        mpiReplicaSpecs:
          Launcher:
            replicas: 1
            template:
              spec:
                containers:
                  - name: launcher
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    command: [mpirun, python, train.py]
          Worker:
            replicas: 2
            template:
              spec:
                initContainers:
                  - name: fetch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    command: [python, fetch.py]
                containers:
                  - name: worker
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources:
                      limits:
                        nvidia.com/gpu: 4
                  - name: metrics
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    env:
                      - name: NVIDIA_VISIBLE_DEVICES
                        value: void
                  - name: loader
                    image: pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime
                    env:
                      - name: CUDA_VISIBLE_DEVICES
                        value: ""
                  - name: claimed
                    image: vllm/vllm-openai:v0.5.0
                    resources:
                      claims:
                        - name: gpu
                  - name: mig
                    image: nvcr.io/nvidia/tritonserver:24.05-py3
                    resources:
                      limits:
                        nvidia.com/mig-1g.10gb: 1
                  - name: shell
                    image: busybox
    `,
    );
  });

  it('leaves a TrainJob trainer without resources to its runtime, and reports one that sets them without a GPU', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: trainer.kubeflow.org/v1alpha1
      kind: TrainJob
      metadata:
        name: sft
      spec:
        runtimeRef:
          name: torch-distributed
        trainer:
          image: nvcr.io/nvidia/pytorch:24.05-py3
          numNodes: 2
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: trainer.kubeflow.org/v1alpha1
      kind: TrainJob
      metadata:
        name: sft
      spec:
        runtimeRef:
          name: torch-distributed
        trainer:
          image: nvcr.io/nvidia/pytorch:24.05-py3
      #          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/cuda-image-without-gpu]: Container trainer runs the CUDA image nvcr.io/nvidia/pytorch:24.05-py3 ${WHY}
          numNodes: 2
          resourcesPerNode:
            limits: { cpu: 8 }
    `,
    );
  });

  it('leaves an LLMInferenceService container without resources to the presets it names, and reports one naming none', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: serving.kserve.io/v1alpha2
      kind: LLMInferenceService
      metadata:
        name: qwen
      spec:
        model: { uri: "hf://Qwen/Qwen2.5-7B-Instruct" }
        baseRefs: [{ name: vllm-h100-single }]
        template:
          containers: [{ name: main, image: "vllm/vllm-openai:v0.6.3" }]
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: serving.kserve.io/v1alpha2
      kind: LLMInferenceService
      metadata:
        name: qwen
      spec:
        model: { uri: "hf://Qwen/Qwen2.5-7B-Instruct" }
        template:
          containers:
            - name: main
              image: vllm/vllm-openai:v0.6.3
      #              ^^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/cuda-image-without-gpu]: Container main runs the CUDA image vllm/vllm-openai:v0.6.3 ${WHY}
    `,
    );
  });

  it('leaves node agents and CPU builds alone', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: dcgm
      spec:
        selector:
          matchLabels: { app: dcgm }
        template:
          metadata:
            labels: { app: dcgm }
          spec:
            containers:
              - name: exporter
                image: nvcr.io/nvidia/k8s/dcgm-exporter:3.3.5-3.4.1-ubuntu22.04
              - name: ray
                image: rayproject/ray:2.9.0-cpu
    `,
    );
  });

  it('reports a CUDA image without GPUs, in each role that is not a launcher', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: TFJob
      metadata:
        name: mnist
      spec:
        tfReplicaSpecs:
          PS:
            replicas: 1
            template:
              spec:
                containers:
                  - name: tensorflow
                    image: tensorflow/tensorflow:2.15.0-gpu
      #                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/cuda-image-without-gpu]: Container tensorflow of PS runs the CUDA image tensorflow/tensorflow:2.15.0-gpu ${WHY}
          Worker:
            replicas: 2
            template:
              spec:
                containers:
                  - name: tensorflow
                    image: tensorflow/tensorflow:2.15.0-gpu
                    resources:
                      limits:
                        nvidia.com/gpu: 1
                  - name: sidecar
                    image: "nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04"
      #                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/cuda-image-without-gpu]: Container sidecar of Worker runs the CUDA image nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04 ${WHY}
    `,
    );
  });

  it('tells about a Ray head without num-gpus, and warns for a worker group', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: ray.io/v1
      kind: RayCluster
      metadata:
        name: raycluster
      spec:
        headGroupSpec:
          rayStartParams:
            dashboard-host: 0.0.0.0
          template:
            spec:
              containers:
                - name: ray-head
                  image: rayproject/ray:2.9.0-py310-cu121
      #                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[gpu/cuda-image-without-gpu]: The Ray head's container ray-head runs the CUDA image rayproject/ray:2.9.0-py310-cu121 ${HEAD}
        workerGroupSpecs:
          - groupName: gpu
            replicas: 2
            rayStartParams: {}
            template:
              spec:
                containers:
                  - name: ray-worker
                    image: rayproject/ray:2.9.0-py310-cu121
      #                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/cuda-image-without-gpu]: Container ray-worker of gpu runs the CUDA image rayproject/ray:2.9.0-py310-cu121 ${WHY}
          - groupName: cpu
            replicas: 2
            rayStartParams:
              num-gpus: "0"
            template:
              spec:
                containers:
                  - name: ray-worker
                    image: rayproject/ray:2.9.0-py310-cu121
    `,
    );
  });

  it('hides the GPUs with NVIDIA_VISIBLE_DEVICES=void: in env, or a new env', () => {
    const pod = (container: string) => `apiVersion: v1
kind: Pod
metadata:
  name: serve
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.5.0
      resources:
        limits:
          nvidia.com/gpu: 1
    - name: warmup
${container}`;
    const title = "Hide the node's GPUs: set NVIDIA_VISIBLE_DEVICES=void";
    checkRuleFix(
      ID,
      pod('      image: $0vllm/vllm-openai:v0.5.0\n'),
      title,
      pod('      image: vllm/vllm-openai:v0.5.0\n      env:\n      - name: NVIDIA_VISIBLE_DEVICES\n        value: void\n'),
    );
    checkRuleFix(
      ID,
      pod('      image: $0vllm/vllm-openai:v0.5.0\n      env:\n        - name: HF_HOME\n          value: /cache\n'),
      title,
      pod(
        '      image: vllm/vllm-openai:v0.5.0\n      env:\n        - name: HF_HOME\n          value: /cache\n        - name: NVIDIA_VISIBLE_DEVICES\n          value: void\n',
      ),
    );
  });

  it('sets num-gpus "0" in the Ray head\'s rayStartParams: in the map, or a new one', () => {
    const cluster = (head: string) => `apiVersion: ray.io/v1
kind: RayCluster
metadata:
  name: raycluster
spec:
  headGroupSpec:
${head}    template:
      spec:
        containers:
          - name: ray-head
            image: $0rayproject/ray:2.9.0-gpu
`;
    const title = 'Set rayStartParams num-gpus: "0"';
    const fixed = (head: string) => cluster(head).replace('$0', '');
    checkRuleFix(
      ID,
      cluster('    rayStartParams:\n      dashboard-host: 0.0.0.0\n'),
      title,
      fixed('    rayStartParams:\n      dashboard-host: 0.0.0.0\n      num-gpus: "0"\n'),
    );
    checkRuleFix(ID, cluster('    rayStartParams: {}\n'), title, fixed('    rayStartParams: { num-gpus: "0" }\n'));
    checkRuleFix(ID, cluster(''), title, `${fixed('')}    rayStartParams:\n      num-gpus: "0"\n`);
    checkRuleFix(ID, cluster('    rayStartParams:\n'), title, fixed('    rayStartParams:\n      num-gpus: "0"\n'));
  });
});
