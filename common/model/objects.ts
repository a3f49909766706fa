// The workload model over objects read from a cluster (JSON), for the Clusters and GPU nodes
// views and the demo cluster's scheduler: the same extraction, requests and GPU counts as the
// editor's, through `fromJson`.
import { fromJson } from './from-json';
import { containerGpus } from './gpu-resources';
import { containerView, podView } from './pod-spec';
import { podGpus, podRequests } from './pod-requests';
import type { ScalarNode } from './nodes';
import type { PodView, WorkloadView } from './workload';
import { workloadOfType } from './workloads';
import { asMap } from './yaml-map';

const POD_ROLE: ScalarNode = { kind: 'scalar', value: 'Pod', quoted: false, start: 0, end: 0 };

/** The workload view of a live object of the given type; undefined when the kind is not a workload. */
export function workloadOfObject(apiVersion: string, kind: string, object: unknown): WorkloadView | undefined {
  return workloadOfType(fromJson(object), apiVersion, kind);
}

/** One pod, from a Pod's `spec`. */
export function podOfSpec(spec: unknown): PodView | undefined {
  return podView(asMap(fromJson(spec)), 'pod', POD_ROLE, 1);
}

/** A Pod spec's effective requests by resource name (see pod-requests.ts). */
export function podSpecRequests(spec: unknown): Map<string, number> {
  const pod = podOfSpec(spec);
  return pod ? podRequests(pod) : new Map<string, number>();
}

/** Whole GPUs a pod with this spec holds on its node. */
export function podSpecGpus(spec: unknown): number {
  const pod = podOfSpec(spec);
  return pod ? podGpus(pod) : 0;
}

/** Whole GPUs one container (JSON) holds. */
export function containerObjectGpus(container: unknown): number {
  const map = asMap(fromJson(container));
  return map ? containerGpus(containerView(map, false)) : 0;
}
