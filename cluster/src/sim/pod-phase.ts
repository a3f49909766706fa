// A pod's phase and conditions as the kubelet derives them from its containers' statuses: Running
// once a container runs, Succeeded or Failed when all have ended for good (restartPolicy), and the
// Ready conditions.
import type { KubeObject } from '../store/object';

/* eslint-disable @typescript-eslint/no-explicit-any -- statuses are written as JSON */

export function condition(type: string, status: boolean, time: string, reason?: string): any {
  return { type, status: status ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: time, ...(reason ? { reason } : {}) };
}

/** A pod's phase and its Ready conditions, from its container statuses, as the kubelet sets them. */
export function refreshPhase(pod: KubeObject, time: string): void {
  const statuses: any[] = pod.status.containerStatuses ?? [];
  const allReady = statuses.length > 0 && statuses.every((s) => s.ready);
  const terminated = statuses.filter((s) => s.state?.terminated);
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (statuses.length && terminated.length === statuses.length) {
    const failed = terminated.some((s) => s.state.terminated.exitCode !== 0);
    // OnFailure restarts a failed container, Always any: only then is the pod not finished.
    if (policy === 'Never' || (policy === 'OnFailure' && !failed)) pod.status.phase = failed ? 'Failed' : 'Succeeded';
  } else if (statuses.some((s) => s.state?.running || s.lastState?.terminated || s.state?.terminated)) pod.status.phase = 'Running';
  const done = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
  const set = (type: string, status: boolean, reason?: string) => {
    const conditions: any[] = pod.status.conditions;
    const existing = conditions.find((c) => c.type === type);
    if (existing && existing.status === (status ? 'True' : 'False')) return;
    const next = condition(type, status, time, reason);
    if (existing) Object.assign(existing, next);
    else conditions.push(next);
  };
  const reason = done ? 'PodCompleted' : allReady ? undefined : 'ContainersNotReady';
  set('Ready', allReady && !done, reason);
  set('ContainersReady', allReady && !done, reason);
  if (done) set('PodReadyToStartContainers', false);
}
