import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'gpu/request-equals-limit';

describe(ID, () => {
  it('accepts equal requests and limits, by value, and leaves other resources alone', () => {
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
                resources:
                  requests: { nvidia.com/gpu: "1" }
                  limits: { nvidia.com/gpu: 1000m }
            containers:
              - name: trainer
                image: nvcr.io/nvidia/pytorch:24.05-py3
                resources:
                  requests:
                    nvidia.com/gpu: 2
                    cpu: 4
                    nvidia.com/mig-1g.10gb:
                  limits:
                    nvidia.com/gpu: 2
                    cpu: 8
                    nvidia.com/mig-1g.10gb: 1
              - name: sidecar
                image: busybox
                resources:
                  requests: { nvidia.com/gpu: 1 }
                  limits: { memory: 1Gi }
    `,
    );
  });

  it('reports a request different from its limit, in every kind, role and container', () => {
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
                    resources: { requests: { nvidia.com/gpu: 500m }, limits: { nvidia.com/gpu: 1 } }
      #                                                      ^^^^ error[gpu/request-equals-limit]: nvidia.com/gpu is requested as 500m but limited to 1 in init container warmup of Master: Kubernetes requires a GPU request to equal its limit and rejects the pod. Set the request to 1, or remove it (it defaults to the limit).
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources:
                      requests:
                        nvidia.com/gpu: 8
      #                                 ^ error[gpu/request-equals-limit]: nvidia.com/gpu is requested as 8 but limited to 4 in container pytorch of Master: Kubernetes requires a GPU request to equal its limit and rejects the pod. Set the request to 4, or remove it (it defaults to the limit).
                      limits:
                        nvidia.com/gpu: 4
          Worker:
            replicas: 2
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources:
                      requests:
                        amd.com/gpu: 1
      #                              ^ error[gpu/request-equals-limit]: amd.com/gpu is requested as 1 but limited to 0.5 in container pytorch of Worker: Kubernetes requires a GPU request to equal its limit and rejects the pod. Set the request to 0.5, or remove it (it defaults to the limit).
                      limits:
                        amd.com/gpu: 0.5
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
          - groupName: gpu-group
            replicas: 2
            template:
              spec:
                containers:
                  - name: ray-worker
                    image: rayproject/ray:2.35.0-gpu
                    resources:
                      requests:
                        nvidia.com/mig-3g.40gb: "2"
      #                                         ^^^ error[gpu/request-equals-limit]: nvidia.com/mig-3g.40gb is requested as 2 but limited to 1 in container ray-worker of gpu-group: Kubernetes requires a GPU request to equal its limit and rejects the pod. Set the request to 1, or remove it (it defaults to the limit).
                      limits:
                        nvidia.com/mig-3g.40gb: 1
    `,
    );
  });

  it('sets the request to the limit, as the limit is written', () => {
    const pod = (resources: string) => `apiVersion: v1
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
      pod('        requests:\n          nvidia.com/gpu: $01\n        limits:\n          nvidia.com/gpu: 2\n'),
      'Set request to 2',
      pod('        requests:\n          nvidia.com/gpu: 2\n        limits:\n          nvidia.com/gpu: 2\n'),
    );
    checkRuleFix(
      ID,
      pod('        requests: { nvidia.com/gpu: $00.5 }\n        limits: { nvidia.com/gpu: "1" }\n'),
      'Set request to 1',
      pod('        requests: { nvidia.com/gpu: "1" }\n        limits: { nvidia.com/gpu: "1" }\n'),
    );
  });
});
