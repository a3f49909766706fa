// The GPU ran out of memory: PyTorch's allocator, a raw CUDA call, TensorFlow's BFC allocator, XLA.
import type { FailurePattern } from './failure-pattern';

export const cudaOom: FailurePattern = {
  id: 'cuda-oom',
  title: 'CUDA out of memory',
  pattern:
    /CUDA out of memory|CUDA error: out of memory|torch\.(?:cuda\.)?OutOfMemoryError|CUDA_ERROR_OUT_OF_MEMORY|OOM when allocating tensor|RESOURCE_EXHAUSTED: Out of memory/,
  examples: [
    'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB. GPU 0 has a total capacity of 79.14 GiB of which ' +
      '1.21 GiB is free.',
    'RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 15.78 GiB total capacity; 14.71 GiB already allocated)',
    'RuntimeError: CUDA error: out of memory',
    'tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with shape[1024,64,112,112] and type ' +
      'float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc',
    'jaxlib.xla_extension.XlaRuntimeError: RESOURCE_EXHAUSTED: Out of memory while trying to allocate 17179869184 bytes.',
  ],
};
