// A pod as the tree shows it: the status kubectl would print (ContainerCreating, CrashLoopBackOff,
// Completed, Terminating …), restarts, node, GPUs; and each container's state, restarts and image.
import { podSpecGpus } from '../../../../common/model';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as JSON */

export interface ContainerView {
  name: string;
  init: boolean;
  state: 'running' | 'waiting' | 'terminated' | 'unknown';
  /** Why it waits or ended: ContainerCreating, CrashLoopBackOff, Completed, OOMKilled … */
  reason?: string;
  exitCode?: number;
  restarts: number;
  ready: boolean;
  image: string;
}

export function isPodReady(pod: any): boolean {
  return (pod?.status?.conditions ?? []).some((c: any) => c?.type === 'Ready' && c?.status === 'True');
}

export function podRestarts(pod: any): number {
  return (pod?.status?.containerStatuses ?? []).reduce((sum: number, s: any) => sum + (s?.restartCount ?? 0), 0);
}

/** The STATUS column of `kubectl get pods`. */
export function podStatus(pod: any): string {
  if (pod?.metadata?.deletionTimestamp) return 'Terminating';
  const phase = String(pod?.status?.phase ?? 'Pending');
  let reason = pod?.status?.reason ? String(pod.status.reason) : phase;
  for (const s of pod?.status?.initContainerStatuses ?? []) {
    if (s?.state?.terminated && s.state.terminated.exitCode === 0) continue;
    if (s?.state?.terminated) return `Init:${s.state.terminated.reason ?? 'Error'}`;
    if (s?.state?.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') return `Init:${s.state.waiting.reason}`;
    return 'Init';
  }
  let running = false;
  for (const s of [...(pod?.status?.containerStatuses ?? [])].reverse()) {
    if (s?.state?.waiting?.reason) reason = s.state.waiting.reason;
    else if (s?.state?.terminated)
      reason =
        s.state.terminated.reason ??
        (s.state.terminated.signal ? `Signal:${s.state.terminated.signal}` : `ExitCode:${s.state.terminated.exitCode}`);
    else if (s?.state?.running && s?.ready) running = true;
  }
  if (reason === 'Completed' && running) reason = isPodReady(pod) ? 'Running' : 'NotReady';
  if (phase === 'Pending' && reason === 'Pending' && !pod?.spec?.nodeName) {
    const scheduled = (pod?.status?.conditions ?? []).find((c: any) => c?.type === 'PodScheduled' && c?.status === 'False');
    if (scheduled?.reason === 'Unschedulable') return 'Pending (unschedulable)';
  }
  return reason;
}

function containerView(spec: any, status: any, init: boolean): ContainerView {
  const state = status?.state ?? {};
  const view: ContainerView = {
    name: String(spec?.name ?? status?.name),
    init,
    state: 'unknown',
    restarts: status?.restartCount ?? 0,
    ready: status?.ready === true,
    image: String(spec?.image ?? status?.image ?? ''),
  };
  if (state.running) view.state = 'running';
  else if (state.waiting) Object.assign(view, { state: 'waiting', reason: state.waiting.reason });
  else if (state.terminated)
    Object.assign(view, { state: 'terminated', reason: state.terminated.reason, exitCode: state.terminated.exitCode });
  return view;
}

export function containers(pod: any): ContainerView[] {
  const statuses = (list: any[]) => new Map((list ?? []).map((s: any) => [s?.name, s]));
  const init = statuses(pod?.status?.initContainerStatuses);
  const main = statuses(pod?.status?.containerStatuses);
  return [
    ...(pod?.spec?.initContainers ?? []).map((c: any) => containerView(c, init.get(c?.name), true)),
    ...(pod?.spec?.containers ?? []).map((c: any) => containerView(c, main.get(c?.name), false)),
  ];
}

export function podGpuCount(pod: any): number {
  return podSpecGpus(pod?.spec);
}
