// Which resources are GPUs, and how many a container or a pod asks for. Device plugins
// advertise GPUs as extended resources: whole NVIDIA/AMD/Intel GPUs, NVIDIA MIG slices and
// time-sliced or MPS shares (`nvidia.com/gpu.shared`).
import type { ContainerView, PodView, ResourceQuantity } from './workload';

/** Whole-GPU resource names. */
export const WHOLE_GPU_RESOURCES = ['nvidia.com/gpu', 'amd.com/gpu', 'gpu.intel.com/i915', 'gpu.intel.com/xe'];

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

/** Whole GPUs a container is limited to (its GPUs, as the device plugin allocates limits); 0 when none. */
export function containerGpus(container: ContainerView): number {
  let gpus = 0;
  for (const limit of container.resources.limits) if (WHOLE_GPU_RESOURCES.includes(limit.name)) gpus += quantityNumber(limit) ?? 0;
  return gpus;
}

/** Whole GPUs each pod of a role holds: its containers' limits (init containers run before, one at a time). */
export function podGpus(pod: PodView): number {
  let gpus = 0;
  for (const container of pod.containers) gpus += containerGpus(container);
  return gpus;
}

/** Whether a container asks for any GPU resource, as a request or a limit. */
export function asksForGpu(container: ContainerView): boolean {
  return container.resources.all.some((quantity) => isGpuResource(quantity.name));
}
