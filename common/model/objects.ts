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

/** What a request sum reads of a container: the views count the GPUs of thousands of pods at each change. */
function requestFields(container: unknown): unknown {
  if (!container || typeof container !== 'object') return container;
  const { name, resources, restartPolicy } = container as Record<string, unknown>;
  return { name, resources, restartPolicy };
}

/** One pod, from a Pod's `spec`, with only what its requests are made of (not env, volumes, probes…). */
function requestsPodOfSpec(spec: unknown): PodView | undefined {
  if (!spec || typeof spec !== 'object') return undefined;
  const { containers, initContainers, overhead } = spec as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? value.map(requestFields) : value);
  return podView(asMap(fromJson({ containers: list(containers), initContainers: list(initContainers), overhead })), 'pod', POD_ROLE, 1);
}

/** A Pod spec's effective requests by resource name (see pod-requests.ts). */
export function podSpecRequests(spec: unknown): Map<string, number> {
  const pod = requestsPodOfSpec(spec);
  return pod ? podRequests(pod) : new Map<string, number>();
}

/** Whole GPUs a pod with this spec holds on its node. */
export function podSpecGpus(spec: unknown): number {
  const pod = requestsPodOfSpec(spec);
  return pod ? podGpus(pod) : 0;
}

/** Whole GPUs one container (JSON) holds. */
export function containerObjectGpus(container: unknown): number {
  const map = asMap(fromJson(requestFields(container)));
  return map ? containerGpus(containerView(map, false)) : 0;
}
