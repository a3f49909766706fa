// Where a container's stream is, so that a broken one resumes without losing or repeating a line. A
// resumed request asks for the lines since the last one's time; servers send from a coarser time
// (the API server passes sinceTime to the kubelet in whole seconds), so the lines before that key
// are dropped, and of the lines stamped exactly at it, as many as were already shown.
//
// It assumes, as the runtime writes them, that a container's timestamps do not go back: within one
// connection every line after the replayed part is new, whatever its key.

export class ResumeCursor {
  /** The greatest key shown, and how many lines carried it. */
  private lastKey: string | undefined;
  private atLast = 0;
  /** During a resumed connection's first lines: the position it resumes from. */
  private replay: { key: string; count: number; seen: number } | undefined;
  /** Lines dropped as already shown, over all connections. */
  dropped = 0;

  /** A new connection starts: its first lines may repeat what was shown. */
  reconnect(): void {
    this.replay = this.lastKey === undefined ? undefined : { key: this.lastKey, count: this.atLast, seen: 0 };
  }

  /** Whether a line with this key is new (and then it counts as shown). */
  accept(key: string): boolean {
    const replay = this.replay;
    if (replay) {
      if (key < replay.key || (key === replay.key && ++replay.seen <= replay.count)) {
        this.dropped++;
        return false;
      }
      this.replay = undefined;
    }
    if (this.lastKey === undefined || key > this.lastKey) {
      this.lastKey = key;
      this.atLast = 1;
    } else if (key === this.lastKey) this.atLast++;
    return true;
  }

  /** The sinceTime of a resumed request (a key is an RFC 3339 time); undefined before any line. */
  sinceTime(): string | undefined {
    return this.lastKey;
  }

  /** The key of the last line shown: a status that follows the lines sorts after them. */
  get key(): string | undefined {
    return this.lastKey;
  }
}
