// torchrun's summary when one of the processes it started failed: the first failure is above it.
import type { FailurePattern } from './failure-pattern';

export const childFailed: FailurePattern = {
  id: 'child-failed',
  title: 'torchrun: a worker process failed',
  pattern: /ChildFailedError/,
  examples: ['torch.distributed.elastic.multiprocessing.errors.ChildFailedError: ', '    raise ChildFailedError('],
};
