// The training job the logs views' tests follow, in the extension host and in the browser: a
// CPU-only PyTorchJob of a master and two workers on the demo cluster's CPU node whose first run dies
// of a bus error in its DataLoader (/dev/shm too small: mlinfra's gpu/shm-missing explains it), then
// trains to the end on the restart. Its traceback names /workspace/train.py (line 58, 51, 36). On the
// cluster's clock from its start: every pod's first run dies between 5.7 s and 10.8 s (at a step
// between 5 and 10 of 20, at random) and restarts 10 s later; the restarts end by 42 s.

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

export const PROBE_JOB = {
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
};

/** The script the traceback names: 60 lines, so that lines 36, 51 and 58 exist. */
export function probeScript(): string {
  return Array.from({ length: 60 }, (_, i) => (i === 57 ? '    main()' : `# line ${i + 1}`)).join('\n') + '\n';
}
