// Entries of many sources (each container, the events, each pod's own word) merged in the order of
// their time keys. Each source is already in order, and its order is kept whatever the keys say;
// across sources an entry waits a moment (the hold-back) for earlier ones still on their way from a
// slower stream, then goes out after every earlier entry that has arrived. Later stragglers go out as
// they come rather than being held: the view never waits more than the hold-back for order.
import type { LogEntry } from './log-entry';

export type Unnumbered = Omit<LogEntry, 'seq'>;

/** A source's queue: parallel arrays read from `head` (no object per entry), compacted as they empty. */
class Queue {
  keys: string[] = [];
  arrived: number[] = [];
  entries: Unnumbered[] = [];
  head = 0;

  push(key: string, arrived: number, entry: Unnumbered): void {
    this.keys.push(key);
    this.arrived.push(arrived);
    this.entries.push(entry);
  }

  shift(): Unnumbered {
    const entry = this.entries[this.head++];
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.keys = this.keys.slice(this.head);
      this.arrived = this.arrived.slice(this.head);
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return entry;
  }

  get size(): number {
    return this.entries.length - this.head;
  }
}

export class Merger {
  private readonly queues = new Map<string, Queue>();
  private count = 0;

  add(source: string, key: string, entry: Unnumbered, now: number): void {
    let queue = this.queues.get(source);
    if (!queue) this.queues.set(source, (queue = new Queue()));
    queue.push(key, now, entry);
    this.count++;
  }

  /** Entries waiting. */
  get size(): number {
    return this.count;
  }

  /** When the entry that has waited longest arrived; undefined when none waits. */
  firstArrival(): number | undefined {
    let first: number | undefined;
    for (const queue of this.queues.values()) {
      const arrived = queue.size > 0 ? queue.arrived[queue.head] : undefined;
      if (arrived !== undefined && (first === undefined || arrived < first)) first = arrived;
    }
    return first;
  }

  /** In order, every entry that waited `holdBackMs` and every entry keyed before one of those; all of them with `all`. */
  release(now: number, holdBackMs: number, all = false): Unnumbered[] {
    const ripe = now - holdBackMs;
    const out: Unnumbered[] = [];
    const queues = [...this.queues.values()].filter((q) => q.size > 0);
    for (;;) {
      let best: Queue | undefined;
      let bestKey = '';
      let second: string | undefined;
      let anyRipe = all;
      for (const queue of queues) {
        if (queue.size === 0) continue;
        const key = queue.keys[queue.head];
        if (queue.arrived[queue.head] <= ripe) anyRipe = true;
        if (!best || key < bestKey) {
          if (best && (second === undefined || bestKey < second)) second = bestKey;
          best = queue;
          bestKey = key;
        } else if (second === undefined || key < second) second = key;
      }
      if (!best || !anyRipe) break;
      // A run from one source: everything keyed up to the next source's first entry, while it lasts.
      const q = best;
      do out.push(q.shift());
      while (q.size > 0 && (all || q.arrived[q.head] <= ripe) && (second === undefined || q.keys[q.head] <= second));
    }
    this.count -= out.length;
    for (const [source, queue] of this.queues) if (queue.size === 0) this.queues.delete(source);
    return out;
  }
}
