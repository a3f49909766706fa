// What the GPU nodes view shows: the cluster's GPUs in all, then per GPU product its totals and
// nodes (capacity, allocatable, used, free), and under a node the pods that hold its GPUs. Pure.
import { clusterTotals, formatTotals, productTotals, type NodeGpus } from './model/allocation';
import { plural } from './model/plural';
import { childId, type GpuClusterRow, type GpuNodeRow, type GpuProductRow, type ObjectRow } from './node';

/** The id of the GPU view's rows of a context, from which its descendants' ids are built. */
function gpuContextId(context: string): string {
  return childId('gpu', 'ctx', context);
}

export function clusterNode(context: string, nodes: readonly NodeGpus[]): GpuClusterRow {
  const totals = clusterTotals(nodes);
  return {
    type: 'gpuCluster',
    id: gpuContextId(context),
    label: context,
    description: formatTotals(totals),
    tooltip: `GPUs of the cluster of context ${context}: ${plural(nodes.length, 'GPU node')}, ${formatTotals(totals)}`,
    icon: 'cloud',
    contextValue: 'mlinfra.gpuCluster',
    collapsible: 'none',
    context,
  };
}

export function productNodes(context: string, nodes: readonly NodeGpus[]): GpuProductRow[] {
  return productTotals(nodes).map((t) => ({
    type: 'gpuProduct',
    id: childId(gpuContextId(context), 'product', t.product),
    label: t.product,
    description: formatTotals(t),
    tooltip: `${t.product}: ${plural(t.nodes, 'node')}, ${formatTotals(t)}`,
    icon: 'circuit-board',
    contextValue: 'mlinfra.gpuProduct',
    collapsible: 'expanded',
    context,
    product: t.product,
  }));
}

/** `capacity 8 · allocatable 8 · used 6 · free 2`. */
export function nodeDescription(node: NodeGpus): string {
  const parts = [`capacity ${node.capacity}`, `allocatable ${node.allocatable}`, `used ${node.used ?? '?'}`, `free ${node.free ?? '?'}`];
  if (!node.ready) parts.push('NotReady');
  if (node.unschedulable) parts.push('cordoned');
  return parts.join(' · ');
}

export function gpuNodeNodes(parentId: string, context: string, nodes: readonly NodeGpus[]): GpuNodeRow[] {
  return nodes.map((node) => {
    const full = node.free === 0;
    return {
      type: 'gpuNode',
      id: childId(parentId, 'node', node.name),
      label: node.name,
      description: nodeDescription(node),
      tooltip:
        `Node ${node.name}\nGPU product ${node.product}\ncapacity ${node.capacity}, allocatable ${node.allocatable}, ` +
        `used ${node.used ?? 'unknown'}, free ${node.free ?? 'unknown'}\n${plural(node.pods.length, 'pod')} ` +
        `holding GPUs`,
      icon: node.used === undefined ? 'server' : full ? 'server-environment' : 'server',
      color: !node.ready ? 'errorForeground' : full ? 'charts.orange' : 'charts.green',
      contextValue: 'mlinfra.gpuNode',
      collapsible: node.pods.length ? 'collapsed' : 'none',
      ref: { context, typeKey: '/nodes', name: node.name },
      product: node.product,
    };
  });
}

export function gpuPodNodes(parentId: string, context: string, node: NodeGpus): ObjectRow[] {
  return node.pods.map((pod) => ({
    type: 'pod',
    id: childId(parentId, 'pod', `${pod.namespace}/${pod.name}`),
    label: `${pod.namespace}/${pod.name}`,
    description: `${plural(pod.gpus, 'GPU')} · ${pod.phase}`,
    icon: pod.phase === 'Running' ? 'play-circle' : 'clock',
    contextValue: 'mlinfra.pod',
    collapsible: 'none',
    ref: { context, namespace: pod.namespace, typeKey: '/pods', name: pod.name },
  }));
}
