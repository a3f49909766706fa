// The rows of a pod and of its containers in the Clusters view: state, readiness, restarts, node,
// GPUs and age, each row with the reference of the pod it stands for. Pure: no VS Code, no network.
import { formatAge } from './model/age';
import { containers, podGpuCount, podRestarts, podStatus, type ContainerView } from './model/pods';
import { plural } from './model/plural';
import { childId, STATE_ICONS, type ContainerRow, type ObjectRef, type ObjectRow } from './node';

/* eslint-disable @typescript-eslint/no-explicit-any -- pods are read as JSON */

export function icon(state: string): { icon: string; color: string } {
  return STATE_ICONS[state] ?? STATE_ICONS.pending;
}

function podState(pod: any, status: string): string {
  if (/BackOff|Err|Error|OOMKilled|Unschedulable/.test(status)) return 'warning';
  const phase = pod.status?.phase;
  return phase === 'Running' ? 'running' : phase === 'Succeeded' ? 'succeeded' : phase === 'Failed' ? 'failed' : 'pending';
}

/** The reference of a pod object of a context. */
export function podRef(context: string, pod: { metadata?: { name?: string; namespace?: string } }): ObjectRef {
  return { context, namespace: pod.metadata?.namespace, typeKey: '/pods', name: pod.metadata?.name ?? '' };
}

/** `Running · 0 restarts · gpu-h100-0 · 8 GPUs · 5m`. */
export function podNode(parentId: string, context: string, pod: any, now: number): ObjectRow {
  const status = podStatus(pod);
  const restarts = podRestarts(pod);
  const gpus = podGpuCount(pod);
  const node = pod.spec?.nodeName;
  const parts = [status, plural(restarts, 'restart'), node ?? 'not scheduled'];
  if (gpus > 0) parts.push(plural(gpus, 'GPU'));
  const age = formatAge(pod.metadata?.creationTimestamp, now);
  if (age) parts.push(age);
  const { icon: id, color } = icon(podState(pod, status));
  const unscheduled = (pod.status?.conditions ?? []).find((c: any) => c?.type === 'PodScheduled' && c?.status === 'False');
  return {
    type: 'pod',
    id: childId(parentId, 'pod', pod.metadata?.name ?? ''),
    label: pod.metadata?.name ?? '',
    description: parts.join(' · '),
    tooltip: [
      `Pod ${pod.metadata?.namespace}/${pod.metadata?.name}: ${status}`,
      node ? `node ${node}` : unscheduled?.message,
      pod.status?.podIP ? `IP ${pod.status.podIP}` : undefined,
    ]
      .filter(Boolean)
      .join('\n'),
    icon: id,
    color,
    contextValue: 'mlinfra.pod',
    collapsible: 'collapsed',
    ref: podRef(context, pod),
  };
}

/** `running · 0 restarts · nvcr.io/nvidia/pytorch:24.08-py3`; the row carries its pod's reference and the container's name. */
export function containerNode(parentId: string, pod: ObjectRef, container: ContainerView): ContainerRow {
  const state = container.reason ? `${container.state} (${container.reason})` : container.state;
  const failed = container.state === 'terminated' && container.exitCode !== 0;
  const shown =
    container.state === 'running'
      ? 'running'
      : container.state === 'terminated'
        ? failed
          ? 'failed'
          : 'succeeded'
        : /BackOff|Err/.test(container.reason ?? '')
          ? 'warning'
          : 'pending';
  const { icon: id, color } = icon(shown);
  return {
    type: 'container',
    id: childId(parentId, 'c', container.name),
    label: container.init ? `${container.name} (init)` : container.name,
    description: `${state} · ${plural(container.restarts, 'restart')} · ${container.image}`,
    tooltip: `${container.name}: ${state}${container.exitCode !== undefined ? `, exit code ${container.exitCode}` : ''}\n${container.image}`,
    icon: id,
    color,
    contextValue: 'mlinfra.container',
    collapsible: 'none',
    container: { pod: { ...pod }, container: container.name, init: container.init },
  };
}

/** The containers of a pod (init containers first, as they run), each with the pod's reference. */
export function containerNodes(parentId: string, context: string, pod: any): ContainerRow[] {
  const ref = podRef(context, pod);
  return containers(pod).map((c) => containerNode(parentId, ref, c));
}
