import { checkFindings } from '../../../../../test/harness/check';
import { testHost } from '../../../../../test/harness/hosts';
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
  it("accepts GPUs per node, a set numProcPerNode, one CPU, the runtime's resources, and non-PyTorch runtimes", () => {
    checkRule(ID, job('torch-distributed', '    resourcesPerNode:\n      limits:\n        cpu: 32\n        nvidia.com/gpu: 4\n'));
    checkRule(ID, job('torch-distributed', '    numProcPerNode: 1\n    resourcesPerNode:\n      limits:\n        cpu: 32\n'));
    checkRule(ID, job('torch-distributed', '    resourcesPerNode:\n      requests:\n        cpu: 500m\n        memory: 4Gi\n'));
    checkRule(ID, job('torch-distributed', '    image: ghcr.io/acme/train:1.0\n'));
    checkRule(ID, job('deepspeed-distributed', '    resourcesPerNode:\n      limits:\n        cpu: 32\n'));
  });

  it('reports resourcesPerNode without GPUs and with several CPUs, from limits or requests', () => {
    checkRule(
      ID,
      job(
        'torch-distributed',
        fixture`
          resourcesPerNode:
      #   ^^^^^^^^^^^^^^^^ warning[trainer/num-proc-per-node]: numProcPerNode is not set and resourcesPerNode holds no GPU: the PyTorch runtime then starts one training process per CPU on each node (cpu: 32 here). Add the GPUs to resourcesPerNode.limits, or set numProcPerNode (1 for CPU training).
            limits:
              cpu: 32
              memory: 128Gi
    `,
      ),
    );
    checkRule(
      ID,
      job(
        'torchtune-llama3.2-1b',
        fixture`
          resourcesPerNode: { requests: { cpu: "2500m" } }
      #   ^^^^^^^^^^^^^^^^ warning[trainer/num-proc-per-node]: numProcPerNode is not set and resourcesPerNode holds no GPU: the PyTorch runtime then starts one training process per CPU on each node (cpu: "2500m" here). Add the GPUs to resourcesPerNode.limits, or set numProcPerNode (1 for CPU training).
    `,
      ),
    );
  });

  it('reads the node resources of the runtime it names, in the same file or the same folder', () => {
    const runtime = (gpu: string, framework = 'torch') => `apiVersion: trainer.kubeflow.org/v1alpha1
kind: ClusterTrainingRuntime
metadata:
  name: torch-cpu
  labels:
    trainer.kubeflow.org/framework: ${framework}
spec:
  mlPolicy:
    numNodes: 1
    torch: {}
  template:
    spec:
      replicatedJobs:
        - name: node
          template:
            spec:
              template:
                spec:
                  containers:
                    - name: node
                      image: pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime
                      resources:
                        limits:
                          cpu: 48${gpu}
`;
    const trainJob = `apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata:
  name: finetune
spec:
  runtimeRef:
    name: torch-cpu
  trainer:
    numNodes: 2
`;
    const finding =
      '#         ^^^^^^^^^ warning[trainer/num-proc-per-node]: numProcPerNode is not set and the node of runtime torch-cpu (FILE) has no GPU: the PyTorch runtime then starts one training process per CPU on each node (cpu: 48). Add the GPUs in trainer.resourcesPerNode, or set numProcPerNode (1 for CPU training).\n';
    const annotated = (source: string) =>
      trainJob.replace('    name: torch-cpu\n', `    name: torch-cpu\n${finding.replace('FILE', source)}`);
    checkFindings(`${runtime('')}---\n${annotated('this file')}`, { only: ID });
    checkFindings(`${runtime('\n                          nvidia.com/gpu: 8')}---\n${trainJob}`, { only: ID });
    checkFindings(`${runtime('', 'deepspeed')}---\n${trainJob}`, { only: ID });
    const host = testHost({ 'file:///w/jobs/runtimes.yaml': runtime(''), 'file:///w/jobs/notes.md': '' });
    checkFindings(annotated('runtimes.yaml'), { uri: 'file:///w/jobs/train.yaml', host, only: ID });
    checkFindings(trainJob, { uri: 'file:///w/elsewhere/train.yaml', host, only: ID });
  });

  it('never trips over a half-written trainer', () => {
    checkRule(ID, job('torch-distributed', '    resourcesPerNode:\n      limits:\n        cpu:\n'));
    checkRule(ID, job('torch-distributed', '    resourcesPerNode:\n'));
  });

  it('sets numProcPerNode: 1', () => {
    const resources = '    resourcesPerNode:\n      limits:\n        cpu: 16\n';
    checkRuleFix(
      ID,
      job('torch-distributed', `    $0${resources.slice(4)}`),
      'Set numProcPerNode: 1',
      job('torch-distributed', `${resources}    numProcPerNode: 1\n`),
    );
  });
});
