import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'trainer/reserved-env';

describe(ID, () => {
  it('accepts other variables, and PET_* for runtimes that are not PyTorch', () => {
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
          env:
            - name: NCCL_DEBUG
              value: INFO
            - name: PET_RDZV_BACKEND_TIMEOUT
              value: "900"
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
          name: deepspeed-distributed
        trainer:
          env:
            - name: PET_NNODES
              value: "2"
    `,
    );
  });

  it('reports every reserved variable, in block and flow lists', () => {
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
          env:
            - name: PET_NPROC_PER_NODE
      #             ^^^^^^^^^^^^^^^^^^ error[trainer/reserved-env]: PET_NPROC_PER_NODE is reserved: the Trainer's PyTorch runtime sets it, and its webhook rejects the TrainJob ("must not have reserved envs"). Remove it; set numProcPerNode instead.
              value: "8"
            - name: HF_HOME
              value: /cache
            - name: PET_MASTER_ADDR
      #             ^^^^^^^^^^^^^^^ error[trainer/reserved-env]: PET_MASTER_ADDR is reserved: the Trainer's PyTorch runtime sets it, and its webhook rejects the TrainJob ("must not have reserved envs"). Remove it (the runtime sets it for each node).
              value: localhost
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
        runtimeRef: { name: torch-distributed }
        trainer:
          env: [{ name: PET_NODE_RANK, value: "0" }, { name: PET_MASTER_PORT, value: "29500" }]
      #                 ^^^^^^^^^^^^^ error[trainer/reserved-env]: PET_NODE_RANK is reserved: the Trainer's PyTorch runtime sets it, and its webhook rejects the TrainJob ("must not have reserved envs"). Remove it (the runtime sets it for each node).
      #                                                      ^^^^^^^^^^^^^^^ error[trainer/reserved-env]: PET_MASTER_PORT is reserved: the Trainer's PyTorch runtime sets it, and its webhook rejects the TrainJob ("must not have reserved envs"). Remove it (the runtime sets it for each node).
    `,
    );
  });

  it('never trips over a half-written trainer', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: trainer.kubeflow.org/v1alpha1
      kind: TrainJob
      metadata:
        name: finetune
      spec:
        trainer:
          env:
            - name:
            - value: x
            -
    `,
    );
  });

  const job = (env: string) => `apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata:
  name: finetune
spec:
  runtimeRef:
    name: torch-distributed
  trainer:
    numNodes: 2
${env}    resourcesPerNode:
      limits:
        nvidia.com/gpu: 8
`;

  it('removes the variable, and the env list with its last variable', () => {
    checkRuleFix(
      ID,
      job('    env:\n      - name: HF_HOME\n        value: /cache\n      - name: $0PET_NNODES\n        value: "2"\n'),
      'Remove PET_NNODES',
      job('    env:\n      - name: HF_HOME\n        value: /cache\n'),
    );
    checkRuleFix(ID, job('    env:\n      - name: $0PET_NNODES\n        value: "2"\n'), 'Remove PET_NNODES', job(''));
    checkRuleFix(
      ID,
      job('    env: [{ name: $0PET_NNODES, value: "2" }, { name: HF_HOME, value: /cache }]\n'),
      'Remove PET_NNODES',
      job('    env: [{ name: HF_HOME, value: /cache }]\n'),
    );
  });
});
