// Any other NCCL failure: a network error between nodes, a CUDA error inside NCCL, a peer gone.
import type { FailurePattern } from './failure-pattern';

export const ncclError: FailurePattern = {
  id: 'nccl-error',
  title: 'NCCL error',
  pattern: /NCCL error|nccl(?:Internal|UnhandledCuda|System|InvalidUsage|InvalidArgument|Remote)Error|NCCL WARN/,
  examples: [
    'torch.distributed.DistBackendError: NCCL error in: ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:1970, ' +
      'unhandled cuda error (run with NCCL_DEBUG=INFO for details), NCCL version 2.20.5',
    'ncclRemoteError: A call failed possibly due to a network error or a remote process exiting prematurely.',
    'node-1:57:112 [0] transport/net_ib.cc:1295 NCCL WARN NET/IB : Got completion from peer 10.0.0.12<47380> with error 12',
  ],
};
