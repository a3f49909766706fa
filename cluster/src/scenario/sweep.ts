// The `large` scenario's extra: a finished hyper-parameter sweep, a batch Job whose 5,000 trial
// pods all Succeeded, in namespace ml-sweeps. It is there to list: clients must page through it
// (`limit`/`continue`) and stay responsive. Loaded before the simulation listens, because nothing
// about it changes and 5,000 pod additions need not wake the scheduler 5,000 times.
import type { SimContext } from '../sim/context';
import { ownerReference } from '../sim/controllers/common';
import { withDefaults } from '../sim/defaults';
import { qosClass } from '../sim/qos';
import { timestamp, type KubeObject } from '../store/object';

export const SWEEP_NAMESPACE = 'ml-sweeps';
export const SWEEP_TRIALS = 5000;

const NODES = ['gpu-a100-0', 'gpu-a100-1', 'gpu-h100-0', 'gpu-h100-1'];

function trialPod(job: KubeObject, index: number, started: number): KubeObject {
  const node = NODES[index % NODES.length];
  const start = timestamp(started + index * 60_000);
  const end = timestamp(started + index * 60_000 + 50 * 60_000);
  const spec = {
    restartPolicy: 'Never',
    nodeName: node,
    containers: [
      {
        name: 'trial',
        image: 'nvcr.io/nvidia/pytorch:24.05-py3',
        args: ['--trial', String(index)],
        resources: { limits: { 'nvidia.com/gpu': 1 } },
      },
    ],
    tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `hparam-sweep-${index}-${(index * 7919).toString(36).padStart(5, 'x').slice(-5)}`,
      namespace: SWEEP_NAMESPACE,
      creationTimestamp: start,
      labels: { ...job.spec.template.metadata.labels, 'batch.kubernetes.io/job-completion-index': String(index) },
      ownerReferences: [ownerReference(job)],
    },
    spec,
    status: {
      phase: 'Succeeded',
      qosClass: qosClass(spec),
      startTime: start,
      containerStatuses: [
        {
          name: 'trial',
          image: spec.containers[0].image,
          imageID: '',
          ready: false,
          started: false,
          restartCount: 0,
          state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: start, finishedAt: end } },
          lastState: {},
        },
      ],
    },
  };
}

/** Adds the sweep's namespace, Job and pods to the store. */
export function loadSweep(sim: SimContext, trials = SWEEP_TRIALS): void {
  const started = sim.clock.now() - 7 * 24 * 3600 * 1000;
  sim.store.create(
    '/namespaces',
    withDefaults(
      '/namespaces',
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: SWEEP_NAMESPACE, creationTimestamp: timestamp(started) } },
      sim.random,
    ),
  );
  const job = withDefaults(
    'batch/jobs',
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'hparam-sweep', namespace: SWEEP_NAMESPACE, creationTimestamp: timestamp(started) },
      spec: {
        completions: trials,
        parallelism: 32,
        completionMode: 'Indexed',
        backoffLimit: 0,
        template: {
          spec: {
            restartPolicy: 'Never',
            containers: [{ name: 'trial', image: 'nvcr.io/nvidia/pytorch:24.05-py3', resources: { limits: { 'nvidia.com/gpu': 1 } } }],
          },
        },
      },
      status: {
        succeeded: trials,
        startTime: timestamp(started),
        completionTime: timestamp(started + trials * 60_000 + 50 * 60_000),
        conditions: [{ type: 'Complete', status: 'True', lastProbeTime: timestamp(started), lastTransitionTime: timestamp(started) }],
      },
    },
    sim.random,
  );
  sim.store.create('batch/jobs', job);
  const stored = sim.store.get('batch/jobs', SWEEP_NAMESPACE, 'hparam-sweep') ?? job;
  for (let i = 0; i < trials; i++) sim.store.create('/pods', withDefaults('/pods', trialPod(stored, i, started), sim.random));
}
