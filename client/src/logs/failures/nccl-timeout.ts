// A collective did not complete in time: PyTorch's NCCL watchdog aborts the communicator.
import type { FailurePattern } from './failure-pattern';

export const ncclTimeout: FailurePattern = {
  id: 'nccl-timeout',
  title: 'NCCL timeout',
  pattern: /collective operation timeout|NCCL\b.*\btimed out\b/,
  examples: [
    '[rank3]:[E ProcessGroupNCCL.cpp:1316] [PG 0 (default_pg) Rank 3] Watchdog caught collective operation timeout: ' +
      'WorkNCCL(SeqNum=4012, OpType=ALLREDUCE, NumelIn=262144000, Timeout(ms)=600000) ran for 600009 milliseconds before timing out.',
    'RuntimeError: NCCL communicator was aborted on rank 1. Original reason for failure was: [Rank 1] Watchdog caught ' +
      'collective operation timeout: WorkNCCL(SeqNum=1, OpType=BROADCAST, Timeout(ms)=1800000)',
    'torch.distributed.DistBackendError: NCCL operation timed out on rank 2',
  ],
};
