import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'gpu/nproc-per-node';
const MORE = (extra: number, gpus: number) =>
  `the ${extra} processes without a GPU of their own fail or share one (CUDA out of memory, NCCL errors). Set it to ${gpus}, or raise the GPU limit.`;
const FEWER = (idle: number, gpus: number) =>
  `${idle} of the GPUs stay idle while the job holds them. Set it to ${gpus} (or auto), or lower the GPU limit.`;

describe(ID, () => {
  it('accepts counts equal to the GPUs, auto and gpu, and CPU training', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        nprocPerNode: "8"
        pytorchReplicaSpecs:
          Master:
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    command: [torchrun, --nproc_per_node=gpu, train.py]
                    resources: { limits: { nvidia.com/gpu: 8 } }
          Worker:
            replicas: 3
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    command: [bash, -c, "torchrun --nproc-per-node 8 train.py"]
                    env:
                      - { name: PET_NPROC_PER_NODE, value: auto }
                    resources: { limits: { nvidia.com/gpu: "8" } }
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: cpu-train
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: trainer
                image: pytorch/pytorch:2.4.0-cpu
                command: [torchrun, --nproc-per-node=16, train.py]
                env: [{ name: PET_NPROC_PER_NODE, value: "16" }]
                resources: { limits: { cpu: 16 } }
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: trainer.kubeflow.org/v1alpha1
      kind: TrainJob
      metadata:
        name: finetune
      spec:
        runtimeRef:
          name: torch-distributed
        trainer:
          numNodes: 2
          numProcPerNode: 4
          resourcesPerNode:
            limits:
              nvidia.com/gpu: 4
    `,
    );
  });

  it('reports torchrun flags and PET_NPROC_PER_NODE against the container GPUs', () => {
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
                command: [bash, -c, "pip install -e . && torchrun --nnodes 1 --nproc_per_node 16 train.py --epochs 8"]
      #                                                                                       ^^ error[gpu/nproc-per-node]: --nproc_per_node starts 16 processes per pod but container trainer has 8 GPUs: ${MORE(8, 8)}
                env:
                  - name: PET_NPROC_PER_NODE
                    value: "2"
      #                    ^^^ warning[gpu/nproc-per-node]: PET_NPROC_PER_NODE starts 2 processes per pod but container trainer has 8 GPUs: ${FEWER(6, 8)}
                resources:
                  limits:
                    nvidia.com/gpu: 8
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: jobset.x-k8s.io/v1alpha2
      kind: JobSet
      metadata:
        name: pretrain
      spec:
        replicatedJobs:
          - name: workers
            replicas: 4
            template:
              spec:
                template:
                  spec:
                    restartPolicy: Never
                    containers:
                      - name: trainer
                        image: nvcr.io/nvidia/pytorch:24.05-py3
                        command: [python3, -u, -m, torch.distributed.run, --nproc-per-node, "1", train.py]
      #                                                                                      ^ warning[gpu/nproc-per-node]: --nproc-per-node starts 1 process per pod but container trainer has 4 GPUs: ${FEWER(3, 4)}
                        resources: { limits: { nvidia.com/gpu: 4 } }
    `,
    );
  });

  it("reports a PyTorchJob's nprocPerNode and elastic nProcPerNode against each role's GPUs, and a TrainJob's numProcPerNode", () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        nprocPerNode: "8"
      #               ^^^ error[gpu/nproc-per-node]: nprocPerNode starts 8 processes per pod but the Master pods have 4 GPUs each: ${MORE(4, 4)}
        elasticPolicy:
          nProcPerNode: 2
      #                 ^ warning[gpu/nproc-per-node]: elasticPolicy.nProcPerNode starts 2 processes per pod but the Master pods have 4 GPUs each: ${FEWER(2, 4)}
      #                 ^ warning[gpu/nproc-per-node]: elasticPolicy.nProcPerNode starts 2 processes per pod but the Worker and Evaluator pods have 8 GPUs each: ${FEWER(6, 8)}
        pytorchReplicaSpecs:
          Master:
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources: { limits: { nvidia.com/gpu: 4 } }
          Worker:
            replicas: 3
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources: { limits: { nvidia.com/gpu: 8 } }
          Evaluator:
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources: { limits: { nvidia.com/gpu: 8 } }
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: trainer.kubeflow.org/v1alpha1
      kind: TrainJob
      metadata:
        name: finetune
      spec:
        runtimeRef:
          name: torch-distributed
        trainer:
          numNodes: 2
          numProcPerNode: 8
      #                   ^ error[gpu/nproc-per-node]: numProcPerNode starts 8 processes per pod but the trainer pods have 4 GPUs each: ${MORE(4, 4)}
          resourcesPerNode:
            limits:
              nvidia.com/gpu: 4
    `,
    );
  });

  it('writes the GPU count in place of the count', () => {
    const job = (command: string, env: string) => `apiVersion: batch/v1
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
          command: ${command}
          env: [{ name: PET_NPROC_PER_NODE, value: ${env} }]
          resources:
            limits:
              nvidia.com/gpu: 8
`;
    checkRuleFix(
      ID,
      job('[sh, -c, "torchrun --nproc_per_node=$016 train.py"]', '"8"'),
      'Set --nproc_per_node to 8',
      job('[sh, -c, "torchrun --nproc_per_node=8 train.py"]', '"8"'),
    );
    checkRuleFix(
      ID,
      job('[torchrun, --nproc-per-node, "$04", train.py]', '"8"'),
      'Set --nproc-per-node to 8',
      job('[torchrun, --nproc-per-node, "8", train.py]', '"8"'),
    );
    checkRuleFix(ID, job('[torchrun, train.py]', '$0"4"'), 'Set PET_NPROC_PER_NODE to 8', job('[torchrun, train.py]', '"8"'));
    const pytorchJob = (settings: string) => `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: finetune
spec:
${settings}
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              resources:
                limits:
                  nvidia.com/gpu: 4
`;
    checkRuleFix(ID, pytorchJob('  nprocPerNode: $0"8"'), 'Set nprocPerNode to 4', pytorchJob('  nprocPerNode: "4"'));
    checkRuleFix(
      ID,
      pytorchJob('  elasticPolicy:\n    rdzvBackend: c10d\n    nProcPerNode: $02'),
      'Set elasticPolicy.nProcPerNode to 4',
      pytorchJob('  elasticPolicy:\n    rdzvBackend: c10d\n    nProcPerNode: 4'),
    );
    const trainJob = (count: string) => `apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata:
  name: finetune
spec:
  runtimeRef:
    name: torch-distributed
  trainer:
    numProcPerNode: ${count}
    resourcesPerNode:
      limits:
        nvidia.com/gpu: 2
`;
    checkRuleFix(ID, trainJob('$01'), 'Set numProcPerNode to 2', trainJob('2'));
  });
});
