// Timers that run only when a test moves them, in order of due time: the batching, hold-back and
// backoff of the log session are tested without waiting.
import type { Timers } from '../../client/src/cluster/informer';

export class ManualTimers implements Timers {
  time = 0;
  private pending: Array<{ at: number; fn: () => void; handle: number }> = [];
  private next = 1;

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.next++;
    this.pending.push({ at: this.time + Math.max(0, ms), fn, handle });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.handle !== handle);
  }

  now(): number {
    return this.time;
  }

  /** Moves time by `ms`, running every timer due on the way (those they set too). */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      this.pending.sort((a, b) => a.at - b.at || a.handle - b.handle);
      const timer = this.pending[0];
      if (!timer || timer.at > target) break;
      this.pending.shift();
      this.time = timer.at;
      timer.fn();
    }
    this.time = target;
  }

  get count(): number {
    return this.pending.length;
  }
}
