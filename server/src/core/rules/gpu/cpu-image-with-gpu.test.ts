import { fixture } from '../../../../../test/harness/fixture';
import { checkRule } from '../../../../../test/harness/rules';

const ID = 'gpu/cpu-image-with-gpu';

const WHY =
  "its framework is built without CUDA, so the GPUs stay reserved and idle while the work runs on the CPU. Use the image's GPU build, or remove the GPU from its resources.";

describe(ID, () => {
  it('accepts GPU builds with GPUs and CPU builds without', () => {
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
                  image: rayproject/ray:2.9.0-cpu
        workerGroupSpecs:
          - groupName: gpu
            replicas: 2
            rayStartParams: {}
            template:
              spec:
                containers:
                  - name: ray-worker
                    image: rayproject/ray:2.9.0-gpu
                    resources:
                      limits:
                        nvidia.com/gpu: 1
                  - name: logs
                    image: fluent/fluent-bit:3.0
                    resources:
                      limits:
                        cpu: 100m
    `,
    );
  });

  it('reports a CPU-only image given GPUs, as a limit or only a request, in every kind', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: ray.io/v1
      kind: RayJob
      metadata:
        name: tune
      spec:
        entrypoint: python tune.py
        rayClusterSpec:
          headGroupSpec:
            rayStartParams: {}
            template:
              spec:
                containers:
                  - name: ray-head
                    image: rayproject/ray:2.9.0-cpu
          workerGroupSpecs:
            - groupName: gpu
              replicas: 2
              rayStartParams: {}
              template:
                spec:
                  containers:
                    - name: ray-worker
                      image: rayproject/ray:2.9.0-cpu
      #                      ^^^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/cpu-image-with-gpu]: Container ray-worker of gpu asks for nvidia.com/gpu: 1 but runs the CPU-only image rayproject/ray:2.9.0-cpu: ${WHY}
                      resources:
                        limits:
                          nvidia.com/gpu: 1
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: infer
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: infer
                image: registry.example.com/ml/vllm-cpu:v0.6.0
      #                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/cpu-image-with-gpu]: Container infer asks for nvidia.com/mig-1g.10gb: 1 but runs the CPU-only image registry.example.com/ml/vllm-cpu:v0.6.0: ${WHY}
                resources:
                  requests:
                    nvidia.com/mig-1g.10gb: 1
    `,
    );
  });
});
