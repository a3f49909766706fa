// What the logs webview draws, without the DOM: the bounded buffer, the rows the filter lets
// through (positions in the buffer, kept sorted, so a row is found by binary search), the failure
// summary, the roles and pods seen (the filter's chips), and which rows a scrolled viewport shows.
// Appending costs the batch, not the buffer: only a filter change walks every entry. Pure.
import { LogBuffer } from '../log-buffer';
import { FailureSummary } from './failure-summary';
import type { LogEntry } from '../log-entry';
import { compileFilter, NO_FILTER, type LogFilter } from './log-filter';

export class LogViewModel {
  readonly buffer: LogBuffer;
  readonly failures = new FailureSummary();
  /** Roles and pods in the order first seen. */
  readonly roles = new Set<string>();
  readonly pods = new Set<string>();
  /** The longest tag (or pod, for entries without one) seen: the tags' column is this wide. */
  widest = 0;
  private rows: number[] = [];
  private rowsHead = 0;
  private filter: LogFilter = NO_FILTER;
  private accepts = compileFilter(NO_FILTER);

  constructor(limit: number) {
    this.buffer = new LogBuffer(limit);
  }

  get rowCount(): number {
    return this.rows.length - this.rowsHead;
  }

  get currentFilter(): LogFilter {
    return this.filter;
  }

  /** The buffer position shown on a row. */
  positionAt(row: number): number | undefined {
    return this.rows[this.rowsHead + row];
  }

  entryAt(row: number): LogEntry | undefined {
    const position = this.positionAt(row);
    return position === undefined ? undefined : this.buffer.at(position);
  }

  /** The row that shows a position, or undefined when the filter hides it (or it was dropped). */
  rowOf(position: number): number | undefined {
    let lo = this.rowsHead;
    let hi = this.rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid] === position) return mid - this.rowsHead;
      if (this.rows[mid] < position) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Adds a batch; returns how many rows the dropped entries took away from the top. */
  append(batch: readonly LogEntry[]): { removedRows: number } {
    const start = this.buffer.end;
    this.buffer.append(batch);
    batch.forEach((entry, i) => {
      const position = start + i;
      if (entry.role) this.roles.add(entry.role);
      if (entry.pod) this.pods.add(entry.pod);
      this.widest = Math.max(this.widest, (entry.tag ?? entry.pod ?? '').length);
      if (position >= this.buffer.dropped) {
        this.failures.add(entry, position);
        if (this.accepts(entry)) this.rows.push(position);
      } else if (entry.failure) {
        // Dropped within its own batch: counted, with nowhere to jump to.
        this.failures.add(entry, position);
      }
    });
    const oldest = this.buffer.dropped;
    const before = this.rowsHead;
    while (this.rowsHead < this.rows.length && this.rows[this.rowsHead] < oldest) this.rowsHead++;
    const removedRows = this.rowsHead - before;
    // Compacted once the dropped rows outnumber the kept ones: amortised, and memory stays bounded.
    if (this.rowsHead > 4096 && this.rowsHead > this.rows.length / 2) {
      this.rows = this.rows.slice(this.rowsHead);
      this.rowsHead = 0;
    }
    this.failures.dropBelow(oldest);
    return { removedRows };
  }

  /** Applies a filter: walks the buffer once. */
  setFilter(filter: LogFilter): void {
    this.filter = filter;
    this.accepts = compileFilter(filter);
    this.rows = [];
    this.rowsHead = 0;
    for (let position = this.buffer.dropped; position < this.buffer.end; position++) {
      if (this.accepts(this.buffer.at(position)!)) this.rows.push(position);
    }
  }

  clear(): void {
    this.buffer.clear();
    this.failures.clear();
    this.roles.clear();
    this.pods.clear();
    this.widest = 0;
    this.rows = [];
    this.rowsHead = 0;
  }
}

/** The rows a viewport shows, with a few more on each side so scrolling does not flash. */
export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = 10,
): {
  first: number;
  last: number;
} {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}
