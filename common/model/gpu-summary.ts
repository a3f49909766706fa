// What a workload asks of a GPU cluster, at a glance: GPUs per role (replicas × GPUs per pod),
// the total, the GPU product the pods select, and how many GPU nodes they need at least.
// Shown as a CodeLens above the workload and in the hover on `kind`. GPUs come by limit, and by
// Dynamic Resource Allocation claim when the caller gives the claims' index.
import type { ClaimIndex } from './device-requests';
import { podClaimGpus } from './pod-claims';
import { podGpus } from './pod-requests';
import type { PodView, WorkloadView } from './workload';
import type { YamlMap } from './yaml-map';

/** Labels that name a GPU product, from NVIDIA GPU feature discovery and the clouds' node pools. */
const PRODUCT_LABELS = [
  'nvidia.com/gpu.product',
  'cloud.google.com/gke-accelerator',
  'karpenter.k8s.aws/instance-gpu-name',
  'node.kubernetes.io/instance-type',
];
/** The label GPU feature discovery sets to the node's GPU count. */
const COUNT_LABEL = 'nvidia.com/gpu.count';
/** Most GPU servers hold 8 GPUs; used for "nodes needed" when the manifest does not say. */
const DEFAULT_GPUS_PER_NODE = 8;

export interface RoleGpus {
  role: string;
  /** Pods of the role; undefined when the kind leaves it open (a DaemonSet, an autoscaled group without replicas). */
  replicas?: number;
  /** GPUs of each pod, by limit and by claim (the known part when a claim's count is unknown). */
  gpusPerPod: number;
  /** Of those, the GPUs its claims hold. */
  byClaim?: number;
  /** True when some claim of the pod names an object or a class not found, or asks for `All` GPUs of a node. */
  claimCountUnknown?: boolean;
}

/** What a workload runs in all: the numbers the CodeLens, the hover and the Clusters view show. */
export interface WorkloadTotals {
  roles: RoleGpus[];
  /** Pods at once; a role whose count the manifest leaves open counts as one. */
  pods: number;
  /** GPUs of those pods. */
  gpus: number;
  /** True when some role's count is left open (a TrainJob's runtime, a DaemonSet): the totals are a least. */
  atLeast: boolean;
  /** Of the GPUs, those claims hold. */
  byClaim?: number;
  /** True when some claim's count is unknown: the GPUs are the known part. */
  claimCountUnknown?: boolean;
}

/**
 * Pods and GPUs by role and in all; with `claims`, the GPUs pods claim through DRA too. A
 * template gives each pod a claim of its own; a ResourceClaim is one object, counted once
 * however many pods share it.
 */
export function workloadTotals(workload: WorkloadView, claims?: ClaimIndex): WorkloadTotals {
  const roles: RoleGpus[] = [];
  let pods = 0;
  let gpus = 0;
  let byClaim = 0;
  let atLeast = false;
  let claimCountUnknown = false;
  const shared = new Map<string, number | undefined>();
  for (const pod of workload.pods) {
    const limits = podGpus(pod);
    const role: RoleGpus = { role: pod.role, replicas: pod.replicas, gpusPerPod: limits };
    // Each pod's own claims count per pod; the shared ones once, after the roles.
    let own = 0;
    if (claims) {
      const claimed = podClaimGpus(pod, claims);
      const counts = [...claimed.shared.values()];
      own = claimed.own ?? 0;
      role.byClaim = own + counts.reduce<number>((sum, count) => sum + (count ?? 0), 0);
      role.gpusPerPod += role.byClaim;
      role.claimCountUnknown = claimed.own === undefined || counts.includes(undefined);
      claimCountUnknown ||= role.claimCountUnknown;
      for (const [name, count] of claimed.shared) shared.set(name, count);
    }
    roles.push(role);
    pods += role.replicas ?? 1;
    gpus += (role.replicas ?? 1) * (limits + own);
    byClaim += (role.replicas ?? 1) * own;
    if (role.replicas === undefined) atLeast = true;
  }
  for (const count of shared.values()) {
    gpus += count ?? 0;
    byClaim += count ?? 0;
  }
  return claims ? { roles, pods, gpus, atLeast, byClaim, claimCountUnknown } : { roles, pods, gpus, atLeast };
}

export interface GpuSummary {
  roles: RoleGpus[];
  /** GPUs of every pod, a role whose count is left open counting as one pod. */
  total: number;
  /** True when some GPU role's count is left open: the total is a least. */
  atLeast: boolean;
  /** The product the pods select, when a node selector or required affinity names one. */
  product?: string;
  /** The fewest GPU nodes the GPU pods fit on (each pod on one node). */
  nodes: number;
  gpusPerNode: number;
  /** Of the total, the GPUs claims hold. */
  byClaim?: number;
  /** True when some claim's count is unknown: the total is the known part. */
  claimCountUnknown?: boolean;
}

