// Resource names that go under `resources.limits` and `requests`: Kubernetes' own, and the
// extended resources the accelerator device plugins advertise (NVIDIA, incl. MIG profiles, AMD,
// Intel, Habana, AWS Neuron, Google TPU).

/** MIG profiles each NVIDIA GPU offers, as `nvidia.com/mig-<profile>` resources. */
export const MIG_PROFILES: Record<string, string[]> = {
  'A100 40GB': ['1g.5gb', '2g.10gb', '3g.20gb', '4g.20gb', '7g.40gb'],
  'A30 24GB': ['1g.6gb', '2g.12gb', '4g.24gb'],
  'A100 80GB / H100 80GB': ['1g.10gb', '1g.20gb', '2g.20gb', '3g.40gb', '4g.40gb', '7g.80gb'],
  'H200 141GB': ['1g.18gb', '1g.35gb', '2g.35gb', '3g.71gb', '4g.71gb', '7g.141gb'],
};

export interface ResourceName {
  name: string;
  description: string;
}

const BASE: ResourceName[] = [
  { name: 'cpu', description: 'CPU cores: `2`, `500m` (half a core).' },
  { name: 'memory', description: 'Memory in bytes: `64Gi`, `512Mi`.' },
  { name: 'ephemeral-storage', description: 'Local ephemeral storage: `100Gi`.' },
  { name: 'hugepages-2Mi', description: 'Huge pages of 2 MiB.' },
  { name: 'hugepages-1Gi', description: 'Huge pages of 1 GiB.' },
  { name: 'nvidia.com/gpu', description: 'Whole NVIDIA GPUs (NVIDIA device plugin). An integer; requests must equal limits.' },
  {
    name: 'nvidia.com/gpu.shared',
    description: 'A time-sliced or MPS share of an NVIDIA GPU (device plugin sharing with `renameByDefault`). Ask for 1.',
  },
  { name: 'amd.com/gpu', description: 'Whole AMD GPUs (ROCm device plugin).' },
  { name: 'gpu.intel.com/i915', description: 'Intel GPUs (Intel GPU device plugin).' },
  { name: 'habana.ai/gaudi', description: 'Intel Gaudi accelerators (Habana device plugin).' },
  { name: 'aws.amazon.com/neuron', description: 'AWS Inferentia/Trainium devices (Neuron device plugin).' },
  { name: 'aws.amazon.com/neuroncore', description: 'AWS Neuron cores (Neuron device plugin).' },
  { name: 'google.com/tpu', description: 'Google Cloud TPU chips (GKE).' },
];

/** Every resource name completion offers, MIG profiles included. */
export function resourceNames(): ResourceName[] {
  const mig = Object.entries(MIG_PROFILES).flatMap(([gpus, profiles]) =>
    profiles.map((profile) => ({
      name: `nvidia.com/mig-${profile}`,
      description:
        `A MIG slice of ${profile.split('.')[0].replace('g', '')} compute unit(s) and ${profile.split('.')[1].toUpperCase()} ` +
        `of memory, on ${gpus} (MIG strategy "mixed").`,
    })),
  );
  return [...BASE, ...mig];
}
