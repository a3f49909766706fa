// A pod's READY, STATUS and RESTARTS cells as kube-apiserver's pod printer computes them: STATUS from
// the container states (the last container's reason wins, Terminating over all), RESTARTS with the
// time of the last one.
import type { KubeObject } from '../store/object';
import { humanDuration } from './human-duration';

/* eslint-disable @typescript-eslint/no-explicit-any -- container statuses are read as JSON */
/** READY, STATUS and RESTARTS of a pod, as kubectl prints them. */
export function podStatusCells(pod: KubeObject, now: number): [string, string, string] {
  const statuses: any[] = pod.status?.containerStatuses ?? [];
  const total = (pod.spec?.containers ?? []).length;
  let reason: string = pod.status?.reason || pod.status?.phase || 'Pending';
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let hasRunning = false;
  for (const status of [...statuses].reverse()) {
    restarts += status.restartCount ?? 0;
    const finished = status.lastState?.terminated?.finishedAt;
    if (finished) lastRestart = Math.max(lastRestart, Date.parse(finished));
    const state = status.state ?? {};
    if (state.waiting?.reason) reason = state.waiting.reason;
    else if (state.terminated?.reason) reason = state.terminated.reason;
    else if (state.terminated)
      reason = state.terminated.signal ? `Signal:${state.terminated.signal}` : `ExitCode:${state.terminated.exitCode}`;
    else if (state.running && status.ready) {
      hasRunning = true;
      ready++;
    } else if (state.running) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning)
    reason = pod.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  if (pod.metadata.deletionTimestamp) reason = 'Terminating';
  const restartText = restarts !== 0 && lastRestart ? `${restarts} (${humanDuration(now - lastRestart)} ago)` : String(restarts);
  return [`${ready}/${total}`, reason, restartText];
}
