// The job the logs views' tests follow: a CPU-only PyTorchJob of a master and two workers whose
// first run dies of a bus error in its DataLoader (/dev/shm too small), then trains to the end on
// the restart. Its script's traceback names /workspace/train.py, which the tests put in the workspace.
// On the cluster's clock from its start: every pod's first run dies between 5.7 s and 10.8 s (at a
// step between 5 and 10 of 20, at random) and restarts 10 s later; the restarts end by 42 s.
import * as vscode from 'vscode';
import { workspaceFile } from './helpers';
import { serverSideApply } from './kube';

export const PROBE = 'bert-pretrain';

const template = {
  spec: {
    nodeSelector: { 'kubernetes.io/hostname': 'cpu-0' },
    containers: [
      {
        name: 'pytorch',
        image: 'python:3.11-slim',
        command: ['python', 'train.py'],
        resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } },
      },
    ],
  },
};

export async function applyProbe(): Promise<void> {
  await serverSideApply(
    {
      apiVersion: 'kubeflow.org/v1',
      kind: 'PyTorchJob',
      metadata: {
        name: PROBE,
        namespace: 'ml-training',
        annotations: {
          'sim.mlinfra.dev/program': 'training',
          'sim.mlinfra.dev/steps': '20',
          'sim.mlinfra.dev/step-seconds': '1',
          'sim.mlinfra.dev/log-every': '5',
          'sim.mlinfra.dev/fail-attempts': '1',
          'sim.mlinfra.dev/failure': 'shm-bus-error',
        },
      },
      spec: {
        pytorchReplicaSpecs: {
          Master: { replicas: 1, restartPolicy: 'OnFailure', template },
          Worker: { replicas: 2, restartPolicy: 'OnFailure', template },
        },
      },
    } as unknown as { apiVersion: string; kind: string; metadata: { name: string; namespace: string } },
    'pytorchjobs',
  );
}

/** The script the traceback names, in the workspace: 60 lines, so line 58 exists. */
export async function writeScript(): Promise<vscode.Uri> {
  const uri = workspaceFile('train.py');
  const lines = Array.from({ length: 60 }, (_, i) => (i === 57 ? '    main()' : `# line ${i + 1}`));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lines.join('\n') + '\n'));
  return uri;
}
