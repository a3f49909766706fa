// Resource quantities ("8", "500m", "64Gi") as numbers, and the GPUs a pod or pod template holds.
// A limit stands in for a missing request, as the API server defaults extended resources.

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are read as JSON */

const SUFFIXES: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** The value of a quantity; 0 when it is none. */
export function parseQuantity(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  if (typeof value !== 'string') return 0;
  const match = /^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(value.trim());
  return match ? Number(match[1]) * SUFFIXES[match[2] ?? ''] : 0;
}

/** Whole GPUs: NVIDIA's and AMD's device plugin resources (MIG slices are not whole GPUs). */
export const GPU_RESOURCES = ['nvidia.com/gpu', 'amd.com/gpu'];

function containerGpus(container: any, field: 'limits' | 'requests'): number {
  const resources = container?.resources ?? {};
  const first = resources[field] ?? {};
  const second = resources[field === 'limits' ? 'requests' : 'limits'] ?? {};
  let sum = 0;
  for (const name of GPU_RESOURCES) sum += parseQuantity(first[name] ?? second[name]);
  return sum;
}

/**
 * The GPUs a pod spec holds: its containers' sum, or its largest init container's if larger
 * (init containers run one at a time, before the others). `limits` reads limits first (what a
 * job's total counts), `requests` reads requests first (what the scheduler allocates).
 */
export function podGpus(spec: any, field: 'limits' | 'requests' = 'limits'): number {
  let sum = 0;
  for (const container of spec?.containers ?? []) sum += containerGpus(container, field);
  let init = 0;
  for (const container of spec?.initContainers ?? []) init = Math.max(init, containerGpus(container, field));
  return Math.max(sum, init);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
