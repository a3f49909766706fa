// Hands merged entries to the view in batches: at most one per `batchMs` (four a second by default)
// whatever the rate of lines, each numbered on its way out. While paused, released entries are held
// (at most `maxHeld`: beyond, the oldest go and a notice says how many) and come in one batch on
// resume. Until the first answers are in (the warm-up), nothing goes out, so that the lines each
// container had before the session started are merged as a whole.
import type { Timers } from '../cluster/informer';
import type { LogEntry, LogSessionListener } from './log-entry';
import { Merger, type Unnumbered } from './merger';

export interface DeliveryOptions {
  timers: Timers;
  batchMs: number;
  holdBackMs: number;
  maxHeld: number;
}

export class Delivery {
  private readonly merger = new Merger();
  private seq = 0;
  private timer: unknown;
  private lastFlush = -Infinity;
  private held: Unnumbered[] = [];
  private heldDropped = 0;
  private paused = false;
  private warming = true;
  private closed = false;
  private draining = false;
  private drained: (() => void) | undefined;
  /** Entries delivered, and the batches they came in. */
  delivered = 0;
  batches = 0;

  constructor(
    private readonly listener: LogSessionListener,
    private readonly options: DeliveryOptions,
  ) {}

  add(source: string, key: string, entry: Unnumbered): void {
    if (this.closed) return;
    this.merger.add(source, key, entry, this.options.timers.now());
    this.schedule();
  }

  /** The warm-up is over: entries start going out. */
  warmedUp(): void {
    this.warming = false;
    this.schedule();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    const held = this.held;
    this.held = [];
    if (this.heldDropped > 0) {
      held.unshift({ kind: 'notice', text: `${this.heldDropped.toLocaleString('en-US')} earlier entries were dropped while paused` });
      this.heldDropped = 0;
    }
    this.send(held);
  }

  /** Everything waiting goes out in the next batch, in order, without its hold-back; then `done` (the session ended). */
  drain(done: () => void): void {
    if (this.closed || this.warming) return;
    this.draining = true;
    this.drained = done;
    this.cancel();
    this.schedule();
    if (this.merger.size === 0) this.finishDrain();
  }

  private finishDrain(): void {
    const done = this.drained;
    this.draining = false;
    this.drained = undefined;
    done?.();
  }

  /** Nothing more goes out. */
  close(): void {
    this.closed = true;
    this.cancel();
    this.held = [];
  }

  /** Entries not yet delivered (waiting in order, or held while paused). */
  get waiting(): number {
    return this.merger.size + this.held.length;
  }

  private cancel(): void {
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.closed || this.warming || this.merger.size === 0) return;
    const now = this.options.timers.now();
    // When the oldest entry has waited its hold-back, and not sooner than a batch after the last one.
    const ripe = (this.merger.firstArrival() ?? now) + (this.draining ? 0 : this.options.holdBackMs);
    const delay = Math.max(0, this.lastFlush + this.options.batchMs - now, ripe - now);
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, delay);
  }

  private flush(): void {
    const now = this.options.timers.now();
    // A timer may fire a moment early by this clock: never two batches closer than batchMs.
    if (now < this.lastFlush + this.options.batchMs) return this.schedule();
    try {
      this.deliver(this.merger.release(now, this.options.holdBackMs, this.draining));
    } finally {
      // Counted from when the view got the batch: however long it took (or if it threw), the next one waits its turn.
      this.lastFlush = this.options.timers.now();
      if (this.draining && this.merger.size === 0) this.finishDrain();
      this.schedule();
    }
  }

  private deliver(entries: Unnumbered[]): void {
    if (entries.length === 0) return;
    if (!this.paused) return this.send(entries);
    for (const entry of entries) this.held.push(entry);
    const over = this.held.length - this.options.maxHeld;
    if (over > 0) {
      this.held.splice(0, over);
      this.heldDropped += over;
    }
  }

  private send(entries: Unnumbered[]): void {
    if (entries.length === 0 || this.closed) return;
    const batch = entries as LogEntry[];
    for (const entry of batch) entry.seq = ++this.seq;
    this.delivered += batch.length;
    this.batches++;
    this.listener.onEntries(batch);
  }
}
