import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'gpu/shm-size';
const UNBOUNDED =
  "is memory-backed without a sizeLimit: it can fill the pod's memory, and what it holds counts against the container's memory limit, so a full /dev/shm gets the container OOM-killed. Set sizeLimit below the memory limit, e.g.";

describe(ID, () => {
  it('accepts a sizeLimit below every memory limit, and leaves other volumes alone', () => {
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
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources: { limits: { nvidia.com/gpu: 8, memory: 640Gi } }
                    volumeMounts:
                      - { name: dshm, mountPath: /dev/shm }
                      - { name: scratch, mountPath: /scratch }
                      - { name: disk-shm, mountPath: /mnt/shm }
                  - name: sidecar
                    image: busybox
                    resources: { limits: { memory: 650000000000 } }
                    volumeMounts: [{ name: dshm, mountPath: /dev/shm }]
                volumes:
                  - name: dshm
                    emptyDir: { medium: Memory, sizeLimit: 600G }
                  - name: scratch
                    emptyDir: { medium: Memory }
                  - name: disk-shm
                    emptyDir: {}
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: v1
      kind: Pod
      metadata:
        name: notebook
      spec:
        containers:
          - name: notebook
            image: nvcr.io/nvidia/pytorch:24.05-py3
            resources: { limits: { nvidia.com/gpu: 1 } }
            volumeMounts: [{ name: dshm, mountPath: /dev/shm }]
        volumes:
          - name: dshm
            emptyDir: { medium: Memory, sizeLimit: 1Ti }
    `,
    );
  });

  it('reports a memory-backed /dev/shm without a sizeLimit, or one not below a memory limit', () => {
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
                    volumeMounts: [{ name: dshm, mountPath: /dev/shm }]
                volumes:
                  - name: dshm
                    emptyDir:
      #             ^^^^^^^^ warning[gpu/shm-size]: /dev/shm (volume dshm, mounted by container pytorch) ${UNBOUNDED} 16Gi.
                      medium: Memory
          Worker:
            replicas: 3
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources: { limits: { nvidia.com/gpu: 8, memory: 512Gi } }
                    volumeMounts: [{ name: dshm, mountPath: /dev/shm }]
                  - name: profiler
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources: { limits: { memory: 64Gi } }
                    volumeMounts: [{ name: dshm, mountPath: /dev/shm }]
                volumes:
                  - name: dshm
                    emptyDir: { medium: Memory, sizeLimit: 64Gi }
      #                                                    ^^^^ warning[gpu/shm-size]: The sizeLimit 64Gi of /dev/shm (volume dshm, mounted by container pytorch, profiler) is not below the memory limit 64Gi of container profiler: what /dev/shm holds counts against that limit, so when it fills the processes have no memory left and the container is OOM-killed. Lower sizeLimit, e.g. to 32Gi.
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
                  image: rayproject/ray-ml:2.35.0-py310
                  resources: { limits: { memory: 8Gi } }
                  volumeMounts: [{ name: shm, mountPath: /dev/shm }]
              volumes:
                - name: shm
                  emptyDir: { medium: Memory, sizeLimit: "10737418240" }
      #                                                  ^^^^^^^^^^^^^ warning[gpu/shm-size]: The sizeLimit 10737418240 of /dev/shm (volume shm, mounted by container ray-head) is not below the memory limit 8Gi of container ray-head: what /dev/shm holds counts against that limit, so when it fills the processes have no memory left and the container is OOM-killed. Lower sizeLimit, e.g. to 4Gi.
    `,
    );
  });

  it('reports a volume shared by two roles through a YAML alias once', () => {
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
                    image: tensorflow/tensorflow:2.16.1-gpu
                    volumeMounts: [{ name: dshm, mountPath: /dev/shm }]
                volumes: [{ name: dshm, emptyDir: { medium: Memory } }]
      #                                 ^^^^^^^^ warning[gpu/shm-size]: /dev/shm (volume dshm, mounted by container tensorflow) ${UNBOUNDED} 16Gi.
          Worker:
            replicas: 2
            template: *template
    `,
    );
  });

  it('adds a sizeLimit of half the memory limit, in block and flow style', () => {
    const job = (emptyDir: string) => `apiVersion: batch/v1
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
            limits:
              nvidia.com/gpu: 4
              memory: 96Gi
          volumeMounts:
            - name: dshm
              mountPath: /dev/shm
      volumes:
        - name: dshm
${emptyDir}
`;
    checkRuleFix(
      ID,
      job('          $0emptyDir:\n            medium: Memory'),
      'Add sizeLimit: 48Gi',
      job('          emptyDir:\n            medium: Memory\n            sizeLimit: 48Gi'),
    );
    checkRuleFix(
      ID,
      job('          $0emptyDir: { medium: Memory }'),
      'Add sizeLimit: 48Gi',
      job('          emptyDir: { medium: Memory , sizeLimit: 48Gi }'),
    );
    checkRuleFix(
      ID,
      job('          emptyDir: { medium: Memory, sizeLimit: $0128Gi }'),
      'Set sizeLimit to 48Gi',
      job('          emptyDir: { medium: Memory, sizeLimit: 48Gi }'),
    );
  });
});
