// Which resources are GPUs, and how many whole GPUs a container holds. Device plugins advertise
// GPUs as extended resources: whole NVIDIA/AMD/Intel GPUs, NVIDIA MIG slices and time-sliced or
// MPS shares (`nvidia.com/gpu.shared`). Pods sum them in `pod-requests.ts`.
import { parseQuantity, quantityValue } from './quantity';
import type { ContainerView, ResourceQuantity } from './workload';

/** Whole-GPU resource names. */
export const WHOLE_GPU_RESOURCES: readonly string[] = ['nvidia.com/gpu', 'amd.com/gpu', 'gpu.intel.com/i915', 'gpu.intel.com/xe'];

/** A resource that is a GPU or a part of one (MIG slice, shared GPU). */
export function isGpuResource(name: string): boolean {
  return WHOLE_GPU_RESOURCES.includes(name) || /^nvidia\.com\/(mig-.+|gpu\..+)$/.test(name);
}

/** The number a quantity states, when it is a plain non-negative number (`2`, `"2"`); undefined for `500m` and the like. */
export function quantityNumber(quantity: ResourceQuantity): number | undefined {
  const value = quantity.value?.value;
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : undefined;
}

/**
 * What a container requests, by resource: its requests, with its limits standing in for the
 * requests it leaves out (the API server defaults a missing request to the limit). For GPUs the
 * limit wins: the API server requires the two equal for extended resources, and the limit is
 * what a GPU resource must state (what the fix of a differing request sets it to). Quantities
 * that are not quantities count as nothing; the schema check reports them.
 */
export function containerRequests(container: ContainerView): Map<string, number> {
  const requests = new Map<string, number>();
  for (const request of container.resources.requests) {
    const value = quantityValue(request);
    if (value !== undefined) requests.set(request.name, value);
  }
  for (const limit of container.resources.limits) {
    const value = quantityValue(limit);
    if (value !== undefined && (!requests.has(limit.name) || isGpuResource(limit.name))) requests.set(limit.name, value);
  }
  return requests;
}

/** The whole GPUs among requests by resource name. */
export function wholeGpus(requests: ReadonlyMap<string, number>): number {
  let gpus = 0;
  for (const name of WHOLE_GPU_RESOURCES) gpus += requests.get(name) ?? 0;
  return gpus;
}

/** Whole GPUs a container holds (what the device plugin hands it); 0 when none. */
export function containerGpus(container: ContainerView): number {
  return wholeGpus(containerRequests(container));
}

/** Whole GPUs in a resource list as a node's capacity or allocatable states them (`{ "nvidia.com/gpu": "8" }`). */
export function gpusInResourceList(list: unknown): number {
  if (!list || typeof list !== 'object') return 0;
  let gpus = 0;
  for (const name of WHOLE_GPU_RESOURCES) gpus += parseQuantity((list as Record<string, unknown>)[name]) ?? 0;
  return gpus;
}

/** Whether a container asks for any GPU resource, as a request or a limit. */
export function asksForGpu(container: ContainerView): boolean {
  return container.resources.all.some((quantity) => isGpuResource(quantity.name));
}
