// NCCL could not set up its shared-memory transport: /dev/shm is the runtime's 64 MB.
import type { FailurePattern } from './failure-pattern';

export const ncclShm: FailurePattern = {
  id: 'nccl-shm',
  title: 'NCCL cannot use /dev/shm',
  pattern: /shared memory segment \/dev\/shm\/nccl|\/dev\/shm\/nccl-\S* to \d+ bytes|NCCL WARN.*\/dev\/shm/,
  rule: 'gpu/shm-missing',
  examples: [
    'include/shm.h:48 NCCL WARN Error while creating shared memory segment /dev/shm/nccl-8ZPUQ2 (size 9637888)',
    'misc/shmutils.cc:72 NCCL WARN Error: failed to extend /dev/shm/nccl-ZVeAWx to 9637892 bytes',
  ],
};
