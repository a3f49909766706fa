// CUDA code that found no GPU: a container given none (or one on a node without NVIDIA's runtime).
import type { FailurePattern } from './failure-pattern';

export const noGpu: FailurePattern = {
  id: 'no-gpu',
  title: 'No GPU visible',
  pattern:
    /No CUDA GPUs are available|Found no NVIDIA driver on your system|CUDA driver initialization failed|no CUDA-capable device is detected/,
  rule: 'gpu/cuda-image-without-gpu',
  examples: [
    'RuntimeError: No CUDA GPUs are available',
    'RuntimeError: Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver',
    'RuntimeError: CUDA error: no CUDA-capable device is detected',
  ],
};
