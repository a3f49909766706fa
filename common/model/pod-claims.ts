// The devices a pod claims through Dynamic Resource Allocation: the pod lists its claims
// (`spec.resourceClaims`, each naming a ResourceClaimTemplate or a ResourceClaim), and a
// container sees the devices of the claims it names under `resources.claims` (all of a claim,
// or one request of it). Every claim of the pod is allocated on its node, used or not.
import { containerGpus } from './gpu-resources';
import {
  deviceRequests,
  requestGpus,
  sumGpus,
  type ClaimIndex,
  type DeviceRequest,
  type FoundObject,
  type RequestGpus,
} from './device-requests';
import type { ScalarNode } from './nodes';
import { appContainerGpus } from './pod-requests';
import type { ContainerView, PodView } from './workload';
import type { YamlMap } from './yaml-map';

export interface PodClaim {
  /** Its name in the pod, which containers use. */
  name: string;
  node: YamlMap;
  /** What it names: a template (a claim of its own for each pod) or a claim (one object, shared by every pod naming it). */
  source?: { kind: 'ResourceClaimTemplate' | 'ResourceClaim'; name: string; node: ScalarNode };
}

/** The claims of a pod, in order. */
export function podClaims(pod: PodView): PodClaim[] {
  return pod.spec.maps('resourceClaims').flatMap((node) => {
    const name = node.string('name');
    if (name === undefined) return [];
    const template = node.scalar('resourceClaimTemplateName');
    const claim = node.scalar('resourceClaimName');
    const [kind, source] = template ? (['ResourceClaimTemplate', template] as const) : (['ResourceClaim', claim] as const);
    const sourceName = source?.value;
    return [{ name, node, source: source && sourceName !== null ? { kind, name: String(sourceName), node: source } : undefined }];
  });
}

/** Whether the pod claims any device: its GPUs depend on objects outside its document. */
export function claimsDevices(pod: PodView): boolean {
  return (pod.spec.seq('resourceClaims')?.items.length ?? 0) > 0;
}

/** The claim's template or claim object, where the index has it. */
export function claimObject(claim: PodClaim, claims: ClaimIndex): FoundObject | undefined {
  return claim.source && claims.find(claim.source.kind, claim.source.name);
}

/** The spec of the claim a pod claim stands for: a template's `spec.spec`, a claim's `spec`. */
function claimSpec(claim: PodClaim, found: FoundObject): YamlMap | undefined {
  const spec = found.root.map('spec');
  return claim.source?.kind === 'ResourceClaimTemplate' ? spec?.map('spec') : spec;
}

/** The device requests of a pod claim; undefined when its object is not in the index. */
export function claimRequests(claim: PodClaim, claims: ClaimIndex): DeviceRequest[] | undefined {
  const found = claimObject(claim, claims);
  return found && deviceRequests(claimSpec(claim, found));
}

const UNKNOWN: RequestGpus = { gpus: undefined, asksForGpu: undefined };

/** The GPUs of a pod claim, or of its request named `request`; unknown when its object is not in the index. */
export function claimGpus(claim: PodClaim, claims: ClaimIndex, request?: string): RequestGpus {
  const requests = claimRequests(claim, claims)?.filter((candidate) => request === undefined || candidate.name === request);
  return requests ? sumGpus(requests.map((candidate) => requestGpus(candidate, claims))) : UNKNOWN;
}

/** The claims a container names, each with the request it names (none: the whole claim); names the pod lacks are left out. */
export function containerClaims(pod: PodView, container: ContainerView): { claim: PodClaim; request?: string }[] {
  const uses = container.resources.node?.maps('claims') ?? [];
  if (!uses.length) return [];
  const byName = new Map(podClaims(pod).map((claim) => [claim.name, claim]));
  return uses.flatMap((use) => {
    const claim = byName.get(use.string('name') ?? '');
    return claim ? [{ claim, request: use.string('request') || undefined }] : [];
  });
}

/** What a set of containers see through claims: each claim once, whole when one of them uses all of it, else its requests once each. */
function claimedBy(pod: PodView, containers: readonly ContainerView[], claims: ClaimIndex): RequestGpus {
  // By the claim's name in the pod: each container's list reads the pod's claims afresh.
  const requests = new Map<string, { claim: PodClaim; used: Set<string> | 'all' }>();
  for (const container of containers) {
    for (const { claim, request } of containerClaims(pod, container)) {
      const seen = requests.get(claim.name)?.used;
      if (seen === 'all') continue;
      requests.set(claim.name, { claim, used: request === undefined ? 'all' : (seen ?? new Set<string>()).add(request) });
    }
  }
  const parts: RequestGpus[] = [];
  for (const { claim, used } of requests.values()) {
    if (used === 'all') parts.push(claimGpus(claim, claims));
    else for (const request of used) parts.push(claimGpus(claim, claims, request));
  }
  return sumGpus(parts);
}

/** What a container sees through its claims (whole GPUs, and whether it gets any GPU device). */
export function containerClaimGpus(pod: PodView, container: ContainerView, claims: ClaimIndex): RequestGpus {
  return claimedBy(pod, [container], claims);
}

/** What the app containers see through claims: the devices a training pod's processes share. */
export function appClaimGpus(pod: PodView, claims: ClaimIndex): RequestGpus {
  return claimedBy(pod, pod.containers, claims);
}

/** Whole GPUs a container's processes see: its GPU limit and its claims' GPUs; undefined when a claim's count is unknown. */
export function containerVisibleGpus(pod: PodView, container: ContainerView, claims: ClaimIndex): number | undefined {
  const claimed = containerClaimGpus(pod, container, claims).gpus;
  return claimed === undefined ? undefined : containerGpus(container) + claimed;
}

/** Whole GPUs the app containers' processes see, by limit and by claim; undefined when a claim's count is unknown. */
export function appVisibleGpus(pod: PodView, claims: ClaimIndex): number | undefined {
  const claimed = appClaimGpus(pod, claims).gpus;
  return claimed === undefined ? undefined : appContainerGpus(pod) + claimed;
}

/** The GPUs a pod's claims hold on its node, used by a container or not. */
export interface PodClaimGpus {
  /** Of its templates: a claim of its own for each pod. Undefined when one's count is unknown. */
  own: number | undefined;
  /** Of the ResourceClaims it names, by name: one object whose devices every pod naming it shares. */
  shared: Map<string, number | undefined>;
}

export function podClaimGpus(pod: PodView, claims: ClaimIndex): PodClaimGpus {
  const own: RequestGpus[] = [];
  const shared = new Map<string, number | undefined>();
  for (const claim of podClaims(pod)) {
    const gpus = claimGpus(claim, claims);
    if (claim.source?.kind === 'ResourceClaim') shared.set(claim.source.name, gpus.gpus);
    else own.push(gpus);
  }
  return { own: sumGpus(own).gpus, shared };
}
