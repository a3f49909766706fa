import { fixture } from '../../../../../test/harness/fixture';
import { checkRule } from '../../../../../test/harness/rules';

const ID = 'gpu/mig-mixed';

describe(ID, () => {
  it('accepts one kind of device per container, and different kinds in different containers', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: eval
      spec:
        template:
          spec:
            restartPolicy: Never
            initContainers:
              - name: warmup
                image: busybox
                resources: { limits: { nvidia.com/mig-1g.10gb: 1 } }
            containers:
              - name: eval
                image: nvcr.io/nvidia/pytorch:24.05-py3
                resources:
                  requests:
                    nvidia.com/mig-3g.40gb: 2
                  limits:
                    nvidia.com/mig-3g.40gb: 2
                    nvidia.com/mig-3g.40gb.shared: 1
                    nvidia.com/gpu: 0
                    amd.com/gpu: 1
              - name: other
                image: nvcr.io/nvidia/pytorch:24.05-py3
                resources:
                  limits:
                    nvidia.com/gpu: 1
                    nvidia.com/gpu.shared: 1
    `,
    );
  });

  it('reports whole GPUs with MIG slices, and two MIG profiles, in every kind and container', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: eval
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: eval
                image: nvcr.io/nvidia/pytorch:24.05-py3
                resources:
                  requests:
                    nvidia.com/mig-1g.10gb: 1
                    nvidia.com/mig-2g.20gb: 1
                  limits:
                    nvidia.com/mig-1g.10gb: 1
                    nvidia.com/mig-2g.20gb: 1
      #             ^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/mig-mixed]: nvidia.com/mig-2g.20gb is asked for with nvidia.com/mig-1g.10gb in container eval: under the mixed MIG strategy each profile is a separate resource, so the pod fits only a node partitioned into both, and a CUDA process sees a single MIG device, so one process cannot use them together. Ask for slices of one profile, a larger one for more memory and compute.
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
        workerGroupSpecs:
          - groupName: mixed
            replicas: 2
            template:
              spec:
                containers:
                  - name: ray-worker
                    image: rayproject/ray:2.35.0-gpu
                    resources:
                      limits: { nvidia.com/gpu: 1, nvidia.com/mig-1g.10gb: 2, nvidia.com/mig-3g.40gb: 1 }
      #                                            ^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/mig-mixed]: nvidia.com/mig-1g.10gb is asked for with nvidia.com/gpu in container ray-worker of mixed: under the mixed MIG strategy GPUs without MIG and MIG slices are separate resources, so the pod fits only a node that has both, and a CUDA process sees a single MIG device, so one process cannot use them together. Ask for one kind: whole GPUs, or slices of one MIG profile.
      #                                                                       ^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/mig-mixed]: nvidia.com/mig-3g.40gb is asked for with nvidia.com/gpu in container ray-worker of mixed: under the mixed MIG strategy GPUs without MIG and MIG slices are separate resources, so the pod fits only a node that has both, and a CUDA process sees a single MIG device, so one process cannot use them together. Ask for one kind: whole GPUs, or slices of one MIG profile.
    `,
    );
  });
});
