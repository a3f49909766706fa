// The Kubeflow Training Operator (v1) and the MPI operator: one pod per replica of each replica
// type, named like the operators name them (`<job>-master-0`, `<job>-worker-1`, `<job>-launcher`),
// with their labels and the rendezvous environment; conditions Created, Running, Restarting,
// Succeeded and Failed, and replicaStatuses, as the operators write them.
import type { KubeObject } from '../../store/object';
import type { SimContext } from '../context';
import { deleteObject } from '../deletion';
import { createPod, now, ownedBy, phaseOf, podFrom, restarts, setCondition, type Controller } from './common';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are read as JSON */

interface Flavor {
  resource: string;
  kind: string;
  field: string;
  /** The replica type whose success is the job's, when present. */
  leaders: string[];
  controller: string;
}

const FLAVORS: Flavor[] = [
  {
    resource: 'kubeflow.org/pytorchjobs',
    kind: 'PyTorchJob',
    field: 'pytorchReplicaSpecs',
    leaders: ['Master'],
    controller: 'pytorchjob-controller',
  },
  { resource: 'kubeflow.org/tfjobs', kind: 'TFJob', field: 'tfReplicaSpecs', leaders: ['Chief', 'Master'], controller: 'tfjob-controller' },
  { resource: 'kubeflow.org/mpijobs', kind: 'MPIJob', field: 'mpiReplicaSpecs', leaders: ['Launcher'], controller: 'mpi-operator' },
  {
    resource: 'kubeflow.org/xgboostjobs',
    kind: 'XGBoostJob',
    field: 'xgbReplicaSpecs',
    leaders: ['Master'],
    controller: 'xgboostjob-controller',
  },
  {
    resource: 'kubeflow.org/paddlejobs',
    kind: 'PaddleJob',
    field: 'paddleReplicaSpecs',
    leaders: ['Master'],
    controller: 'paddlejob-controller',
  },
  { resource: 'kubeflow.org/jaxjobs', kind: 'JAXJob', field: 'jaxReplicaSpecs', leaders: [], controller: 'jaxjob-controller' },
];

function podName(job: string, type: string, index: number): string {
  return type === 'Launcher' ? `${job}-launcher` : `${job}-${type.toLowerCase()}-${index}`;
}

function environment(flavor: Flavor, job: KubeObject, type: string, index: number, specs: Record<string, any>): any[] {
  if (flavor.kind !== 'PyTorchJob') return [];
  const masters = specs.Master ? 1 : 0;
  const world = Object.values(specs).reduce((sum: number, s: any) => sum + (s?.replicas ?? 1), 0);
  const rank = type === 'Master' ? 0 : masters + index;
  const master = specs.Master ? podName(job.metadata.name, 'Master', 0) : podName(job.metadata.name, 'Worker', 0);
  return [
    { name: 'MASTER_PORT', value: '23456' },
    { name: 'MASTER_ADDR', value: master },
    { name: 'WORLD_SIZE', value: String(world) },
    { name: 'RANK', value: String(rank) },
    { name: 'PYTHONUNBUFFERED', value: '1' },
  ];
}

function podFor(flavor: Flavor, job: KubeObject, type: string, index: number, specs: Record<string, any>): KubeObject {
  const spec = specs[type] ?? {};
  const labels: Record<string, string> = {
    'training.kubeflow.org/job-name': job.metadata.name,
    'training.kubeflow.org/operator-name': flavor.controller,
    'training.kubeflow.org/replica-index': String(index),
    'training.kubeflow.org/replica-type': type.toLowerCase(),
  };
  if (flavor.leaders.includes(type)) labels['training.kubeflow.org/job-role'] = 'master';
  const annotations: Record<string, string> = {};
  // MPI workers run sshd for the launcher until the job ends.
  if (flavor.kind === 'MPIJob' && type === 'Worker') annotations['sim.mlinfra.dev/program'] = 'server';
  const pod = podFrom(job, spec.template, podName(job.metadata.name, type, index), labels, annotations);
  const policy = spec.restartPolicy ?? (flavor.kind === 'MPIJob' && type === 'Worker' ? 'Always' : 'OnFailure');
  pod.spec.restartPolicy = policy === 'ExitCode' ? 'Never' : policy;
  const env = environment(flavor, job, type, index, specs);
  if (env.length)
    pod.spec.containers = pod.spec.containers.map((c: any) => ({
      ...c,
      env: [...(c.env ?? []), ...env.filter((e) => !(c.env ?? []).some((x: any) => x.name === e.name))],
    }));
  return pod;
}

