// The logs of every container run: lines with their times, kept per pod, container and run, so
// `previous` can show the run before a restart and `follow` can stream lines as they come. A run keeps
// its last 200,000 lines, as the kubelet rotates a container's log files: a container that logs for
// hours costs the cluster bounded memory.

/** Lines a run keeps; beyond a tenth more, the oldest go. */
const KEPT_LINES = 200_000;

export interface LogLine {
  time: number;
  text: string;
}

interface Run {
  lines: LogLine[];
  ended: boolean;
  followers: Set<(line: LogLine | 'end') => void>;
}

export class LogStore {
  private readonly runs = new Map<string, Run[]>();

  private key(podUid: string, container: string): string {
    return `${podUid}/${container}`;
  }

  /** Starts a new run of a container (its first start or a restart). */
  start(podUid: string, container: string): void {
    const runs = this.runs.get(this.key(podUid, container)) ?? [];
    runs.push({ lines: [], ended: false, followers: new Set() });
    this.runs.set(this.key(podUid, container), runs);
  }

  append(podUid: string, container: string, line: LogLine): void {
    const run = this.current(podUid, container);
    if (!run || run.ended) return;
    run.lines.push(line);
    if (run.lines.length > KEPT_LINES * 1.1) run.lines.splice(0, run.lines.length - KEPT_LINES);
    for (const follower of run.followers) follower(line);
  }

  end(podUid: string, container: string): void {
    const run = this.current(podUid, container);
    if (!run || run.ended) return;
    run.ended = true;
    for (const follower of run.followers) follower('end');
    run.followers.clear();
  }

  /** The current run (0) or the one before it (1). */
  run(podUid: string, container: string, back = 0): { lines: LogLine[]; ended: boolean } | undefined {
    const runs = this.runs.get(this.key(podUid, container)) ?? [];
    return runs[runs.length - 1 - back];
  }

  /** Calls `listener` for each new line of the current run and once with 'end'; returns the unsubscribe. */
  follow(podUid: string, container: string, listener: (line: LogLine | 'end') => void): () => void {
    const run = this.current(podUid, container);
    if (!run || run.ended) {
      listener('end');
      return () => undefined;
    }
    run.followers.add(listener);
    return () => run.followers.delete(listener);
  }

  /** Forgets a pod's logs (it was deleted); followers see the end. */
  forget(podUid: string): void {
    for (const [key, runs] of this.runs) {
      if (!key.startsWith(`${podUid}/`)) continue;
      for (const run of runs) for (const follower of run.followers) follower('end');
      this.runs.delete(key);
    }
  }

  private current(podUid: string, container: string): Run | undefined {
    const runs = this.runs.get(this.key(podUid, container));
    return runs?.[runs.length - 1];
  }
}
