import { fixture } from '../../../../../test/harness/fixture';
import { checkRule } from '../../../../../test/harness/rules';

const ID = 'gpu/whole-number';

describe(ID, () => {
  it('accepts whole numbers however written, and fractions of other resources', () => {
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
            containers:
              - name: trainer
                image: nvcr.io/nvidia/pytorch:24.05-py3
                resources:
                  requests:
                    cpu: 500m
                    nvidia.com/gpu: "2"
                  limits:
                    cpu: 1.5
                    memory: 1.5Gi
                    nvidia.com/gpu: 2000m
                    nvidia.com/mig-1g.10gb: 1.0
                    example.com/foo: 0.5
                    nvidia.com/gpu.shared: 1 GPU
    `,
    );
  });

  it('reports fractional GPUs, MIG slices and shares in every kind and container', () => {
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
              - name: warmup
                image: busybox
                resources: { limits: { amd.com/gpu: 1.5 } }
      #                                             ^^^ error[gpu/whole-number]: amd.com/gpu: 1.5 in init container warmup is not a whole number: the device plugin hands out whole devices, and Kubernetes rejects fractional extended resources. Ask for whole GPUs.
            containers:
              - name: trainer
                image: nvcr.io/nvidia/pytorch:24.05-py3
                resources:
                  requests:
                    nvidia.com/gpu: 500m
      #                             ^^^^ error[gpu/whole-number]: nvidia.com/gpu: 500m (0.5) in container trainer is not a whole number: the device plugin hands out whole devices, and Kubernetes rejects fractional extended resources. Ask for whole GPUs; for part of one, ask for a MIG slice (nvidia.com/mig-1g.10gb: 1) or, with time-slicing or MPS, a shared GPU (nvidia.com/gpu.shared: 1).
                  limits:
                    nvidia.com/gpu: "0.5"
      #                             ^^^^^ error[gpu/whole-number]: nvidia.com/gpu: 0.5 in container trainer is not a whole number: the device plugin hands out whole devices, and Kubernetes rejects fractional extended resources. Ask for whole GPUs; for part of one, ask for a MIG slice (nvidia.com/mig-1g.10gb: 1) or, with time-slicing or MPS, a shared GPU (nvidia.com/gpu.shared: 1).
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
                  image: rayproject/ray:2.35.0
                  resources:
                    limits:
                      nvidia.com/gpu.shared: 0.25
      #                                      ^^^^ error[gpu/whole-number]: nvidia.com/gpu.shared: 0.25 in container ray-head of head is not a whole number: the device plugin hands out whole devices, and Kubernetes rejects fractional extended resources. Ask for 1 nvidia.com/gpu.shared: a share is already a part of a GPU.
        workerGroupSpecs:
          - groupName: small
            replicas: 2
            template:
              spec:
                containers:
                  - name: ray-worker
                    image: rayproject/ray:2.35.0-gpu
                    resources:
                      limits:
                        nvidia.com/mig-3g.40gb: .5
      #                                         ^^ error[gpu/whole-number]: nvidia.com/mig-3g.40gb: .5 (0.5) in container ray-worker of small is not a whole number: the device plugin hands out whole devices, and Kubernetes rejects fractional extended resources. Ask for a whole number of slices, or a smaller MIG profile.
    `,
    );
  });
});
