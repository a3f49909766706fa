// A process asked for a GPU the container does not have: more torchrun processes than GPUs, or a
// CUDA_VISIBLE_DEVICES copied from another machine.
import type { FailurePattern } from './failure-pattern';

export const invalidDeviceOrdinal: FailurePattern = {
  id: 'invalid-device-ordinal',
  title: 'More processes than GPUs',
  pattern: /invalid device ordinal/,
  rule: 'gpu/nproc-per-node',
  examples: [
    'RuntimeError: CUDA error: invalid device ordinal',
    'torch.AcceleratorError: CUDA error: invalid device ordinal\nCUDA kernel errors might be asynchronously reported',
  ],
};
