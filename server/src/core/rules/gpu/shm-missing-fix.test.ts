// The quick fix of gpu/shm-missing: where it adds the memory-backed volume and its mount (the
// findings themselves are tested in shm-missing.test.ts).
import { checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'gpu/shm-missing';
const FIX = 'Add a memory-backed /dev/shm';

describe(`${ID} quick fix`, () => {
  it('adds the volume and the mount where neither list exists', () => {
    const job = (mount: string, volume: string) => `apiVersion: batch/v1
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
          command: [torchrun, --nproc-per-node=4, train.py]
          resources:
            limits:
              nvidia.com/gpu: 4
              memory: 128Gi${mount}${volume}
`;
    const mount = '\n          volumeMounts:\n          - name: dshm\n            mountPath: /dev/shm';
    const volume = '\n      volumes:\n      - name: dshm\n        emptyDir:\n          medium: Memory\n          sizeLimit: 64Gi';
    checkRuleFix(ID, job('', '').replace('name: trainer', 'name: $0trainer'), FIX, job(mount, volume));
  });

  it('appends to existing volumes and volumeMounts, renaming around a taken name', () => {
    const job = (volume: string, mount: string) => `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: finetune
spec:
  pytorchReplicaSpecs:
    Worker:
      template:
        spec:
          volumes:
            - name: dshm
              persistentVolumeClaim: { claimName: datasets }${volume}
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              volumeMounts:
                - name: dshm
                  mountPath: /data${mount}
`;
    const volume = '\n            - name: dshm-2\n              emptyDir:\n                medium: Memory\n                sizeLimit: 16Gi';
    const mount = '\n                - name: dshm-2\n                  mountPath: /dev/shm';
    checkRuleFix(ID, job('', '').replace('name: pytorch', 'name: $0pytorch'), FIX, job(volume, mount));
  });

  it('writes flow collections in flow style', () => {
    const pod = (volume: string, mounts: string) => `apiVersion: v1
kind: Pod
metadata: { name: train }
spec:
  volumes: [{ name: data, emptyDir: {} }${volume}]
  containers:
    - { name: trainer, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 8, memory: 1Ti } }, volumeMounts: [${mounts}] }
`;
    checkRuleFix(
      ID,
      pod('', '').replace('name: trainer', 'name: $0trainer'),
      FIX,
      pod(', { name: dshm, emptyDir: { medium: Memory, sizeLimit: 512Gi } }', '{ name: dshm, mountPath: /dev/shm }'),
    );
    const flowSpec = (mounts: string, volumes: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: { name: train }\nspec: { containers: [{ name: trainer, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 2 } }${mounts} }]${volumes} }\n`;
    // addEntry writes ` , key: value` when the flow map ends in a space before its brace.
    checkRuleFix(
      ID,
      flowSpec('', '').replace('name: trainer', 'name: $0trainer'),
      FIX,
      flowSpec(
        ' , volumeMounts: [{ name: dshm, mountPath: /dev/shm }]',
        ' , volumes: [{ name: dshm, emptyDir: { medium: Memory, sizeLimit: 16Gi } }]',
      ),
    );
  });

  it('mounts the /dev/shm volume another container of the pod already has', () => {
    const pod = (mount: string) => `apiVersion: v1
kind: Pod
metadata:
  name: train
spec:
  containers:
    - name: trainer
      image: nvcr.io/nvidia/pytorch:24.05-py3
      resources: { limits: { nvidia.com/gpu: 2 } }
      volumeMounts:
        - name: shm
          mountPath: /dev/shm
    - name: evaluator
      image: nvcr.io/nvidia/pytorch:24.05-py3
      resources: { limits: { nvidia.com/gpu: 2 } }${mount}
  volumes:
    - name: shm
      emptyDir: { medium: Memory, sizeLimit: 8Gi }
`;
    checkRuleFix(
      ID,
      pod('').replace('name: evaluator', 'name: $0evaluator'),
      FIX,
      pod('\n      volumeMounts:\n      - name: shm\n        mountPath: /dev/shm'),
    );
  });
});
