// Every failure pattern, in the order they are tried: the specific before the general (NCCL's
// /dev/shm failure before any NCCL error). A quick check lets through only lines that might match
// one, so a job printing 20,000 lines a second is not run through every expression.
import { childFailed } from './child-failed';
import { cudaOom } from './cuda-oom';
import { toMatch, type FailurePattern } from './failure-pattern';
import { invalidDeviceOrdinal } from './invalid-device-ordinal';
import { ncclError } from './nccl-error';
import { ncclShm } from './nccl-shm';
import { ncclTimeout } from './nccl-timeout';
import { noGpu } from './no-gpu';
import { oomKilled } from './oom-killed';
import { shmBusError } from './shm-bus-error';
import type { FailureMatch } from '../log-entry';

export const FAILURE_PATTERNS: readonly FailurePattern[] = [
  cudaOom,
  ncclShm,
  ncclTimeout,
  ncclError,
  childFailed,
  shmBusError,
  oomKilled,
  invalidDeviceOrdinal,
  noGpu,
];

/** A word every pattern's lines hold; the tests hold every example to it. */
export const QUICK_CHECK =
  /CUDA|OutOfMemory|OOM|Out of memory|out of memory|NCCL|nccl|ChildFailed|[Bb]us error|shared memory|torch_|SIGBUS|exitcode|Kill|kill|device ordinal|NVIDIA/;

const MATCHES = new Map(FAILURE_PATTERNS.map((p) => [p.id, toMatch(p)]));

/** The first pattern a line's text matches. */
export function matchFailure(text: string): FailureMatch | undefined {
  if (!QUICK_CHECK.test(text)) return undefined;
  const found = FAILURE_PATTERNS.find((p) => p.pattern.test(text));
  return found && MATCHES.get(found.id);
}
