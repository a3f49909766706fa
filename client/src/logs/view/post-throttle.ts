// At most one message of entries to the webview per interval, whatever the session sends: a
// burst of batches becomes one, so the view redraws a few times per second at most and a busy job
// cannot flood the webview's message channel. The first batch after a quiet moment goes at once.
// Pure: the timers are given.
import type { BatchTimers } from '../../views/refresh-batcher';
import type { LogEntry } from '../log-entry';

const systemTimers: BatchTimers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

export class PostThrottle {
  private pending: LogEntry[] = [];
  private timer: unknown;
  /** Messages sent so far: a test's proof that appending is batched. */
  sent = 0;

  constructor(
    private readonly send: (entries: LogEntry[]) => void,
    private readonly intervalMs = 250,
    private readonly timers: BatchTimers = systemTimers,
  ) {}

  push(batch: readonly LogEntry[]): void {
    if (!batch.length) return;
    for (const entry of batch) this.pending.push(entry);
    if (this.timer !== undefined) return;
    this.flush();
    // Anything that comes within the interval waits for its end.
    this.timer = this.timers.setTimeout(() => this.tick(), this.intervalMs);
  }

  private tick(): void {
    this.timer = undefined;
    if (!this.pending.length) return;
    this.flush();
    this.timer = this.timers.setTimeout(() => this.tick(), this.intervalMs);
  }

  /** Sends what waits, now. */
  flush(): void {
    if (!this.pending.length) return;
    const entries = this.pending;
    this.pending = [];
    this.sent++;
    this.send(entries);
  }

  /** Forgets what waits (the view starts over or closes). */
  clear(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}
