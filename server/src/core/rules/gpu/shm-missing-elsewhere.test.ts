// The findings of gpu/shm-missing on pods defined elsewhere than in a pod template: an Argo workflow's
// templates with the workflow's volumes, a container shared through a YAML alias, GPUs claimed through DRA.
import { fixture } from '../../../../../test/harness/fixture';
import { checkRule } from '../../../../../test/harness/rules';

const ID = 'gpu/shm-missing';
const WHY =
  "but has no memory-backed /dev/shm: it gets the container runtime's 64 MB, on which DataLoader workers die with a bus error and NCCL cannot set up shared memory. Mount an emptyDir with medium: Memory at /dev/shm, or set hostIPC: true.";

describe(`${ID}: Argo templates, aliases and DRA claims`, () => {
  it('takes the volumes of an Argo workflow for its templates, and reports a template without one', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: finetune-
      spec:
        entrypoint: fit
        volumes:
          - { name: dshm, emptyDir: { medium: Memory, sizeLimit: 64Gi } }
        templates:
          - name: fit
            container:
              image: nvcr.io/nvidia/pytorch:24.05-py3
              command: [torchrun, --nproc-per-node=8, train.py]
              volumeMounts: [{ name: dshm, mountPath: /dev/shm }]
              resources: { limits: { nvidia.com/gpu: 8 } }
          - name: eval
            script:
              image: nvcr.io/nvidia/pytorch:24.05-py3
      #       ^^^^^ warning[gpu/shm-missing]: Container main runs torchrun ${WHY}
              command: [torchrun, --nproc-per-node=2]
              source: print("eval")
              resources: { limits: { nvidia.com/gpu: 2 } }
    `,
    );
  });

  it('reports a container shared by two roles through a YAML alias once', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: TFJob
      metadata:
        name: mirrored
      spec:
        tfReplicaSpecs:
          Chief:
            template: &template
              spec:
                containers:
                  - name: tensorflow
      #                   ^^^^^^^^^^ warning[gpu/shm-missing]: Container tensorflow has 4 GPUs ${WHY}
                    image: tensorflow/tensorflow:2.16.1-gpu
                    resources: { limits: { nvidia.com/gpu: 4 } }
          Worker:
            replicas: 2
            template: *template
    `,
    );
  });

  it('counts the GPUs a container claims through DRA', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: resource.k8s.io/v1
      kind: ResourceClaimTemplate
      metadata:
        name: four-gpus
      spec:
        spec:
          devices:
            requests:
              - { name: gpus, exactly: { deviceClassName: gpu.nvidia.com, count: 4 } }
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: eval
      spec:
        template:
          spec:
            restartPolicy: Never
            resourceClaims:
              - { name: gpus, resourceClaimTemplateName: four-gpus }
            containers:
              - name: eval
      #               ^^^^ warning[gpu/shm-missing]: Container eval has 4 GPUs ${WHY}
                image: nvcr.io/nvidia/pytorch:24.05-py3
                resources: { claims: [{ name: gpus }] }
    `,
    );
  });
});
