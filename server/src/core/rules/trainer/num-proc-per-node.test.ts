import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'trainer/num-proc-per-node';

const job = (runtime: string, trainer: string) => `apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata:
  name: finetune
spec:
  runtimeRef:
    name: ${runtime}
  trainer:
    numNodes: 2
${trainer}`;

describe(ID, () => {
  it('accepts GPUs per node, a set numProcPerNode, one CPU, the runtime\'s resources, and non-PyTorch runtimes', () => {
    checkRule(ID, job('torch-distributed', '    resourcesPerNode:\n      limits:\n        cpu: 32\n        nvidia.com/gpu: 4\n'));
    checkRule(ID, job('torch-distributed', '    numProcPerNode: 1\n    resourcesPerNode:\n      limits:\n        cpu: 32\n'));
    checkRule(ID, job('torch-distributed', '    resourcesPerNode:\n      requests:\n        cpu: 500m\n        memory: 4Gi\n'));
    checkRule(ID, job('torch-distributed', '    image: ghcr.io/acme/train:1.0\n'));
    checkRule(ID, job('deepspeed-distributed', '    resourcesPerNode:\n      limits:\n        cpu: 32\n'));
  });

  it('reports resourcesPerNode without GPUs and with several CPUs, from limits or requests', () => {
    checkRule(ID, job('torch-distributed', fixture`
          resourcesPerNode:
      #   ^^^^^^^^^^^^^^^^ warning[trainer/num-proc-per-node]: numProcPerNode is not set and resourcesPerNode holds no GPU: the PyTorch runtime then starts one training process per CPU on each node (cpu: 32 here). Add the GPUs to resourcesPerNode.limits, or set numProcPerNode (1 for CPU training).
            limits:
              cpu: 32
              memory: 128Gi
    `));
    checkRule(ID, job('torchtune-llama3.2-1b', fixture`
          resourcesPerNode: { requests: { cpu: "2500m" } }
      #   ^^^^^^^^^^^^^^^^ warning[trainer/num-proc-per-node]: numProcPerNode is not set and resourcesPerNode holds no GPU: the PyTorch runtime then starts one training process per CPU on each node (cpu: "2500m" here). Add the GPUs to resourcesPerNode.limits, or set numProcPerNode (1 for CPU training).
    `));
  });

  it('never trips over a half-written trainer', () => {
    checkRule(ID, job('torch-distributed', '    resourcesPerNode:\n      limits:\n        cpu:\n'));
    checkRule(ID, job('torch-distributed', '    resourcesPerNode:\n'));
  });

  it('sets numProcPerNode: 1', () => {
    const resources = '    resourcesPerNode:\n      limits:\n        cpu: 16\n';
    checkRuleFix(ID, job('torch-distributed', `    $0${resources.slice(4)}`), 'Set numProcPerNode: 1', job('torch-distributed', `${resources}    numProcPerNode: 1\n`));
  });
});
