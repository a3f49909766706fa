// What the session says when a container changes: it starts, ends (its reason and exit code, as
// `kubectl get pods` shows them: `Error, exit code 1`, `OOMKilled, exit code 137`), restarts, or
// waits to start (`ContainerCreating`, `ImagePullBackOff`); and a pod that waits for a node.

/* eslint-disable @typescript-eslint/no-explicit-any -- statuses are read as JSON */

export interface StatusText {
  text: string;
  level?: 'warning' | 'error';
}

/** A container's status in a pod (app or init container), if the kubelet wrote one. */
export function containerStatus(pod: any, container: string): any {
  const all: any[] = [...(pod?.status?.initContainerStatuses ?? []), ...(pod?.status?.containerStatuses ?? [])];
  return all.find((s) => s?.name === container);
}

export function restartCount(status: any): number {
  return Number(status?.restartCount ?? 0) || 0;
}

/** `Error, exit code 1`; `OOMKilled, exit code 137`; `Completed, exit code 0`; `Error, signal 9`. */
export function terminationReason(terminated: any): string {
  const reason = String(terminated?.reason ?? (terminated?.exitCode === 0 ? 'Completed' : 'Error'));
  const code = terminated?.exitCode;
  if (typeof code === 'number') return `${reason}, exit code ${code}`;
  return terminated?.signal ? `${reason}, signal ${terminated.signal}` : reason;
}

export function terminated(container: string, state: any): StatusText {
  const failed = state?.exitCode !== 0 || (state?.reason && state.reason !== 'Completed');
  return { text: `container ${container} terminated: ${terminationReason(state)}`, level: failed ? 'error' : undefined };
}

export function started(container: string, restarts: number): StatusText {
  return { text: restarts > 0 ? `container ${container} restarted (restart ${restarts})` : `container ${container} started` };
}

/** A container not started yet: `waiting to start: ContainerCreating`, with the kubelet's message for a failure. */
export function waiting(container: string, state: any): StatusText {
  const reason = String(state?.reason ?? 'ContainerCreating');
  const bad = !['ContainerCreating', 'PodInitializing'].includes(reason);
  const message = bad && state?.message ? `: ${String(state.message)}` : '';
  return { text: `container ${container} is waiting to start: ${reason}${message}`, level: bad ? 'warning' : undefined };
}

/** Whether the pod is done: no container of it runs again. */
export function podFinished(pod: any): boolean {
  const phase = pod?.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** A pod not yet on a node says so once; the scheduler's reason comes as an event. */
export function unscheduled(pod: any): StatusText | undefined {
  if (pod?.spec?.nodeName || pod?.status?.phase !== 'Pending') return undefined;
  return { text: 'pod is Pending: not scheduled on a node yet' };
}
