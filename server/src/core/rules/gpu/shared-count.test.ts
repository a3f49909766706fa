import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'gpu/shared-count';

describe(ID, () => {
  it('accepts one share, and any count of whole GPUs and MIG slices', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: notebook
      spec:
        selector:
          matchLabels: { app: notebook }
        template:
          metadata:
            labels: { app: notebook }
          spec:
            containers:
              - name: jupyter
                image: quay.io/jupyter/pytorch-notebook:cuda12-latest
                resources:
                  requests:
                    nvidia.com/gpu.shared: "1"
                  limits:
                    nvidia.com/gpu.shared: 1
                    nvidia.com/mig-1g.10gb.shared: 1000m
              - name: trainer
                image: nvcr.io/nvidia/pytorch:24.05-py3
                resources:
                  limits:
                    nvidia.com/gpu: 8
                    nvidia.com/mig-1g.10gb: 2
    `,
    );
  });

  it('reports more than one share, in every kind and container', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: notebook
      spec:
        selector:
          matchLabels: { app: notebook }
        template:
          metadata:
            labels: { app: notebook }
          spec:
            containers:
              - name: jupyter
                image: quay.io/jupyter/pytorch-notebook:cuda12-latest
                resources:
                  requests:
                    nvidia.com/gpu.shared: 2
      #                                    ^ warning[gpu/shared-count]: nvidia.com/gpu.shared: 2 in container jupyter asks for more than one share of a GPU: a time-sliced share is a turn on a GPU, so 2 shares give no more memory or compute than 1, and the device plugin refuses more than 1 under MPS or with failRequestsGreaterThanOne. Ask for 1; for more, ask for whole GPUs (nvidia.com/gpu).
                  limits:
                    nvidia.com/gpu.shared: 2
      #                                    ^ warning[gpu/shared-count]: nvidia.com/gpu.shared: 2 in container jupyter asks for more than one share of a GPU: a time-sliced share is a turn on a GPU, so 2 shares give no more memory or compute than 1, and the device plugin refuses more than 1 under MPS or with failRequestsGreaterThanOne. Ask for 1; for more, ask for whole GPUs (nvidia.com/gpu).
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: tune
      spec:
        pytorchReplicaSpecs:
          Master:
            replicas: 1
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources: { limits: { nvidia.com/mig-1g.10gb.shared: "4" } }
      #                                                                   ^^^ warning[gpu/shared-count]: nvidia.com/mig-1g.10gb.shared: 4 in container pytorch of Master asks for more than one share of a GPU: a time-sliced share is a turn on a GPU, so 4 shares give no more memory or compute than 1, and the device plugin refuses more than 1 under MPS or with failRequestsGreaterThanOne. Ask for 1; for more, ask for whole GPUs (nvidia.com/gpu).
          Worker:
            replicas: 2
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources: { limits: { nvidia.com/gpu.shared: 1 } }
    `,
    );
  });

  it('sets the count to 1, in the request and the limit together', () => {
    const pod = (resources: string) => `apiVersion: v1
kind: Pod
metadata:
  name: notebook
spec:
  containers:
    - name: jupyter
      image: quay.io/jupyter/pytorch-notebook:cuda12-latest
      resources:
${resources}`;
    checkRuleFix(
      ID,
      pod('        requests:\n          nvidia.com/gpu.shared: 2\n        limits:\n          nvidia.com/gpu.shared: $02\n'),
      'Set to 1',
      pod('        requests:\n          nvidia.com/gpu.shared: 1\n        limits:\n          nvidia.com/gpu.shared: 1\n'),
    );
    checkRuleFix(
      ID,
      pod('        limits: { nvidia.com/gpu.shared: "$03" }\n'),
      'Set to 1',
      pod('        limits: { nvidia.com/gpu.shared: 1 }\n'),
    );
  });
});
