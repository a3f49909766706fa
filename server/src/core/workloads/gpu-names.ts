// GPU resource names as the device plugins advertise them — whole GPUs, MIG slices
// (`nvidia.com/mig-<compute>g.<memory>gb`) and shared GPUs (`nvidia.com/gpu.shared`) — and, for
// a name that was meant to be one of them but is not, what is wrong with it and the near name.
import { didYouMean, editDistance } from '../did-you-mean';
import { memoByString } from './index';
import { MIG_PROFILES } from '../yaml/resource-names';
import { WHOLE_GPU_RESOURCES } from './index';

/**
 * MIG profiles of GPUs that completion does not offer, accepted so that a rule never calls them
 * unknown (NVIDIA MIG User Guide, "Supported MIG Profiles").
 */
export const MORE_MIG_PROFILES: Record<string, string[]> = {
  'H100 94GB': ['1g.12gb', '1g.24gb', '2g.24gb', '3g.47gb', '4g.47gb', '7g.94gb'],
  'GH200 96GB': ['1g.12gb', '1g.24gb', '2g.24gb', '3g.48gb', '4g.48gb', '7g.96gb'],
  'B200 180GB': ['1g.23gb', '1g.45gb', '2g.45gb', '3g.90gb', '4g.90gb', '7g.180gb'],
};

/** Each known MIG profile with the GPUs that offer it. */
const GPUS_BY_PROFILE = new Map<string, string[]>();
for (const [gpus, profiles] of [...Object.entries(MIG_PROFILES), ...Object.entries(MORE_MIG_PROFILES)]) {
  for (const profile of profiles) GPUS_BY_PROFILE.set(profile, [...(GPUS_BY_PROFILE.get(profile) ?? []), gpus]);
}

/** `nvidia.com/mig-<n>g.<m>gb`, optionally renamed for sharing (`….shared`). */
const MIG_NAME = /^nvidia\.com\/mig-(\d+g\.\d+gb)(?:\.(.+))?$/;

/** The MIG profile (`1g.10gb`) of a well-formed MIG resource name, known to a GPU or not. */
export function migProfile(name: string): string | undefined {
  return MIG_NAME.exec(name)?.[1];
}

/** The GPUs that offer a MIG profile; empty when none known does. */
export function gpusOffering(profile: string): string[] {
  return GPUS_BY_PROFILE.get(profile) ?? [];
}

/**
 * A shared (time-sliced or MPS) GPU resource: the device plugin's `renameByDefault` names, `nvidia.com/gpu.shared`
 * and `nvidia.com/mig-<profile>.shared`.
 */
export function isSharedGpuResource(name: string): boolean {
  return /^nvidia\.com\/gpu\..+$/.test(name) || MIG_NAME.exec(name)?.[2] === 'shared';
}

/** Names device plugins other than the vendors' own advertise under a vendor domain (HAMi's GPU memory and cores). */
const OTHER_PLUGIN_NAMES = ['nvidia.com/gpumem', 'nvidia.com/gpumem-percentage', 'nvidia.com/gpucores'];

/** A GPU resource name some device plugin advertises. */
export function isKnownGpuName(name: string): boolean {
  if (WHOLE_GPU_RESOURCES.includes(name) || OTHER_PLUGIN_NAMES.includes(name) || /^nvidia\.com\/gpu\..+$/.test(name)) return true;
  const profile = migProfile(name);
  return profile !== undefined && GPUS_BY_PROFILE.has(profile);
}

/** The names a misspelt one is compared with. */
const SUGGESTIONS = [
  ...WHOLE_GPU_RESOURCES,
  'nvidia.com/gpu.shared',
  ...[...GPUS_BY_PROFILE.keys()].map((profile) => `nvidia.com/mig-${profile}`),
];

const VENDORS = [
  { word: 'nvidia', domain: 'nvidia.com' },
  { word: 'amd', domain: 'amd.com' },
  { word: 'intel', domain: 'gpu.intel.com' },
];

/** The GPU vendor a resource domain means — `nvidia.com`, or a near miss (`nvidia`, `nvida.com`, `nvidia.co`) — if any. */
function vendorDomain(prefix: string): string | undefined {
  const lower = prefix.toLowerCase();
  const exact = VENDORS.find((vendor) => vendor.domain === lower);
  if (exact) return exact.domain;
  const labels = lower.split('.');
  return VENDORS.find((vendor) => labels.some((label) => editDistance(label, vendor.word) <= (vendor.word.length > 4 ? 1 : 0)))?.domain;
}

export type GpuNameProblem =
  /** No domain (`gpu`): not a standard resource, the API server rejects it. */
  | { kind: 'no-domain'; suggestion?: string }
  /** A vendor's domain (or a near miss) and a name its device plugin never advertises (`nvidia.com/gpus`, `nvidia/gpu`). */
  | { kind: 'unknown'; suggestion?: string }
  /** Meant as a MIG slice, not of the form `nvidia.com/mig-<n>g.<m>gb`. */
  | { kind: 'mig-form'; suggestion?: string }
  /** Of the MIG form, with a profile no known GPU offers; `alternatives` have as many compute slices, by memory. */
  | { kind: 'mig-profile'; profile: string; alternatives: { profile: string; gpus: string[] }[] };

/**
 * What is wrong with a resource name meant as a GPU; undefined for a known GPU name and for any
 * name not meant as one. A name is meant as a GPU when it says `gpu` or `mig` and has no domain
 * or a GPU vendor's (or a near miss of one): other domains belong to other device plugins
 * (`aliyun.com/gpu-mem`, `volcano.sh/vgpu-number`), which are left alone, like every other
 * extended resource (`example.com/foo`, `rdma/hca`, `hugepages-2Mi`).
 */
export const gpuNameProblem = memoByString(function gpuNameProblem(name: string): GpuNameProblem | undefined {
  if (isKnownGpuName(name)) return undefined;
  const profile = migProfile(name);
  if (profile) {
    const compute = profile.slice(0, profile.indexOf('g.') + 2);
    const memory = (known: string) => Number(known.slice(compute.length, -2));
    const alternatives = [...GPUS_BY_PROFILE]
      .filter(([known]) => known.startsWith(compute))
      .sort(([a], [b]) => memory(a) - memory(b))
      .map(([known, gpus]) => ({ profile: known, gpus }));
    return { kind: 'mig-profile', profile, alternatives };
  }
  const slash = name.indexOf('/');
  const prefix = slash < 0 ? '' : name.slice(0, slash);
  const path = name.slice(slash + 1);
  const domain = prefix === '' ? 'nvidia.com' : vendorDomain(prefix);
  if (!domain || !/gpu|mig/i.test(path)) return undefined;
  const meant = `${domain}/${path}`;
  const suggestion = isKnownGpuName(meant) ? meant : (didYouMean(meant, SUGGESTIONS) ?? didYouMean(name, SUGGESTIONS));
  if (prefix === '') return { kind: 'no-domain', suggestion };
  return { kind: /^mig/i.test(path) ? 'mig-form' : 'unknown', suggestion };
});
