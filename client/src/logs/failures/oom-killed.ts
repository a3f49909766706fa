// The kernel killed a process for memory (SIGKILL): a DataLoader worker, a torchrun rank, the
// container's main process (its status then says OOMKilled).
import type { FailurePattern } from './failure-pattern';

export const oomKilled: FailurePattern = {
  id: 'oom-killed',
  title: 'Killed by the kernel (out of memory)',
  pattern:
    /killed by signal: Killed|exitcode\s*:\s*-9\b|Signal 9 \(SIGKILL\)|out of memory: Killed process|oom-kill(?:er)?\b|\bKilled\s+(?:python|torchrun|deepspeed)/i,
  examples: [
    'RuntimeError: DataLoader worker (pid 1234) is killed by signal: Killed.',
    'torch.distributed.elastic.multiprocessing.api:failed (exitcode: -9) local_rank: 3 (pid: 254) of binary: /usr/bin/python3',
    'Memory cgroup out of memory: Killed process 4123 (python) total-vm:98765432kB, anon-rss:65432100kB',
    '/bin/bash: line 1:    17 Killed                  python train.py --epochs 10',
  ],
};