/** Values of `label` that the pod requires: its node selector, or a required node affinity with `In`, its own or merged. */
function selected(pod: PodView, label: string): string | undefined {
  for (const spec of [pod.spec, ...(pod.mergedSpecs ?? [])]) {
    const found = selectedIn(spec, label);
    if (found) return found;
  }
  return undefined;
}

function selectedIn(spec: YamlMap, label: string): string | undefined {
  const fromSelector = spec.map('nodeSelector')?.string(label);
  if (fromSelector) return fromSelector;
  const terms =
    spec.map('affinity')?.map('nodeAffinity')?.map('requiredDuringSchedulingIgnoredDuringExecution')?.maps('nodeSelectorTerms') ?? [];
  for (const term of terms) {
    for (const expression of term.maps('matchExpressions')) {
      if (expression.string('key') === label && expression.string('operator') === 'In') {
        const values = expression.scalars('values').map((value) => String(value.value));
        if (values.length) return values.join(' or ');
      }
    }
  }
  return undefined;
}

/** Undefined for a workload that asks for no GPU; with `claims`, GPUs claimed through DRA count too. */
export function gpuSummary(workload: WorkloadView, claims?: ClaimIndex): GpuSummary | undefined {
  const { roles, gpus: total, byClaim, claimCountUnknown } = workloadTotals(workload, claims);
  const gpuPods = workload.pods.filter((_, index) => roles[index].gpusPerPod > 0 || roles[index].claimCountUnknown);
  if (!gpuPods.length) return undefined;
  const atLeast = roles.some((role) => (role.gpusPerPod > 0 || role.claimCountUnknown) && role.replicas === undefined);
  const product = gpuPods.map((pod) => PRODUCT_LABELS.map((label) => selected(pod, label)).find(Boolean)).find(Boolean);
  const count = Number(gpuPods.map((pod) => selected(pod, COUNT_LABEL)).find(Boolean));
  const gpusPerNode = Number.isInteger(count) && count > 0 ? count : DEFAULT_GPUS_PER_NODE;
  // Pods of one role pack onto a node as far as its GPUs allow; a pod never spans nodes.
  let nodes = 0;
  for (const role of roles) {
    if (!role.gpusPerPod || role.replicas === 0) continue;
    const perNode = Math.max(1, Math.floor(gpusPerNode / role.gpusPerPod));
    nodes += Math.ceil((role.replicas ?? 1) / perNode);
  }
  return { roles, total, atLeast, product, nodes, gpusPerNode, byClaim, claimCountUnknown };
}

/** A count of GPUs as the views print it: `1 GPU`, `16 GPUs`, `≥ 8 GPUs` when a count is open. */
export function gpuCountText(gpus: number, atLeast = false): string {
  return `${atLeast ? '≥ ' : ''}${gpus} GPU${gpus === 1 && !atLeast ? '' : 's'}`;
}

/** The total as the summary line says it: `16 GPUs`, `16 GPUs (by claim)`, `GPUs by claim, count unknown`. */
function totalText(summary: GpuSummary): string {
  const { total, atLeast, byClaim, claimCountUnknown } = summary;
  if (claimCountUnknown) return total ? `≥ ${gpuCountText(total)} and GPUs by claim, count unknown` : 'GPUs by claim, count unknown';
  const text = gpuCountText(total, atLeast);
  if (!byClaim) return text;
  return `${text} (${byClaim === total ? 'by claim' : `${byClaim} by claim`})`;
}

/** A role's GPUs per pod: `8`, or `?` (`8 + ?`) when a claim's count is unknown. */
const perPodText = (role: RoleGpus) =>
  role.claimCountUnknown ? (role.gpusPerPod ? `${role.gpusPerPod} + ?` : '?') : String(role.gpusPerPod);

/** One line: `16 GPUs · Master 1 × 8 + Worker 3 × 8 · NVIDIA-A100-SXM4-80GB · ≥ 4 nodes of 8 GPUs`. */
export function summaryLine(summary: GpuSummary): string {
  const roles = summary.roles
    .filter((role) => role.gpusPerPod > 0 || role.claimCountUnknown)
    .map((role) => `${role.role} ${role.replicas ?? '?'} × ${perPodText(role)}`);
  const parts = [totalText(summary), roles.join(' + ')];
  if (summary.product) parts.push(summary.product);
  // With no count known there is no node count either.
  if (summary.nodes || !summary.claimCountUnknown)
    parts.push(`≥ ${summary.nodes} node${summary.nodes === 1 ? '' : 's'} of ${summary.gpusPerNode} GPUs`);
  return parts.join(' · ');
}
