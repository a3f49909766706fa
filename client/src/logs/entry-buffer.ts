// The entries a logs view holds: at most `limit`, the oldest dropped first. Positions count every
// entry since the session started, so a position stays valid while older entries go, and the view
// says how many went. Appending and dropping cost the entries moved, never the whole buffer. Used
// by the panel (to save and to show again) and by the webview (to draw). Pure.
import type { LogEntry } from './log-entry';

export class EntryBuffer {
  private items: LogEntry[] = [];
  /** Index in `items` of the oldest entry kept. */
  private head = 0;
  /** Entries dropped since the session started: the position of the oldest entry kept. */
  dropped = 0;

  constructor(readonly limit: number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  /** The position after the newest entry. */
  get end(): number {
    return this.dropped + this.size;
  }

  /** Adds a batch; returns how many old entries it pushed out. */
  append(batch: readonly LogEntry[]): number {
    for (const entry of batch) this.items.push(entry);
    const over = Math.max(0, this.size - this.limit);
    this.head += over;
    this.dropped += over;
    // Compact once the dropped part outgrows the kept part: amortised, so memory stays within twice the limit.
    if (this.head > this.limit || (this.head > 1024 && this.head > this.items.length / 2)) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return over;
  }

  /** The entry at a position, if still held. */
  at(position: number): LogEntry | undefined {
    const index = position - this.dropped;
    return index >= 0 && index < this.size ? this.items[this.head + index] : undefined;
  }

  entries(): LogEntry[] {
    return this.items.slice(this.head);
  }

  clear(): void {
    this.items = [];
    this.head = 0;
    this.dropped = 0;
  }
}
