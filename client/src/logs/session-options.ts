// What a session is started with besides its target and options, and what it answers: the context
// it reads (a ContextSession is one), what tests and the bench tune, and its counters.
import type { BackoffOptions } from '../cluster/backoff';
import type { Timers } from '../cluster/informer';
import type { KubeApi } from '../cluster/kube-api';
import type { RestMapper } from '../cluster/rest-mapper';
import type { FollowStats } from './follower-context';
import type { LogSessionHandle } from './log-entry';

/** What a session needs of a context: its requests and its REST mapping (a ContextSession is one). */
export interface LogCluster {
  readonly api: Pick<KubeApi, 'request' | 'stream' | 'transport' | 'server'>;
  readonly mapper: Pick<RestMapper, 'map' | 'versionsServing'>;
}

/** What tests and the bench tune; the view leaves it alone. */
export interface SessionTuning {
  timers?: Timers;
  /** Between two batches (default 250 ms: four updates per second at most). */
  batchMs?: number;
  /** How long an entry waits for earlier ones from other containers (default 300 ms). */
  holdBackMs?: number;
  /** The longest wait for every container's first answer before the first batch (default 2 s). */
  warmUpMs?: number;
  /** The first and longest delay before reading a broken stream again (default 500 ms and 30 s). */
  backoff?: BackoffOptions;
}

export interface LogSessionStats extends FollowStats {
  pods: number;
  containers: number;
  delivered: number;
  batches: number;
}

export interface LogSessionControl extends LogSessionHandle {
  stats(): LogSessionStats;
}
