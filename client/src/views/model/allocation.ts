// GPUs per node and per GPU product: what each node has (capacity, allocatable), what its pods hold
// (the GPU requests of pods bound to it that have not terminated: Pending with a node, Running),
// and what is free; and the totals per product for the cluster.
import { gpusInResourceList, podSpecGpus } from '../../../../common/model';
import { plural } from './plural';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as JSON */

export const PRODUCT_LABEL = 'nvidia.com/gpu.product';

export interface GpuPod {
  namespace: string;
  name: string;
  gpus: number;
  phase: string;
}

export interface NodeGpus {
  name: string;
  product: string;
  capacity: number;
  allocatable: number;
  /** Undefined when the pods could not be listed. */
  used: number | undefined;
  free: number | undefined;
  pods: GpuPod[];
  ready: boolean;
  unschedulable: boolean;
}

export interface ProductTotals {
  product: string;
  nodes: number;
  gpus: number;
  used: number | undefined;
  free: number | undefined;
}

/** Pods that hold their node's resources: bound to it and not finished. */
export function holdsResources(pod: any): boolean {
  const phase = pod?.status?.phase;
  return !!pod?.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

/** The GPU nodes (those with GPUs or a GPU product label), with their use; `pods` undefined when unknown. */
export function gpuNodes(nodes: readonly any[], pods: readonly any[] | undefined): NodeGpus[] {
  const byNode = new Map<string, GpuPod[]>();
  for (const pod of pods ?? []) {
    if (!holdsResources(pod)) continue;
    const gpus = podSpecGpus(pod.spec);
    if (gpus === 0) continue;
    const list = byNode.get(pod.spec.nodeName) ?? [];
    list.push({ namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '', gpus, phase: pod.status?.phase ?? 'Pending' });
    byNode.set(pod.spec.nodeName, list);
  }
  const result: NodeGpus[] = [];
  for (const node of nodes) {
    const capacity = gpusInResourceList(node?.status?.capacity);
    const allocatable = gpusInResourceList(node?.status?.allocatable ?? node?.status?.capacity);
    const product = node?.metadata?.labels?.[PRODUCT_LABEL];
    if (capacity === 0 && allocatable === 0 && !product) continue;
    const name = String(node?.metadata?.name ?? '');
    const held = (byNode.get(name) ?? []).sort((a, b) => (a.namespace + a.name < b.namespace + b.name ? -1 : 1));
    const used = pods ? held.reduce((sum, p) => sum + p.gpus, 0) : undefined;
    result.push({
      name,
      product: product ?? 'unknown GPU',
      capacity,
      allocatable,
      used,
      free: used === undefined ? undefined : Math.max(0, allocatable - used),
      pods: held,
      ready: (node?.status?.conditions ?? []).some((c: any) => c?.type === 'Ready' && c?.status === 'True'),
      unschedulable: node?.spec?.unschedulable === true,
    });
  }
  return result.sort((a, b) => (a.product === b.product ? (a.name < b.name ? -1 : 1) : a.product < b.product ? -1 : 1));
}

export function productTotals(nodes: readonly NodeGpus[]): ProductTotals[] {
  const totals = new Map<string, ProductTotals>();
  for (const node of nodes) {
    const t = totals.get(node.product) ?? { product: node.product, nodes: 0, gpus: 0, used: 0, free: 0 };
    t.nodes++;
    t.gpus += node.allocatable;
    t.used = t.used === undefined || node.used === undefined ? undefined : t.used + node.used;
    t.free = t.free === undefined || node.free === undefined ? undefined : t.free + node.free;
    totals.set(node.product, t);
  }
  return [...totals.values()];
}

export function clusterTotals(nodes: readonly NodeGpus[]): ProductTotals {
  const all = productTotals(nodes.map((n) => ({ ...n, product: '' })));
  return all[0] ?? { product: '', nodes: 0, gpus: 0, used: 0, free: 0 };
}

/** `16 GPUs, 10 used, 6 free`; `16 GPUs, ? used` when the pods are unknown. */
export function formatTotals(t: { gpus: number; used: number | undefined; free: number | undefined }): string {
  return t.used === undefined ? `${plural(t.gpus, 'GPU')}, ? used` : `${plural(t.gpus, 'GPU')}, ${t.used} used, ${t.free} free`;
}
