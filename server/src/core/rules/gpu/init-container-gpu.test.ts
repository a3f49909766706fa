import { fixture } from '../../../../../test/harness/fixture';
import { checkRule } from '../../../../../test/harness/rules';

const ID = 'gpu/init-container-gpu';

describe(ID, () => {
  it('accepts init containers asking for no more GPUs than the app containers, and GPU sidecars', () => {
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
            replicas: 2
            template:
              spec:
                initContainers:
                  - name: check-gpus
                    image: nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04
                    command: [nvidia-smi]
                    resources:
                      limits:
                        nvidia.com/gpu: 8
                  - name: profiler
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    restartPolicy: Always
                    resources:
                      limits:
                        nvidia.com/gpu: 1
                  - name: fetch
                    image: busybox
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources:
                      limits:
                        nvidia.com/gpu: 4
                  - name: eval
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources:
                      limits:
                        nvidia.com/gpu: 3
    `,
    );
  });

  it('reports GPUs of an init container the app containers do not use, in every kind', () => {
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
              - name: convert
                image: nvcr.io/nvidia/pytorch:24.05-py3
                resources:
                  limits:
                    nvidia.com/gpu: 2
      #             ^^^^^^^^^^^^^^ warning[gpu/init-container-gpu]: Init container convert asks for nvidia.com/gpu: 2 and the app containers for none: Kubernetes reserves the larger of the two for the pod's whole life, so the GPUs stay allocated and idle once convert has finished. Run the GPU step in an app container, or remove the GPU from convert.
            containers:
              - name: train
                image: python:3.11-slim
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: ray.io/v1
      kind: RayCluster
      metadata:
        name: raycluster
      spec:
        headGroupSpec:
          rayStartParams: {}
          template:
            spec:
              containers:
                - name: ray-head
                  image: rayproject/ray:2.9.0
        workerGroupSpecs:
          - groupName: gpu
            replicas: 2
            rayStartParams: {}
            template:
              spec:
                initContainers:
                  - name: compile
                    image: rayproject/ray:2.9.0-gpu
                    resources:
                      requests: { nvidia.com/gpu: 4 }
                      limits: { nvidia.com/gpu: 4 }
      #                         ^^^^^^^^^^^^^^ warning[gpu/init-container-gpu]: Init container compile of gpu asks for nvidia.com/gpu: 4 and the app containers for 1: Kubernetes reserves the larger of the two for the pod's whole life and the app containers take over only 1, so 3 stay allocated and idle once compile has finished. Ask for at most 1 in compile, or run the GPU step in an app container.
                containers:
                  - name: ray-worker
                    image: rayproject/ray:2.9.0-gpu
                    resources:
                      limits:
                        nvidia.com/gpu: 1
    `,
    );
  });
});
