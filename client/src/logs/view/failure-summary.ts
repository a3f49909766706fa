// The failures a view has seen, for the bar at its top: per pattern its title, its rule (if one of
// ours explains a cause), how many lines matched in the session, and the first of them the buffer
// still holds (where "jump" goes). Pure.
import type { FailureMatch, LogEntry } from '../log-entry';

export interface FailureCount {
  id: string;
  title: string;
  rule?: FailureMatch['rule'];
  count: number;
  /** Position of the first matching entry still held; undefined once every one was dropped. */
  first?: number;
}

export class FailureSummary {
  private readonly failures = new Map<string, FailureCount & { positions: number[] }>();

  /** Counts an entry at its buffer position. */
  add(entry: LogEntry, position: number): void {
    if (!entry.failure) return;
    const { id, title, rule } = entry.failure;
    let failure = this.failures.get(id);
    if (!failure) {
      failure = { id, title, rule, count: 0, positions: [] };
      this.failures.set(id, failure);
    }
    failure.count++;
    failure.positions.push(position);
  }

  /** Forgets the positions below `oldest` (dropped from the buffer); the counts stay. */
  dropBelow(oldest: number): void {
    for (const failure of this.failures.values()) {
      let n = 0;
      while (n < failure.positions.length && failure.positions[n] < oldest) n++;
      if (n) failure.positions.splice(0, n);
    }
  }

  /** In the order first seen. */
  list(): FailureCount[] {
    return [...this.failures.values()].map(({ positions, ...rest }) => ({ ...rest, first: positions[0] }));
  }

  get total(): number {
    let total = 0;
    for (const failure of this.failures.values()) total += failure.count;
    return total;
  }

  clear(): void {
    this.failures.clear();
  }
}
