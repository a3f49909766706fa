// Resource quantities ("500m", "64Gi", "8") as numbers, for the scheduler's arithmetic.

const SUFFIXES: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** The value of a quantity; NaN when it is not one. */
export function parseQuantity(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return NaN;
  const match = /^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(value.trim());
  if (!match) return NaN;
  return Number(match[1]) * SUFFIXES[match[2] ?? ''];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- pod specs are read as JSON */
/** What a pod asks for: the sum of its containers' requests (a limit stands in for a missing request), or its largest init container's. */
export function podRequests(spec: any): Record<string, number> {
  const sum: Record<string, number> = {};
  const of = (container: any): Record<string, number> => {
    const requests = { ...(container.resources?.limits ?? {}), ...(container.resources?.requests ?? {}) };
    return Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, parseQuantity(v)]).filter(([, v]) => !Number.isNaN(v)));
  };
  for (const container of spec?.containers ?? []) for (const [k, v] of Object.entries(of(container))) sum[k] = (sum[k] ?? 0) + v;
  for (const container of spec?.initContainers ?? []) for (const [k, v] of Object.entries(of(container))) sum[k] = Math.max(sum[k] ?? 0, v);
  return sum;
}

/** GPUs a pod holds. */
export function podGpus(spec: any): number {
  return podRequests(spec)['nvidia.com/gpu'] ?? 0;
}
