// DataLoader workers (or anything writing to /dev/shm) die with SIGBUS when the 64 MB runs out.
import type { FailurePattern } from './failure-pattern';

export const shmBusError: FailurePattern = {
  id: 'shm-bus-error',
  title: 'Bus error: /dev/shm too small',
  pattern: /[Bb]us error|insufficient shared memory|out of shared memory|unable to write to file <\/torch_|SIGBUS|exitcode\s*:\s*-7\b/,
  rule: 'gpu/shm-missing',
  examples: [
    'ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).',
    "RuntimeError: DataLoader worker (pid 2817) is killed by signal: Bus error. It is possible that dataloader's workers are out " +
      'of shared memory. Please try to raise your shared memory limit.',
    'RuntimeError: unable to write to file </torch_1_2831479394>: No space left on device (28)',
    'Bus error (core dumped)',
    'torch.distributed.elastic.multiprocessing.api:failed (exitcode: -7) local_rank: 0 (pid: 57) of binary: /usr/bin/python',
  ],
};
