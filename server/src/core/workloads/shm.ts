// Shared memory in a pod: which volume a container mounts at /dev/shm, whether it is a
// memory-backed emptyDir and how large it may grow, and a sensible size for a new one.
// Without such a volume a container's /dev/shm is the runtime's 64 MB default.
import type { MapEntry, ScalarNode } from '../document';
import { parseQuantity } from './index';
import type { ContainerView, PodView } from './index';
import type { YamlMap } from './index';

export const SHM_PATH = '/dev/shm';

export interface ShmVolume {
  name: string;
  node: YamlMap;
  /** The `emptyDir` entry and its map, when the volume is an emptyDir. */
  emptyDirEntry?: MapEntry;
  emptyDir?: YamlMap;
  /** `medium: Memory`: a tmpfs whose pages count as the pod's memory. */
  memory: boolean;
  sizeLimit?: ScalarNode;
}

export interface ShmMount {
  /** The `volumeMounts` item. */
  mount: YamlMap;
  /** The volume it names, when the pod spec has it. */
  volume?: ShmVolume;
}

function volumeOf(node: YamlMap): ShmVolume | undefined {
  const name = node.string('name');
  if (name === undefined) return undefined;
  const emptyDirEntry = node.entry('emptyDir');
  const emptyDir = node.map('emptyDir');
  return { name, node, emptyDirEntry, emptyDir, memory: emptyDir?.string('medium') === 'Memory', sizeLimit: emptyDir?.scalar('sizeLimit') };
}

// Both /dev/shm rules ask for the same pods' volumes and containers' mounts: read once each.
const volumesByPod = new WeakMap<PodView, Map<string, ShmVolume>>();
const mountsByContainer = new WeakMap<ContainerView, ShmMount | null>();

/** The pod's volumes by name (the last of a name, as the API server would see it; its own over merged ones). */
export function podVolumes(pod: PodView): Map<string, ShmVolume> {
  let volumes = volumesByPod.get(pod);
  if (volumes) return volumes;
  volumes = new Map<string, ShmVolume>();
  for (const spec of [...(pod.mergedSpecs ?? [])].reverse().concat(pod.spec)) {
    for (const node of spec.maps('volumes')) {
      const volume = volumeOf(node);
      if (volume) volumes.set(volume.name, volume);
    }
  }
  volumesByPod.set(pod, volumes);
  return volumes;
}

/** The mount of /dev/shm in a container, with its volume. */
export function shmMount(pod: PodView, container: ContainerView): ShmMount | undefined {
  let found = mountsByContainer.get(container);
  if (found === undefined) {
    const mount = container.node.maps('volumeMounts').find((item) => item.string('mountPath')?.replace(/\/+$/, '') === SHM_PATH);
    const name = mount?.string('name');
    found = mount ? { mount, volume: name === undefined ? undefined : podVolumes(pod).get(name) } : null;
    mountsByContainer.set(container, found);
  }
  return found ?? undefined;
}

/** A container's memory limit in bytes, when set and readable. */
export function memoryLimit(container: ContainerView): number | undefined {
  return parseQuantity(container.resources.limits.find((limit) => limit.name === 'memory')?.value?.value);
}

const GiB = 2 ** 30;
const MiB = 2 ** 20;

/** Bytes in the largest of Ti, Gi, Mi that writes them whole, rounded down to Mi otherwise: `32Gi`, `1536Mi`. */
const UNITS = [
  ['Ti', 2 ** 40],
  ['Gi', GiB],
  ['Mi', MiB],
] as const;

export function formatBytes(bytes: number): string {
  for (const [unit, size] of UNITS) {
    if (bytes >= size && Number.isInteger(bytes / size)) return `${bytes / size}${unit}`;
  }
  return bytes >= MiB ? `${Math.floor(bytes / MiB)}Mi` : String(Math.floor(bytes));
}

/** Without a memory limit to take half of: room for DataLoader batches and NCCL's buffers on a multi-GPU node. */
export const DEFAULT_SHM_SIZE = '16Gi';

/**
 * A sizeLimit for /dev/shm: half the smallest memory limit of the containers that mount it
 * (what /dev/shm holds counts against that limit, so the other half stays for the processes),
 * in whole Gi when that is at least 1Gi; 16Gi when no container has a memory limit.
 */
export function shmSizeFor(containers: readonly ContainerView[]): string {
  const limits = containers.map(memoryLimit).filter((limit): limit is number => limit !== undefined && limit > 0);
  if (!limits.length) return DEFAULT_SHM_SIZE;
  const half = Math.min(...limits) / 2;
  return formatBytes(half >= GiB ? Math.floor(half / GiB) * GiB : Math.floor(half / MiB) * MiB);
}
