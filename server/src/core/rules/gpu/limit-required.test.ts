import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'gpu/limit-required';

describe(ID, () => {
  it('accepts GPUs set as limits, with or without an equal request', () => {
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
                    nvidia.com/gpu: 2
                    cpu: 8
                  limits:
                    nvidia.com/gpu: 2
    `,
    );
  });

  it('reports a GPU request without a limit, in every kind and container', () => {
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
                  - name: warmup
                    image: busybox
                    resources: { requests: { nvidia.com/mig-1g.5gb: 1 } }
      #                                      ^^^^^^^^^^^^^^^^^^^^^ error[gpu/limit-required]: nvidia.com/mig-1g.5gb is requested without a limit in container warmup: Kubernetes requires a limit for GPUs and rejects the pod. Set limits: nvidia.com/mig-1g.5gb: 1.
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources:
                      requests:
                        nvidia.com/gpu: 4
      #                 ^^^^^^^^^^^^^^ error[gpu/limit-required]: nvidia.com/gpu is requested without a limit in container pytorch: Kubernetes requires a limit for GPUs and rejects the pod. Set limits: nvidia.com/gpu: 4.
                        memory: 64Gi
                      limits:
                        memory: 64Gi
    `,
    );
  });

  it('adds the limit: under limits, or a new limits map', () => {
    const job = (resources: string) => `apiVersion: v1
kind: Pod
metadata:
  name: train
spec:
  containers:
    - name: trainer
      image: nvcr.io/nvidia/pytorch:24.05-py3
      resources:
${resources}`;
    checkRuleFix(
      ID,
      job('        requests:\n          $0nvidia.com/gpu: 2\n        limits:\n          memory: 8Gi\n'),
      'Add limit nvidia.com/gpu: 2',
      job('        requests:\n          nvidia.com/gpu: 2\n        limits:\n          memory: 8Gi\n          nvidia.com/gpu: 2\n'),
    );
    checkRuleFix(
      ID,
      job('        requests:\n          $0nvidia.com/gpu: 1\n'),
      'Add limit nvidia.com/gpu: 1',
      job('        requests:\n          nvidia.com/gpu: 1\n        limits:\n          nvidia.com/gpu: 1\n'),
    );
  });
});
