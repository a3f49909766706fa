// What the view keeps of a session: the last `capacity` entries (`mlinfra.logs.bufferLines`), in a
// ring so that a job logging forever costs the same memory after an hour as after a minute. When
// older entries have gone, a notice at the top says how many.
import type { LogEntry } from './log-entry';

export class LogBuffer {
  private readonly ring: (LogEntry | undefined)[];
  private start = 0;
  private length = 0;
  /** Entries dropped from the top since the session started. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!(Number.isInteger(capacity) && capacity > 0)) throw new Error(`a buffer holds at least one entry, not ${capacity}`);
    this.ring = new Array<LogEntry | undefined>(capacity);
  }

  /** Adds a batch; answers how many of the oldest entries it pushed out. */
  append(batch: readonly LogEntry[]): number {
    let pushedOut = 0;
    // A batch larger than the buffer: only its tail can stay.
    const skip = Math.max(0, batch.length - this.capacity);
    if (skip > 0) {
      pushedOut += this.length + skip;
      this.start = 0;
      this.length = 0;
      this.ring.fill(undefined);
    }
    for (let i = skip; i < batch.length; i++) {
      if (this.length === this.capacity) {
        this.ring[this.start] = batch[i];
        this.start = (this.start + 1) % this.capacity;
        pushedOut++;
      } else {
        this.ring[(this.start + this.length) % this.capacity] = batch[i];
        this.length++;
      }
    }
    this.dropped += pushedOut;
    return pushedOut;
  }

  get size(): number {
    return this.length;
  }

  /** The entries kept, oldest first. */
  entries(): LogEntry[] {
    const out = new Array<LogEntry>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.ring[(this.start + i) % this.capacity] as LogEntry;
    return out;
  }

  /** The position after the newest entry: positions count every entry since the session started. */
  get end(): number {
    return this.dropped + this.length;
  }

  /** The entry at a position (the webview's rows point into the buffer by position), if still kept. */
  at(position: number): LogEntry | undefined {
    const index = position - this.dropped;
    return index >= 0 && index < this.length ? this.ring[(this.start + index) % this.capacity] : undefined;
  }

  /** The notice above the kept entries once some were dropped (seq 0: before every entry of the session). */
  marker(): LogEntry | undefined {
    if (this.dropped === 0) return undefined;
    return {
      seq: 0,
      kind: 'notice',
      text:
        `${this.dropped.toLocaleString('en-US')} earlier entries dropped: the view keeps the last ` +
        `${this.capacity.toLocaleString('en-US')} (setting mlinfra.logs.bufferLines)`,
    };
  }

  clear(): void {
    this.ring.fill(undefined);
    this.start = 0;
    this.length = 0;
    this.dropped = 0;
  }
}
