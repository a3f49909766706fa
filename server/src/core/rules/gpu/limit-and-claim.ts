// A pod moving from GPU limits to Dynamic Resource Allocation that keeps both: the limit is
// served by the device plugin (or by DRA itself, for a class that maps that extended resource)
// and the claim by the DRA driver, each with GPUs of its own.
import { claimObject, claimRequests, classRequests, deviceClassKind, podClaims, quantityText } from '../../workloads';
import type { ClaimIndex, DeviceKind, MapNode, PodClaim, PodView, ResourceQuantity } from '../../workloads';
import { defineRule } from '../rule';
import { removeEntry, type OffsetEdit } from '../yaml-edits';

/** What an NVIDIA GPU resource name hands out, as device classes do: whole (or shared) GPUs, or MIG devices. */
function limitKind(name: string): DeviceKind | undefined {
  if (name === 'nvidia.com/gpu' || name.startsWith('nvidia.com/gpu.')) return 'gpu';
  return name.startsWith('nvidia.com/mig-') ? 'mig' : undefined;
}

interface GpuClaim {
  claim: PodClaim;
  kinds: Set<DeviceKind>;
  /** The classes of its GPU requests, for the message. */
  classes: string[];
}

/** The pod's claims whose requests (or alternatives) name a class of NVIDIA GPUs or MIG devices. */
function gpuClaims(pod: PodView, claims: ClaimIndex): GpuClaim[] {
  return podClaims(pod).flatMap((claim) => {
    const kinds = new Set<DeviceKind>();
    const classes: string[] = [];
    for (const request of classRequests(claimRequests(claim, claims) ?? [])) {
      const kind = deviceClassKind(request.deviceClassName, claims);
      if (kind !== 'gpu' && kind !== 'mig') continue;
      kinds.add(kind);
      if (!classes.includes(request.deviceClassName!)) classes.push(request.deviceClassName!);
    }
    return kinds.size ? [{ claim, kinds, classes }] : [];
  });
}

/** Removes the resource from the limits and requests, when each keeps another entry (an empty map reads as null). */
function removeLimit(text: string, maps: (MapNode | undefined)[], name: string): OffsetEdit[] | undefined {
  const edits: OffsetEdit[] = [];
  for (const map of maps) {
    const entry = map?.entries.find((candidate) => candidate.key.value === name);
    if (!map || !entry) continue;
    if (map.entries.length < 2) return undefined;
    edits.push(removeEntry(text, map, entry));
  }
  return edits;
}

const claimText = ({ claim, classes }: GpuClaim, claims: ClaimIndex) => {
  const source = claim.source!;
  const where = claimObject(claim, claims)?.source;
  return `claim ${claim.name}: ${source.kind} ${source.name}${where === 'this file' ? '' : ` in ${where}`}, class ${classes.join(', ')}`;
};

