// Entries of many sources (each container, the events, each pod's own word) merged in the order of
// their time keys. Each source is already in order, and its order is kept whatever the keys say;
// across sources an entry waits a moment (the hold-back) for earlier ones still on their way from a
// slower stream, then goes out after every earlier entry that has arrived. Later stragglers go out as
// they come rather than being held: the view never waits more than the hold-back for order.
import type { LogEntry } from './log-entry';

export type Unnumbered = Omit<LogEntry, 'seq'>;

interface Waiting {
  key: string;
  arrived: number;
  entry: Unnumbered;
}

/** A source's queue: an array read from `head`, compacted as it empties. */
class Queue {
  items: Waiting[] = [];
  head = 0;

  get first(): Waiting | undefined {
    return this.items[this.head];
  }

  shift(): Waiting {
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  get size(): number {
    return this.items.length - this.head;
  }
}

export class Merger {
  private readonly queues = new Map<string, Queue>();
  private count = 0;

  add(source: string, key: string, entry: Unnumbered, now: number): void {
    let queue = this.queues.get(source);
    if (!queue) this.queues.set(source, (queue = new Queue()));
    queue.items.push({ key, arrived: now, entry });
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
      const arrived = queue.first?.arrived;
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
      let second: string | undefined;
      let anyRipe = all;
      for (const queue of queues) {
        const first = queue.first;
        if (!first) continue;
        if (first.arrived <= ripe) anyRipe = true;
        if (!best || first.key < (best.first as Waiting).key) {
          if (best) second = second === undefined || (best.first as Waiting).key < second ? (best.first as Waiting).key : second;
          best = queue;
        } else if (second === undefined || first.key < second) second = first.key;
      }
      if (!best || !anyRipe) break;
      // A run from one source: everything keyed up to the next source's first entry, while it lasts.
      do out.push(best.shift().entry);
      while (best.first && (all || best.first.arrived <= ripe) && (second === undefined || best.first.key <= second));
    }
    this.count -= out.length;
    for (const [source, queue] of this.queues) if (queue.size === 0) this.queues.delete(source);
    return out;
  }
}
