// A workload's state, read from its kind's status the way its operator writes it: Kubeflow's
// conditions (Created, Running, Restarting, Succeeded, Failed, Suspended), a batch Job's
// Complete/Failed/Suspended and ready count, JobSet's and TrainJob's conditions, Volcano's phase,
// KubeRay's deployment status, LeaderWorkerSet's and KServe's readiness. When the status says
// nothing decisive, a running pod makes the workload running.

/* eslint-disable @typescript-eslint/no-explicit-any -- status is read as JSON */

export type WorkloadState = 'running' | 'succeeded' | 'failed' | 'pending' | 'suspended';

export interface StateInfo {
  state: WorkloadState;
  /** The reason or message of the condition that decided, for the tooltip. */
  detail?: string;
}

function condition(object: any, type: string): any {
  return (object?.status?.conditions ?? []).find((c: any) => c?.type === type && c?.status === 'True');
}

function detail(c: any): string | undefined {
  return c?.message || c?.reason || undefined;
}

/** The first of `types` whose condition is True decides the state. */
function byConditions(object: any, rules: Array<[string, WorkloadState]>): StateInfo | undefined {
  for (const [type, state] of rules) {
    const c = condition(object, type);
    if (c) return { state, detail: detail(c) };
  }
  return undefined;
}

const fallback = (object: any, podsRunning: boolean): StateInfo =>
  object?.spec?.suspend === true || object?.spec?.runPolicy?.suspend === true
    ? { state: 'suspended' }
    : { state: podsRunning ? 'running' : 'pending' };

function kubeflow(object: any, podsRunning: boolean): StateInfo {
  return (
    byConditions(object, [
      ['Failed', 'failed'],
      ['Succeeded', 'succeeded'],
      ['Suspended', 'suspended'],
      ['Restarting', 'running'],
      ['Running', 'running'],
    ]) ?? fallback(object, podsRunning)
  );
}

function batchJob(object: any, podsRunning: boolean): StateInfo {
  const decided = byConditions(object, [
    ['Failed', 'failed'],
    ['FailureTarget', 'failed'],
    ['Complete', 'succeeded'],
    ['SuccessCriteriaMet', 'succeeded'],
    ['Suspended', 'suspended'],
  ]);
  if (decided) return decided;
  if (object?.spec?.suspend === true) return { state: 'suspended' };
  const status = object?.status ?? {};
  if ((status.ready ?? 0) > 0 || (status.ready === undefined && (status.active ?? 0) > 0) || podsRunning) return { state: 'running' };
  return { state: 'pending' };
}

function volcano(object: any, podsRunning: boolean): StateInfo {
  const phase = String(object?.status?.state?.phase ?? '');
  const state: Record<string, WorkloadState> = {
    Completed: 'succeeded',
    Failed: 'failed',
    Terminated: 'failed',
    Terminating: 'failed',
    Aborted: 'suspended',
    Aborting: 'suspended',
    Running: 'running',
    Restarting: 'running',
    Completing: 'running',
    Pending: 'pending',
    Inqueue: 'pending',
  };
  return state[phase] ? { state: state[phase], detail: object?.status?.state?.message || phase } : fallback(object, podsRunning);
}

function rayJob(object: any, podsRunning: boolean): StateInfo {
  const status = object?.status ?? {};
  const deployment = String(status.jobDeploymentStatus ?? '');
  const info = status.message || status.reason || undefined;
  if (deployment === 'Complete')
    return { state: status.jobStatus === 'SUCCEEDED' ? 'succeeded' : 'failed', detail: info ?? status.jobStatus };
  if (deployment === 'Failed' || status.jobStatus === 'FAILED') return { state: 'failed', detail: info };
  if (deployment === 'Suspended' || deployment === 'Suspending' || object?.spec?.suspend === true)
    return { state: 'suspended', detail: info };
  if (deployment === 'Running') return { state: 'running', detail: status.jobStatus };
  return { state: deployment ? 'pending' : podsRunning ? 'running' : 'pending', detail: deployment || undefined };
}

function rayCluster(object: any, podsRunning: boolean): StateInfo {
  const state = String(object?.status?.state ?? '');
  if (condition(object, 'RayClusterSuspended') || state === 'suspended') return { state: 'suspended' };
  if (state === 'failed') return { state: 'failed', detail: object?.status?.reason };
  if (state === 'ready') return { state: 'running' };
  return fallback(object, podsRunning);
}

function ready(object: any, readyType: string, podsRunning: boolean): StateInfo {
  const c = condition(object, readyType);
  if (c) return { state: 'running', detail: detail(c) };
  const failed = condition(object, 'Failed');
  if (failed) return { state: 'failed', detail: detail(failed) };
  if (object?.spec?.replicas === 0) return { state: 'suspended', detail: 'scaled to 0 replicas' };
  const notReady = (object?.status?.conditions ?? []).find((x: any) => x?.type === readyType && x?.status === 'False');
  return { state: podsRunning && !notReady ? 'running' : 'pending', detail: detail(notReady) };
}

export function workloadState(typeKey: string, object: unknown, podsRunning = false): StateInfo {
  if (typeKey.startsWith('kubeflow.org/')) return kubeflow(object, podsRunning);
  switch (typeKey) {
    case 'batch/jobs':
      return batchJob(object, podsRunning);
    case 'trainer.kubeflow.org/trainjobs':
      return (
        byConditions(object, [
          ['Failed', 'failed'],
          ['Complete', 'succeeded'],
          ['Suspended', 'suspended'],
        ]) ?? fallback(object, podsRunning)
      );
    case 'jobset.x-k8s.io/jobsets':
      return (
        byConditions(object, [
          ['Failed', 'failed'],
          ['Completed', 'succeeded'],
          ['Suspended', 'suspended'],
        ]) ?? fallback(object, podsRunning)
      );
    case 'batch.volcano.sh/jobs':
      return volcano(object, podsRunning);
    case 'ray.io/rayjobs':
      return rayJob(object, podsRunning);
    case 'ray.io/rayclusters':
      return rayCluster(object, podsRunning);
    case 'leaderworkerset.x-k8s.io/leaderworkersets':
    case 'apps/deployments':
      return ready(object, 'Available', podsRunning);
    case 'serving.kserve.io/inferenceservices':
      return ready(object, 'Ready', podsRunning);
    default:
      return fallback(object, podsRunning);
  }
}

/** Finished workloads no longer hold their pods' GPUs. */
export function isFinished(state: WorkloadState): boolean {
  return state === 'succeeded' || state === 'failed';
}
