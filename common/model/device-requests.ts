// What a Dynamic Resource Allocation claim asks for (resource.k8s.io): device requests, each of
// a DeviceClass and a count, and what each class hands a container. Claims, templates and
// classes are objects of their own, in other documents: a `ClaimIndex`, built by the caller from
// the file and the files around it, finds them by name.
import type { ScalarNode } from './nodes';
import type { YamlMap } from './yaml-map';

/** What a class's devices are to a container: whole GPUs, MIG slices, or other devices (a VM's GPU, an IMEX channel, a NIC). */
export type DeviceKind = 'gpu' | 'mig' | 'other';

/** The NVIDIA GPU driver's name, as classes select its devices (`device.driver == 'gpu.nvidia.com'`). */
export const NVIDIA_GPU_DRIVER = 'gpu.nvidia.com';

/**
 * The DeviceClasses the NVIDIA DRA driver for GPUs (k8s-dra-driver-gpu) installs with its Helm
 * chart: whole GPUs, MIG devices, GPUs bound to vfio-pci for virtual machines, and the ComputeDomain
 * (IMEX) channels and daemons of multi-node NVLink.
 */
export const NVIDIA_DEVICE_CLASSES: Readonly<Record<string, DeviceKind>> = {
  'gpu.nvidia.com': 'gpu',
  'mig.nvidia.com': 'mig',
  'vfio.gpu.nvidia.com': 'other',
  'compute-domain-daemon.nvidia.com': 'other',
  'compute-domain-default-channel.nvidia.com': 'other',
};

/** A DRA object of the workspace: its root and where it was found (`this file`, or the file's name). */
export interface FoundObject {
  root: YamlMap;
  source: string;
}

export type DraKind = 'ResourceClaimTemplate' | 'ResourceClaim' | 'DeviceClass';

/** The DRA objects around a document, by kind and name. */
export interface ClaimIndex {
  /** True when the files around the document could be read: a name found nowhere is then missing, not merely unseen. */
  readonly complete: boolean;
  find(kind: DraKind, name: string): FoundObject | undefined;
  /** Every name of a kind, for suggestions. */
  names(kind: DraKind): string[];
}

/** An index that knows no object: every claim's devices are unknown. */
export const NO_CLAIMS: ClaimIndex = { complete: false, find: () => undefined, names: () => [] };

export interface DeviceRequest {
  /** The request's name, which a container may use (`resources.claims[].request`). */
  name?: string;
  nameNode?: ScalarNode;
  deviceClassName?: string;
  classNode?: ScalarNode;
  /**
   * Devices asked for in ExactCount mode (1 unless `count` says); undefined for `All` (every
   * matching device of the node) or a count that is not one.
   */
  count?: number;
  /** `firstAvailable`: alternatives, of which the first that can be allocated is. */
  alternatives: DeviceRequest[];
}

/** The class and count of an exact request (`exactly` in v1 and v1beta2, the request itself in v1beta1, a subrequest). */
function exactRequest(map: YamlMap, name: YamlMap): DeviceRequest {
  const mode = map.string('allocationMode') ?? 'ExactCount';
  const count = mode !== 'ExactCount' ? undefined : map.entry('count') ? map.integer('count') : 1;
  return {
    name: name.string('name'),
    nameNode: name.scalar('name'),
    deviceClassName: map.string('deviceClassName'),
    classNode: map.scalar('deviceClassName'),
    count,
    alternatives: [],
  };
}

/** The device requests of a claim's spec (a ResourceClaim's `spec`, a template's `spec.spec`), in any served version. */
export function deviceRequests(claimSpec: YamlMap | undefined): DeviceRequest[] {
  return (claimSpec?.map('devices')?.maps('requests') ?? []).map((request) => {
    const alternatives = request.maps('firstAvailable').map((sub) => exactRequest(sub, sub));
    return { ...exactRequest(request.map('exactly') ?? request, request), alternatives };
  });
}

/** Every request with a class, alternatives included: what a check of class names reads. */
export function classRequests(requests: readonly DeviceRequest[]): DeviceRequest[] {
  return requests.flatMap((request) => (request.alternatives.length ? request.alternatives : [request]));
}

/**
 * What a DeviceClass selects, read from its CEL selectors as text rather than evaluated: a class
 * that compares `device.driver` with NVIDIA's GPU driver hands out its GPUs, or its MIG devices
 * when it also compares a value with 'mig' (VM passthrough: 'vfio'). This is not CEL, but it
 * reads the classes people write: the driver's own, and theirs narrowed by product or profile.
 */
export function selectedDevices(deviceClass: YamlMap): DeviceKind {
  const expressions = (deviceClass.map('spec')?.maps('selectors') ?? []).map((selector) => selector.map('cel')?.string('expression') ?? '');
  const text = expressions.join(' && ');
  if (!/device\.driver\s*==\s*["']gpu\.nvidia\.com["']/.test(text)) return 'other';
  if (/==\s*["']mig["']/.test(text)) return 'mig';
  return /==\s*["']vfio["']/.test(text) ? 'other' : 'gpu';
}

/** What a class hands out: a DeviceClass of the index, else one of NVIDIA's; undefined when neither has it. */
export function deviceClassKind(name: string | undefined, claims: ClaimIndex): DeviceKind | undefined {
  if (!name) return undefined;
  const found = claims.find('DeviceClass', name);
  return found ? selectedDevices(found.root) : NVIDIA_DEVICE_CLASSES[name];
}

/** The devices a request holds. */
export interface RequestGpus {
  /** Whole GPUs; undefined when unknown. */
  gpus: number | undefined;
  /** Whether a GPU or a MIG device is among them; undefined when unknown. */
  asksForGpu: boolean | undefined;
}

function exactGpus(request: DeviceRequest, claims: ClaimIndex): RequestGpus {
  const kind = deviceClassKind(request.deviceClassName, claims);
  if (kind === undefined) return { gpus: undefined, asksForGpu: undefined };
  // MIG slices are not whole GPUs, as with `nvidia.com/mig-*` limits: they count as asking for a GPU, not in GPU totals.
  if (kind !== 'gpu') return { gpus: 0, asksForGpu: kind === 'mig' };
  return { gpus: request.count, asksForGpu: true };
}

/** A request's GPUs; for alternatives, their count when every one agrees, else unknown (it depends on what the node has). */
export function requestGpus(request: DeviceRequest, claims: ClaimIndex): RequestGpus {
  if (!request.alternatives.length) return exactGpus(request, claims);
  const each = request.alternatives.map((alternative) => exactGpus(alternative, claims));
  const counts = new Set(each.map((alternative) => alternative.gpus));
  const asks = new Set(each.map((alternative) => alternative.asksForGpu));
  return { gpus: counts.size === 1 ? [...counts][0] : undefined, asksForGpu: asks.size === 1 ? [...asks][0] : asks.has(true) || undefined };
}

/** The sum of requests' GPUs: unknown when one is. */
export function sumGpus(parts: readonly RequestGpus[]): RequestGpus {
  let gpus: number | undefined = 0;
  let asksForGpu: boolean | undefined = false;
  for (const part of parts) {
    gpus = gpus === undefined || part.gpus === undefined ? undefined : gpus + part.gpus;
    if (part.asksForGpu) asksForGpu = true;
    else if (part.asksForGpu === undefined && asksForGpu === false) asksForGpu = undefined;
  }
  return { gpus, asksForGpu };
}
