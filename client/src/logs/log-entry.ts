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
  /** How the view may colour it: a Warning event, a container that ended in an error, a failure line. None: ordinary. */
  level?: 'warning' | 'error';
}

/** Where a session is: starting, following live, paused (entries held, not shown), ended (every part done), stopped. */
export type LogSessionState = 'starting' | 'following' | 'paused' | 'ended' | 'stopped';

/**
 * What a session follows: every container of every pod of a workload of any supported kind
 * (`kubeflow.org/pytorchjobs`, `batch/jobs`, `apps/deployments`, `ray.io/rayjobs` …), the containers of
 * one pod (`/pods`), or one container. The view's LogTarget (with its context) is one.
 */
export interface LogSessionTarget {
  namespace: string;
  /** The resource type key of client/src/cluster/resources.ts: `kubeflow.org/pytorchjobs`, `/pods`. */
  typeKey: string;
  name: string;
  /** One container (of a pod, or of each pod of a workload); every container when absent. */
  container?: string;
}

/** How much to read and how: kubectl's `--tail`, `--since-time`, `--since`, `--previous`, `-f`. */
export interface LogSessionOptions {
  /** Lines per container to start with (`mlinfra.logs.tailLines`); all when absent. Containers that start later are read whole. */
  tailLines?: number;
  /** Only lines at or after this RFC 3339 time. */
  sinceTime?: string;
  /** Only lines of the last so many seconds (ignored when sinceTime is given). */
  sinceSeconds?: number;
  /** The instance before the last restart of each container, read once (no follow); a container never restarted says so. */
  previous?: boolean;
  /** Keep following (default true); false reads what is there and ends. */
  follow?: boolean;
  /** Events of the pods (scheduling, pulling, back-off) and of the workload beside the lines (default true). */
  events?: boolean;
  /** Entries kept while paused (`mlinfra.logs.bufferLines`, default 100,000); beyond, the oldest go and a notice says how many. */
  maxHeldEntries?: number;
}

/** What the view holds of a running session. Closing the view calls stop(): every request the session made ends. */
export interface LogSessionHandle {
  readonly state: LogSessionState;
  /** Entries keep being read but are held, not delivered, until resume() (bounded by maxHeldEntries). */
  pause(): void;
  /** Delivers what was held, in one batch, then follows live again. */
  resume(): void;
  /** Ends every stream and watch; no entry comes after it. */
  stop(): void;
}

/** What the view listens to. Batches come a few times per second at most, whatever the rate of lines. */
export interface LogSessionListener {
  onEntries(batch: readonly LogEntry[]): void;
  onState(state: LogSessionState): void;
}