export const gpuLimitAndClaim = defineRule({
  id: 'gpu/limit-and-claim',
  severity: 'warning',
  description: 'A container asks for NVIDIA GPUs by limit while its pod also claims them through Dynamic Resource Allocation.',
  docs: {
    why:
      'With Dynamic Resource Allocation a pod gets GPUs through a claim (`spec.resourceClaims`, naming a ' +
      'ResourceClaimTemplate or ResourceClaim whose requests use the `gpu.nvidia.com` or a MIG device class), ' +
      'not through `nvidia.com/gpu` limits. A pod that keeps its limit while adding the claim asks twice: the ' +
      'limit is served by the device plugin (or, for a DeviceClass that maps `nvidia.com/gpu` as its ' +
      '`extendedResourceName`, by DRA in a claim of its own) and the claim by the DRA driver, each with GPUs ' +
      'of its own. The pod then holds twice the GPUs it uses, or finds no node where both are offered (NVIDIA ' +
      'installs its DRA driver with the device plugin disabled) and stays Pending. The ' +
      'claim is read from its template or ResourceClaim in the same file or a YAML file of the same folder; ' +
      'whole GPUs are compared with whole GPUs (`nvidia.com/gpu`, `nvidia.com/gpu.shared`), MIG devices with ' +
      'MIG devices.',
    fix:
      'Ask one way. To move to DRA, remove the limit (and its request) and name the claim under the ' +
      "container's `resources.claims`; to stay with the device plugin, remove the claim. The quick fix removes " +
      'the limit, when the limits keep another resource.',
    source:
      'Kubernetes documentation › Dynamic Resource Allocation (`resourceClaims`, `resources.claims`, extended ' +
      'resources allocated by DRA through `DeviceClass.spec.extendedResourceName`); NVIDIA k8s-dra-driver-gpu ' +
      '(the `gpu.nvidia.com` and `mig.nvidia.com` device classes, and the device plugin disabled for the GPUs ' +
      'the driver manages).',
    invalid: `apiVersion: resource.k8s.io/v1
kind: ResourceClaimTemplate
metadata:
  name: eight-gpus
spec:
  spec:
    devices:
      requests:
        - name: gpus
          exactly:
            deviceClassName: gpu.nvidia.com
            count: 8
---
apiVersion: batch/v1
kind: Job
metadata:
  name: finetune
spec:
  template:
    spec:
      restartPolicy: Never
      resourceClaims:
        - name: gpus
          resourceClaimTemplateName: eight-gpus
      containers:
        - name: trainer
          image: nvcr.io/nvidia/pytorch:24.05-py3
          resources:
            claims:
              - name: gpus
            limits:
              cpu: 32
              nvidia.com/gpu: 8
#             ^^^^^^^^^^^^^^ warning[gpu/limit-and-claim]: Container trainer asks for NVIDIA GPUs by limit (nvidia.com/gpu: 8) while its pod claims them through DRA (claim gpus: ResourceClaimTemplate eight-gpus, class gpu.nvidia.com): the limit and the claim are each served with GPUs of their own, so the pod holds both sets, or finds no node that offers both and stays Pending. Ask one way: remove the limit, or the claim.`,
    valid: `apiVersion: resource.k8s.io/v1
kind: ResourceClaimTemplate
metadata:
  name: eight-gpus
spec:
  spec:
    devices:
      requests:
        - name: gpus
          exactly:
            deviceClassName: gpu.nvidia.com
            count: 8
---
apiVersion: batch/v1
kind: Job
metadata:
  name: finetune
spec:
  template:
    spec:
      restartPolicy: Never
      resourceClaims:
        - name: gpus
          resourceClaimTemplateName: eight-gpus
      containers:
        - name: trainer
          image: nvcr.io/nvidia/pytorch:24.05-py3
          resources:
            claims:
              - name: gpus
            limits:
              cpu: 32`,
  },
  check(workload, context) {
    for (const pod of workload.pods) {
      const claimed = gpuClaims(pod, context.claims);
      if (!claimed.length) continue;
      for (const container of pod.allContainers) {
        const { limits, requests, limitsNode, requestsNode } = container.resources;
        // The limit, or a request written without one (another rule's finding, the same intent).
        const quantity: ResourceQuantity | undefined = [...limits, ...requests].find((candidate) => limitKind(candidate.name));
        const kind = quantity && limitKind(quantity.name);
        const claim = kind && claimed.find((candidate) => candidate.kinds.has(kind));
        if (!quantity || !claim) continue;
        const edits = removeLimit(context.text, [limitsNode?.node, requestsNode?.node], quantity.name);
        context.report(
          quantity.entry.key,
          `Container ${container.name ?? '(unnamed)'} asks for NVIDIA GPUs by limit (${quantity.name}: ` +
            `${quantityText(context.text, quantity)}) while its pod claims them through DRA (${claimText(claim, context.claims)}): ` +
            `the limit and the claim are each served with GPUs of their own, so the pod holds both sets, or finds no ` +
            `node that offers both and stays Pending. Ask one way: remove the limit, or the claim.`,
          { fixes: edits ? [{ title: `Remove the limit ${quantity.name}`, edits }] : [] },
        );
      }
    }
  },
});
