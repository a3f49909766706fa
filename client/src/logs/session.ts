// A log session: what the logs view runs for a target. It finds the target's pods (and those that
// appear later), follows every container with timestamps, resumes a broken stream from the last line
// received, reads the pods' events and their containers' ends, merges all of it in timestamp order
// and hands it to the view in a few batches per second. No vscode here: the view wires it.
import type { KubeApi } from '../cluster/kube-api';
import type { RestMapper } from '../cluster/rest-mapper';
import type { Timers } from '../cluster/informer';
import type { LogSessionHandle, LogSessionListener, LogSessionOptions, LogSessionTarget } from './log-entry';

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
  /** The first and longest delay before reconnecting a broken stream (default 500 ms and 30 s). */
  backoff?: { initialMs?: number; maxMs?: number; random?: () => number };
}

/**
 * Starts following `target`. Entries come through `listener.onEntries` in display order; the state
 * through `listener.onState` (starting → following → ended, or stopped). Needs a trusted workspace:
 * the caller only starts one in answer to the user.
 */
export function startLogSession(
  cluster: LogCluster,
  target: LogSessionTarget,
  options: LogSessionOptions,
  listener: LogSessionListener,
  tuning: SessionTuning = {},
): LogSessionHandle {
  void cluster;
  void target;
  void options;
  void listener;
  void tuning;
  throw new Error('log sessions are being built: this signature is the interface the view wires to');
}
