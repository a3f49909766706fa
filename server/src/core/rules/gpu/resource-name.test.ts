import * as assert from 'node:assert/strict';
import { fixture } from '../../../../../test/harness/fixture';
import { codeActionsAt } from '../../../../../test/harness/fixes';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'gpu/resource-name';

describe(ID, () => {
  it('accepts the names device plugins advertise, and leaves other extended resources alone', () => {
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
                  limits:
                    cpu: 8
                    memory: 64Gi
                    hugepages-2Mi: 1Gi
                    nvidia.com/gpu: 1
                    nvidia.com/gpu.shared: 1
                    nvidia.com/mig-1g.5gb: 1
                    nvidia.com/mig-3g.71gb: 1
                    nvidia.com/mig-2g.20gb.shared: 1
                    amd.com/gpu: 1
                    gpu.intel.com/i915: 1
                    rdma/hca: 1
                    example.com/gpu: 1
                    aliyun.com/gpu-mem: 8
                    nvidia.com/rdma_shared_device_a: 1
    `,
    );
  });

  it('reports names without a domain, misspelt vendor names and MIG names, in every kind and container', () => {
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
            replicas: 1
            template:
              spec:
                initContainers:
                  - name: warmup
                    image: busybox
                    resources: { limits: { nvidia/gpu: 1 } }
      #                                    ^^^^^^^^^^ error[gpu/resource-name]: nvidia/gpu in init container warmup of Master is not a resource any GPU device plugin advertises: no node offers it, so the pod stays Pending. Did you mean nvidia.com/gpu?
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources:
                      requests:
                        gpu: 1
      #                 ^^^ error[gpu/resource-name]: gpu in container pytorch of Master is not a resource Kubernetes knows: a name without a domain must be a standard one (cpu, memory, ephemeral-storage, hugepages-<size>), so the API server rejects the pod. Did you mean nvidia.com/gpu?
                      limits:
                        gpu: 1
      #                 ^^^ error[gpu/resource-name]: gpu in container pytorch of Master is not a resource Kubernetes knows: a name without a domain must be a standard one (cpu, memory, ephemeral-storage, hugepages-<size>), so the API server rejects the pod. Did you mean nvidia.com/gpu?
          Worker:
            replicas: 2
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources:
                      limits:
                        nvidia.com/GPU: 1
      #                 ^^^^^^^^^^^^^^ error[gpu/resource-name]: nvidia.com/GPU in container pytorch of Worker is not a resource any GPU device plugin advertises: no node offers it, so the pod stays Pending. Did you mean nvidia.com/gpu?
                        nvidia.com/mig-1g5gb: 1
      #                 ^^^^^^^^^^^^^^^^^^^^ error[gpu/resource-name]: nvidia.com/mig-1g5gb in container pytorch of Worker is not a MIG resource: the device plugin names MIG slices nvidia.com/mig-<compute>g.<memory>gb (such as nvidia.com/mig-1g.10gb), so no node offers it and the pod stays Pending. Did you mean nvidia.com/mig-1g.5gb?
                        nvidia.com/mig-2g.40gb: 1
      #                 ^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/resource-name]: nvidia.com/mig-2g.40gb in container pytorch of Worker names a MIG profile no known GPU offers, 2g.40gb: unless your GPU is newer than the list, no node advertises it and the pod stays Pending. Profiles with 2 compute slices: 2g.10gb (A100 40GB), 2g.12gb (A30 24GB), 2g.20gb (A100 80GB / H100 80GB), 2g.24gb (H100 94GB, GH200 96GB), 2g.35gb (H200 141GB), 2g.45gb (B200 180GB); nvidia-smi mig -lgip lists the profiles of your GPU.
                        nvidia.com/mig-5g.40gb: 1
      #                 ^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/resource-name]: nvidia.com/mig-5g.40gb in container pytorch of Worker names a MIG profile no known GPU offers, 5g.40gb: unless your GPU is newer than the list, no node advertises it and the pod stays Pending. nvidia-smi mig -lgip lists the profiles of your GPU.
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
          image: ghcr.io/acme/sft:0.3.0
          numNodes: 2
          resourcesPerNode:
            limits:
              nvidia.com/gpus: 4
      #       ^^^^^^^^^^^^^^^ error[gpu/resource-name]: nvidia.com/gpus in container trainer is not a resource any GPU device plugin advertises: no node offers it, so the pod stays Pending. Did you mean nvidia.com/gpu?
              GPUs: 4
      #       ^^^^ error[gpu/resource-name]: GPUs in container trainer is not a resource Kubernetes knows: a name without a domain must be a standard one (cpu, memory, ephemeral-storage, hugepages-<size>), so the API server rejects the pod. Did you mean nvidia.com/gpu?
              NVIDIA.com/gpu: 4
      #       ^^^^^^^^^^^^^^ error[gpu/resource-name]: NVIDIA.com/gpu in container trainer is not a valid resource name: its domain must be lowercase, so the API server rejects the pod. Did you mean nvidia.com/gpu?
    `,
    );
  });

  it('changes the name to the near one, in the requests and the limits of the container', () => {
    // A pod that, once its GPU is named right, is one the other GPU rules have nothing against.
    const pod = (resources: string) => `apiVersion: v1
kind: Pod
metadata:
  name: train
spec:
  tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }]
  volumes: [{ name: dshm, emptyDir: { medium: Memory, sizeLimit: 8Gi } }]
  containers:
    - name: trainer
      image: nvcr.io/nvidia/pytorch:24.05-py3
      volumeMounts: [{ name: dshm, mountPath: /dev/shm }]
      resources:
${resources}`;
    checkRuleFix(
      ID,
      pod('        requests:\n          $0gpu: 2\n        limits:\n          gpu: 2\n          memory: 64Gi\n'),
      'Change to nvidia.com/gpu',
      pod('        requests:\n          nvidia.com/gpu: 2\n        limits:\n          nvidia.com/gpu: 2\n          memory: 64Gi\n'),
    );
    checkRuleFix(
      ID,
      pod('        limits: { "nvidia.com/$0gpus": 8, memory: 64Gi }\n'),
      'Change to nvidia.com/gpu',
      pod('        limits: { nvidia.com/gpu: 8, memory: 64Gi }\n'),
    );
    checkRuleFix(
      ID,
      pod('        limits:\n          $0nvidia.com/mig-1g.5GB: 1\n          memory: 64Gi\n'),
      'Change to nvidia.com/mig-1g.5gb',
      pod('        limits:\n          nvidia.com/mig-1g.5gb: 1\n          memory: 64Gi\n'),
    );
  });

  it('reads the GPU name of a Spark role, and renames it there', () => {
    const app = (name: string, annotation = '') => `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: etl
spec:
  type: Scala
  sparkVersion: 3.5.5
  mainApplicationFile: local:///opt/spark/jars/etl.jar
  driver: {}
  executor:
    tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }]
    gpu:
      name: ${name}
${annotation}      quantity: 1
`;
    checkRule(
      ID,
      app(
        'nvidia.com/gpus',
        '#           ^^^^^^^^^^^^^^^ error[gpu/resource-name]: nvidia.com/gpus in container spark-kubernetes-executor of executor ' +
          'is not a resource any GPU device plugin advertises: no node offers it, so the pod stays Pending. Did you mean nvidia.com/gpu?\n',
      ),
    );
    checkRuleFix(ID, app('$0nvidia.com/gpus'), 'Change to nvidia.com/gpu', app('nvidia.com/gpu'));
  });

  it('offers no rename onto a name already there, nor a guess of a MIG profile', () => {
    const pod = (resources: string) =>
      `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: trainer\n      resources:\n${resources}`;
    const titles = (source: string) =>
      codeActionsAt(source, 'file:///workspace/manifest.yaml')
        .filter((action) => action.finding.code === ID)
        .map((action) => action.title);
    assert.deepEqual(titles(pod('        limits:\n          nvidia.com/gpu: 1\n          $0nvidia.com/gpus: 1\n')), []);
    assert.deepEqual(titles(pod('        limits:\n          $0nvidia.com/mig-3g.30gb: 1\n')), []);
    assert.deepEqual(titles(pod('        limits:\n          $0nvidia.com/gpus: 1\n')), ['Change to nvidia.com/gpu']);
  });
});
