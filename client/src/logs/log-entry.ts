// What a log session hands its view: entries in display order, in batches. The session (pods
// found, containers followed, streams resumed, events and terminations read) and the view (the
// webview, its filter and its buffer) meet here and nowhere else, so each is tested alone.

/** `line`: a container's log line; `event`: a Kubernetes event of a pod (scheduling, pulling…);
 * `status`: a container started, terminated (reason, exit code) or restarted; `notice`: the
 * session's own word (resumed after a dropped connection, lines dropped from the buffer);
 * `error`: what stops a part of the stream (forbidden namespace, pod gone, container not started). */
export type LogEntryKind = 'line' | 'event' | 'status' | 'notice' | 'error';

/** A recognised training failure on a line (CUDA out of memory, NCCL timeout, a bus error…). */
export interface FailureMatch {
  /** Stable id of the pattern, `cuda-oom`. */
  id: string;
  /** What it is, in a few words: `CUDA out of memory`. */
  title: string;
  /** One of our rules that explains a common cause (`gpu/shm-missing`), with its page. */
  rule?: { id: string; page: string };
}

/** A place in the workspace a line points at (`File "train.py", line 42` in a traceback). */
export interface SourceLink {
  /** Offsets in `text` of the part to underline. */
  start: number;
  end: number;
  /** The path as written (`/workspace/train.py`, `train.py`); the view resolves it in the workspace. */
  path: string;
  line?: number;
}

export interface LogEntry {
  /** Increases by one per entry of a session: the view's key, and how a test proves nothing repeats. */
  seq: number;
  kind: LogEntryKind;
  /** RFC 3339 with nanoseconds as the API server sent it (`timestamps=true`), or the event's time. */
  time?: string;
  /** The pod and container it comes from; none for a session-wide notice. */
  pod?: string;
  container?: string;
  /** Short, stable tag of the pod's role and index: `worker-3`, `master-0`, `head`, `launcher`. */
  tag?: string;
  /** The role alone (`worker`), for the filter and the tag's colour. */
  role?: string;
  text: string;
  failure?: FailureMatch;
  links?: SourceLink[];
}

/** Where a session is: starting, following live, paused (entries held, not shown), ended (every part done), stopped. */
export type LogSessionState = 'starting' | 'following' | 'paused' | 'ended' | 'stopped';

/** What the view listens to. Batches come a few times per second at most, whatever the rate of lines. */
export interface LogSessionListener {
  onEntries(batch: readonly LogEntry[]): void;
  onState(state: LogSessionState): void;
}