function reconcileJob(sim: SimContext, flavor: Flavor, job: KubeObject): void {
  if (job.metadata.deletionTimestamp) return;
  const specs: Record<string, any> = job.spec?.[flavor.field] ?? {};
  const types = Object.keys(specs).sort(
    (a, b) => Number(flavor.leaders.includes(b)) - Number(flavor.leaders.includes(a)) || (a < b ? -1 : 1),
  );
  const conditions: any[] = job.status?.conditions ?? [];
  const finished = conditions.some((c) => (c.type === 'Succeeded' || c.type === 'Failed') && c.status === 'True');
  const label = `${flavor.kind} ${job.metadata.namespace}/${job.metadata.name}`;
  if (!finished) {
    for (const type of types) {
      for (let i = 0; i < (specs[type]?.replicas ?? 1); i++)
        createPod(sim, job, podFor(flavor, job, type, i, specs), flavor.controller, 'SuccessfulCreatePod');
    }
  }
  const pods = ownedBy(sim, '/pods', job).filter((p) => !p.metadata.deletionTimestamp);
  const of = (type: string) => pods.filter((p) => p.metadata.labels?.['training.kubeflow.org/replica-type'] === type.toLowerCase());
  const leader = types.find((t) => flavor.leaders.includes(t));
  const deciding = leader ? of(leader) : pods;
  const total = types.reduce((sum, t) => sum + (specs[t]?.replicas ?? 1), 0);
  const backoffLimit: number | undefined = job.spec?.runPolicy?.backoffLimit;
  const failedTypes = types.filter((t) => of(t).some((p) => phaseOf(p) === 'Failed'));
  const restartCount = pods.reduce((sum, p) => sum + restarts(p), 0);
  let outcome: 'Succeeded' | 'Failed' | undefined;
  let message = '';
  if (!finished && deciding.length > 0 && deciding.every((p) => phaseOf(p) === 'Succeeded')) {
    outcome = 'Succeeded';
    message = `${label} successfully completed.`;
  } else if (!finished && failedTypes.length) {
    outcome = 'Failed';
    message =
      `${label} is failed because ${of(failedTypes[0]).filter((p) => phaseOf(p) === 'Failed').length} ${failedTypes[0]} ` +
      `replica(s) failed.`;
  } else if (!finished && backoffLimit !== undefined && restartCount > backoffLimit) {
    outcome = 'Failed';
    message = `${flavor.kind} ${job.metadata.name} has failed because it has reached the specified backoff limit`;
  }
  if (outcome) {
    const policy = job.spec?.runPolicy?.cleanPodPolicy ?? (flavor.kind === 'MPIJob' ? 'Running' : 'None');
    for (const pod of pods) {
      const running = phaseOf(pod) !== 'Succeeded' && phaseOf(pod) !== 'Failed';
      if (policy === 'All' || (policy === 'Running' && running)) deleteObject(sim.store, sim.clock, '/pods', pod, 'Background');
    }
    sim.events.record(job, outcome === 'Failed' ? 'Warning' : 'Normal', `${flavor.kind}${outcome}`, message, {
      component: flavor.controller,
    });
  }
  const time = now(sim);
  sim.store.mutate(flavor.resource, job.metadata.namespace, job.metadata.name, (j) => {
    const status = (j.status ??= {});
    status.conditions ??= [];
    status.startTime ??= time;
    setCondition(status.conditions, 'Created', true, `${flavor.kind}Created`, `${flavor.kind} ${j.metadata.name} is created.`, time);
    const running = pods.length === total && pods.every((p) => phaseOf(p) === 'Running');
    if (!finished && !outcome && running)
      setCondition(status.conditions, 'Running', true, `${flavor.kind}Running`, `${label} is running.`, time);
    if (outcome) {
      if (status.conditions.some((c: any) => c.type === 'Running'))
        setCondition(status.conditions, 'Running', false, `${flavor.kind}${outcome}`, message, time);
      setCondition(status.conditions, outcome, true, `${flavor.kind}${outcome}`, message, time);
      status.completionTime = time;
    }
    const replicaStatuses: Record<string, any> = {};
    for (const type of types) {
      const list = of(type);
      const entry: any = {};
      const count = (phase: (p: KubeObject) => boolean) => list.filter(phase).length;
      const active = count((p) => phaseOf(p) === 'Running' || phaseOf(p) === 'Pending');
      const succeeded = count((p) => phaseOf(p) === 'Succeeded');
      const failed = count((p) => phaseOf(p) === 'Failed');
      if (active) entry.active = active;
      if (succeeded) entry.succeeded = succeeded;
      if (failed) entry.failed = failed;
      if (type === 'Worker' && flavor.kind === 'PyTorchJob')
        entry.selector = `training.kubeflow.org/job-name=${j.metadata.name},training.kubeflow.org/operator-name=${flavor.controller},training.kubeflow.org/replica-type=worker`;
      replicaStatuses[type] = entry;
    }
    status.replicaStatuses = replicaStatuses;
  });
}

export function kubeflowControllers(sim: SimContext): Controller[] {
  return FLAVORS.map((flavor) => ({ resource: flavor.resource, reconcile: (job) => reconcileJob(sim, flavor, job) }));
}
