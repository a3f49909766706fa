// What a pod asks of its node, as the API server and the scheduler compute it: the sum of its
// app containers' requests, or what its init containers need while they run if that is more,
// plus the pod's overhead. Sidecars (init containers with `restartPolicy: Always`) keep running
// beside the app containers and the init containers after them, so they count in both.
import { containerRequests, wholeGpus } from './gpu-resources';
import { parseQuantity } from './quantity';
import type { PodView } from './workload';

function add(into: Map<string, number>, from: ReadonlyMap<string, number>): void {
  for (const [name, value] of from) into.set(name, (into.get(name) ?? 0) + value);
}

function max(into: Map<string, number>, from: ReadonlyMap<string, number>): void {
  for (const [name, value] of from) into.set(name, Math.max(into.get(name) ?? 0, value));
}

/** The pod's effective requests by resource name. */
export function podRequests(pod: PodView): Map<string, number> {
  const requests = new Map<string, number>();
  for (const container of pod.containers) add(requests, containerRequests(container));
  const sidecars = new Map<string, number>();
  const initPeak = new Map<string, number>();
  for (const container of pod.initContainers) {
    const own = containerRequests(container);
    if (container.sidecar) {
      add(requests, own);
      add(sidecars, own);
      max(initPeak, sidecars);
    } else {
      // A regular init container runs alone, beside the sidecars started before it.
      const running = new Map(sidecars);
      add(running, own);
      max(initPeak, running);
    }
  }
  max(requests, initPeak);
  for (const entry of pod.spec.map('overhead')?.node.entries ?? []) {
    const value = entry.value?.kind === 'scalar' ? parseQuantity(entry.value.value) : undefined;
    if (value !== undefined) requests.set(String(entry.key.value), (requests.get(String(entry.key.value)) ?? 0) + value);
  }
  return requests;
}

/** Whole GPUs one pod of a role holds on its node. */
export function podGpus(pod: PodView): number {
  return wholeGpus(podRequests(pod));
}

/** Whole GPUs the app containers hold: the devices the processes of a training pod see. */
export function appContainerGpus(pod: PodView): number {
  let gpus = 0;
  for (const container of pod.containers) gpus += wholeGpus(containerRequests(container));
  return gpus;
}
