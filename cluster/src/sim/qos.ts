// A pod's QoS class, as the API server sets it at creation: from the CPU and memory requests and
// limits of its containers (extended resources such as GPUs do not count). `kubectl describe`
// shows it, and the kubelet evicts BestEffort pods first.
import { parseQuantity } from '../../../common/model';

const COMPUTE = ['cpu', 'memory'];

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/* eslint-disable @typescript-eslint/no-explicit-any -- pod specs are read as JSON */
export function qosClass(spec: any): QosClass {
  const containers: any[] = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
  let asks = false;
  let guaranteed = containers.length > 0;
  for (const container of containers) {
    const limits: Record<string, unknown> = container.resources?.limits ?? {};
    // A limit without a request is defaulted as the request too.
    const requests: Record<string, unknown> = { ...limits, ...(container.resources?.requests ?? {}) };
    for (const resource of COMPUTE) {
      if (requests[resource] !== undefined || limits[resource] !== undefined) asks = true;
      if (limits[resource] === undefined || parseQuantity(requests[resource]) !== parseQuantity(limits[resource])) guaranteed = false;
    }
  }
  return !asks ? 'BestEffort' : guaranteed ? 'Guaranteed' : 'Burstable';
}
