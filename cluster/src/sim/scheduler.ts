// Picks a node for a pod as kube-scheduler's default filters would: node selector and required
// node affinity, taints, and free resources (GPUs included) against allocatable. A pod that fits
// nowhere gets the scheduler's message: `0/5 nodes are available: 4 Insufficient nvidia.com/gpu, ...`.
import type { KubeObject } from '../store/object';
import { parseQuantity, podSpecRequests } from '../../../common/model';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are read as JSON */

export type Placement = { node: string } | { message: string };

function matchesExpression(labels: Record<string, string>, e: any): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, e.key);
  switch (e.operator) {
    case 'In':
      return has && (e.values ?? []).includes(labels[e.key]);
    case 'NotIn':
      return !has || !(e.values ?? []).includes(labels[e.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
      return has && Number(labels[e.key]) > Number(e.values?.[0]);
    case 'Lt':
      return has && Number(labels[e.key]) < Number(e.values?.[0]);
    default:
      return false;
  }
}

function matchesAffinity(pod: KubeObject, labels: Record<string, string>): boolean {
  const selector = pod.spec?.nodeSelector ?? {};
  if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false;
  const terms: any[] = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return terms.length === 0 || terms.some((t) => (t.matchExpressions ?? []).every((e: any) => matchesExpression(labels, e)));
}

function tolerates(tolerations: any[], taint: any): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

function untoleratedTaint(pod: KubeObject, node: KubeObject): any {
  const tolerations = pod.spec?.tolerations ?? [];
  return (node.spec?.taints ?? []).find(
    (taint: any) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerates(tolerations, taint),
  );
}

/** What is already requested on each node by pods that hold resources (bound and not finished). */
export function usage(pods: readonly KubeObject[]): Map<string, Record<string, number>> {
  const used = new Map<string, Record<string, number>>();
  for (const pod of pods) {
    const node = pod.spec?.nodeName;
    if (!node || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    const sum = used.get(node) ?? { pods: 0 };
    for (const [k, v] of podSpecRequests(pod.spec)) sum[k] = (sum[k] ?? 0) + v;
    sum.pods += 1;
    used.set(node, sum);
  }
  return used;
}

function free(node: KubeObject, used: Record<string, number> | undefined, resource: string): number {
  return (parseQuantity(node.status?.allocatable?.[resource]) ?? 0) - (used?.[resource] ?? 0);
}

function countText(counts: Map<string, number>): string {
  return [...counts]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');
}

/** Where a pod goes, or why it goes nowhere. Among nodes that fit, the one with the most free GPUs (then CPU), then by name. */
export function schedule(pod: KubeObject, nodes: readonly KubeObject[], pods: readonly KubeObject[]): Placement {
  const used = usage(pods);
  const requests = { ...Object.fromEntries(podSpecRequests(pod.spec)), pods: 1 };
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  const count = (map: Map<string, number>, reason: string) => map.set(reason, (map.get(reason) ?? 0) + 1);
  const fitting: KubeObject[] = [];
  for (const node of nodes) {
    const labels = node.metadata.labels ?? {};
    const taint = untoleratedTaint(pod, node);
    let failed = true;
    if (node.spec?.unschedulable) count(reasons, 'node(s) were unschedulable');
    else if (!matchesAffinity(pod, labels)) count(reasons, "node(s) didn't match Pod's node affinity/selector");
    else if (taint) count(reasons, `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
    else {
      const short = Object.entries(requests).filter(
        ([resource, amount]) => amount > 0 && free(node, used.get(node.metadata.name), resource) < amount,
      );
      for (const [resource] of short) count(reasons, resource === 'pods' ? 'Too many pods' : `Insufficient ${resource}`);
      if (short.length) count(preemption, 'No preemption victims found for incoming pod');
      failed = short.length > 0;
      if (!failed) fitting.push(node);
      continue;
    }
    if (failed) count(preemption, 'Preemption is not helpful for scheduling');
  }
  if (fitting.length) {
    const score = (node: KubeObject) => [
      free(node, used.get(node.metadata.name), 'nvidia.com/gpu'),
      free(node, used.get(node.metadata.name), 'cpu'),
    ];
    fitting.sort((a, b) => {
      const [x, y] = [score(a), score(b)];
      return y[0] - x[0] || y[1] - x[1] || (a.metadata.name < b.metadata.name ? -1 : 1);
    });
    return { node: fitting[0].metadata.name };
  }
  const total = nodes.length;
  return {
    message: `0/${total} nodes are available: ${countText(reasons)}. preemption: 0/${total} nodes are available: ${countText(preemption)}.`,
  };
}
