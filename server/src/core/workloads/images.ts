// What a container image is built for, read from its reference alone: a CUDA (NVIDIA GPU)
// image, a CPU-only build, or unknown. Names and tags are all there is to go on, so only
// markers that image publishers use consistently count; anything else stays unknown.
import { memoByString } from './index';

export interface ImageReference {
  /** The registry host, when the reference names one (`nvcr.io`, `ghcr.io`, `localhost:5000`). */
  registry?: string;
  /** The path without the registry, lowercase (`nvidia/pytorch`, `pytorch/pytorch`). */
  repository: string;
  /** The tag, lowercase, when written. */
  tag?: string;
}

/** Splits `[registry/]repository[:tag][@digest]` as Docker reads it. */
export function parseImage(reference: string): ImageReference {
  const withoutDigest = reference.trim().toLowerCase().split('@')[0];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const tag = colon > slash ? withoutDigest.slice(colon + 1) : undefined;
  const path = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
  const [first, ...rest] = path.split('/');
  // The first component is a registry when it looks like a host: a dot, a port, or localhost.
  const isRegistry = rest.length > 0 && (/[.:]/.test(first) || first === 'localhost');
  return isRegistry ? { registry: first, repository: rest.join('/'), tag } : { repository: path, tag };
}

/** Words of a name or tag: `2.3.0-cuda12.1-cudnn8-runtime` → 2, 3, 0, cuda12, 1, cudnn8, runtime. */
const words = (text: string | undefined) => (text ?? '').split(/[^a-z0-9]+/).filter(Boolean);

/** Images that serve every GPU of a node on purpose (GPU Operator, device plugin, DCGM, drivers): never one container's GPUs. */
const NODE_AGENT =
  /device-plugin|gpu-operator|feature-discovery|dcgm|container-toolkit|driver-manager|mig-manager|kata-manager|device-manager|cc-manager/;
const NGC_NODE_AGENT_FOLDERS = new Set(['k8s', 'cloud-native', 'driver']);

/** Repositories that only exist as CUDA builds, wherever they are mirrored (matched on the last path component). */
const CUDA_REPOSITORIES = new Set(['tritonserver', 'vllm-openai', 'text-generation-inference', 'sglang', 'tensorrt-llm']);

/** Accelerators other than NVIDIA's, whose builds are not CUDA builds (`rocm6`, `xpu`, …). */
const OTHER_ACCELERATORS = new Set(['rocm', 'hip', 'xpu', 'ipex', 'neuron', 'habana', 'gaudi', 'tpu', 'openvino', 'intel']);

/** The CPU-only marker of a reference (`2.2.0-cpu`, `cpu-py310`, `vllm-cpu`), when it has one. */
export const cpuOnlyMarker = memoByString(function cpuOnlyMarker(reference: string): string | undefined {
  const image = parseImage(reference);
  const name = image.repository.split('/').pop() ?? '';
  return [...words(image.tag), ...words(name)].find((word) => word === 'cpu' || word === 'cpuonly');
});

/** Whether the reference names a CUDA build: NGC images, `cuda`/`cuNNN`/`gpu` in the name or tag, or a CUDA-only repository. */
export const isCudaImage = memoByString(function isCudaImage(reference: string): boolean {
  if (cpuOnlyMarker(reference) !== undefined) return false;
  const image = parseImage(reference);
  const segments = image.repository.split('/');
  const name = segments[segments.length - 1];
  const ngc = image.registry === 'nvcr.io' && (segments[0] === 'nvidia' || segments[0] === 'nim');
  if (NODE_AGENT.test(name) || (ngc && NGC_NODE_AGENT_FOLDERS.has(segments[1]))) return false;
  const all = [...words(image.repository), ...words(image.tag)];
  if (all.some((word) => OTHER_ACCELERATORS.has(word.replace(/\d+$/, '')))) return false;
  // Triton's SDK image holds the clients and perf_analyzer, which need no GPU.
  if (words(image.tag).includes('sdk')) return false;
  if (ngc || CUDA_REPOSITORIES.has(name) || image.repository.includes('cuda')) return true;
  return (
    words(image.tag).some((word) => word.startsWith('cuda') || /^cu\d{2,3}$/.test(word) || word === 'gpu') || words(name).includes('gpu')
  );
});
