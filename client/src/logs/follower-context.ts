// What a follower is given by its session: the API, where and what to follow, the options, the
// timers and backoff, whether the container already ran when the session found it, the counters it
// adds to, and where its entries go.
import type { BackoffOptions } from '../cluster/backoff';
import type { Timers } from '../cluster/informer';
import type { KubeApi } from '../cluster/kube-api';
import type { LogSessionOptions } from './log-entry';
import type { Unnumbered } from './merger';
import type { PodTag } from './pod-tags';

export interface FollowStats {
  /** Lines shown, lines received again after a resume and dropped, requests made. */
  lines: number;
  repeated: number;
  requests: number;
  /** Streams that broke (network, 5xx) and streams that ended under a running container. */
  breaks: number;
  resumes: number;
}

export interface FollowerContext {
  api: Pick<KubeApi, 'stream' | 'request' | 'server'>;
  namespace: string;
  container: string;
  tag: PodTag;
  options: LogSessionOptions;
  timers: Timers;
  backoff: BackoffOptions;
  /** The container had a run when the session found it: its first request takes the tail and since. */
  existing: boolean;
  stats: FollowStats;
  emit(key: string, entry: Unnumbered): void;
  /** The first answer came (or the container waits): the session's warm-up need not wait for it. */
  settled(): void;
}
