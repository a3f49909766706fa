import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'gpu/visible-devices-set';

const NVIDIA =
  'it replaces the GPUs the device plugin allocated (it sets this variable for the NVIDIA runtime), so the container sees GPUs the scheduler gave other pods, or not its own. Remove it: the container sees exactly its GPUs.';
const CUDA =
  'the container sees only its allocated GPUs, numbered from 0, so a fixed list leaves some of them idle or names devices that are not there. Remove it: the container sees exactly its GPUs.';

describe(ID, () => {
  it('accepts the variables in containers without GPUs, and from valueFrom', () => {
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
              - name: train
                image: nvcr.io/nvidia/pytorch:24.05-py3
                env:
                  - name: CUDA_VISIBLE_DEVICES
                    valueFrom:
                      configMapKeyRef: { name: devices, key: cuda }
                  - name: NCCL_DEBUG
                    value: INFO
                resources:
                  limits:
                    nvidia.com/gpu: 2
              - name: uploader
                image: nvcr.io/nvidia/pytorch:24.05-py3
                env:
                  - name: NVIDIA_VISIBLE_DEVICES
                    value: void
    `,
    );
  });

  it('reports a literal value in a container given GPUs, in every kind', () => {
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
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    env: [{ name: NVIDIA_VISIBLE_DEVICES, value: all }]
      #                                                          ^^^ warning[gpu/visible-devices-set]: NVIDIA_VISIBLE_DEVICES is set to "all" in container pytorch of Master, which gets nvidia.com/gpu: 8 from the device plugin: ${NVIDIA}
                    resources:
                      limits:
                        nvidia.com/gpu: 8
          Worker:
            replicas: 3
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    env:
                      - name: CUDA_VISIBLE_DEVICES
                        value: 0
      #                        ^ warning[gpu/visible-devices-set]: CUDA_VISIBLE_DEVICES is set to "0" in container pytorch of Worker, which gets nvidia.com/gpu: 8 from the device plugin: ${CUDA}
                    resources:
                      limits:
                        nvidia.com/gpu: 8
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: leaderworkerset.x-k8s.io/v1
      kind: LeaderWorkerSet
      metadata:
        name: vllm
      spec:
        replicas: 1
        leaderWorkerTemplate:
          size: 2
          workerTemplate:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.5.0
                  env:
                    - name: CUDA_VISIBLE_DEVICES
                      value: ""
      #                      ^^ warning[gpu/visible-devices-set]: CUDA_VISIBLE_DEVICES is set to "" in container vllm, which gets nvidia.com/gpu: 4 from the device plugin: ${CUDA}
                  resources:
                    limits:
                      nvidia.com/gpu: "4"
    `,
    );
  });

  it('removes the variable: its item, or env when it is the only one', () => {
    const job = (env: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: train
          image: nvcr.io/nvidia/pytorch:24.05-py3
${env}          resources:
            limits:
              nvidia.com/gpu: 2
`;
    checkRuleFix(
      ID,
      job(
        '          env:\n            - name: NCCL_DEBUG\n              value: INFO\n            - name: CUDA_VISIBLE_DEVICES\n              value: $0"0,1"\n',
      ),
      'Remove CUDA_VISIBLE_DEVICES',
      job('          env:\n            - name: NCCL_DEBUG\n              value: INFO\n'),
    );
    checkRuleFix(
      ID,
      job('          env:\n            - name: NVIDIA_VISIBLE_DEVICES\n              value: $0all\n'),
      'Remove NVIDIA_VISIBLE_DEVICES',
      job(''),
    );
    checkRuleFix(
      ID,
      job('          env: [{ name: CUDA_VISIBLE_DEVICES, value: $0"1" }, { name: NCCL_DEBUG, value: INFO }]\n'),
      'Remove CUDA_VISIBLE_DEVICES',
      job('          env: [{ name: NCCL_DEBUG, value: INFO }]\n'),
    );
  });
});
