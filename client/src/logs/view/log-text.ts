// Entries as plain text, the way Save and Open in Editor write them and the filter reads them:
// `<time> <tag> <text>`, tags padded to one column, and the kinds that are not a container's own
// line marked (`[event]`, `[status]`, `[notice]`, `[error]`). Pure.
import type { LogEntry } from '../log-entry';

/** What stands before an entry's text: nothing for a container's line, its kind for the rest. */
export function kindMark(entry: LogEntry): string {
  return entry.kind === 'line' ? '' : `[${entry.kind}] `;
}

/** Who wrote an entry: its tag (`worker-3`), else its pod; empty for the session's own word. */
export function entrySource(entry: LogEntry): string {
  return entry.tag ?? entry.pod ?? '';
}

/** One entry as a line of text; `width` pads the source so texts line up. */
export function entryLine(entry: LogEntry, timestamps: boolean, width = 0): string {
  // RFC 3339 with nanoseconds is 30 characters; an event's time in seconds is padded to line up.
  const time = timestamps ? `${(entry.time ?? '').padEnd(30)} ` : '';
  const source = width ? `${entrySource(entry).padEnd(width)} ` : '';
  return `${time}${source}${kindMark(entry)}${entry.text}`;
}

/** The entries as a text document; sources are shown when more than one wrote. */
export function entriesText(entries: readonly LogEntry[], timestamps: boolean): string {
  const sources = new Set(entries.map(entrySource).filter(Boolean));
  const width = sources.size > 1 || entries.some((e) => e.tag) ? Math.max(0, ...[...sources].map((s) => s.length)) : 0;
  return entries.map((e) => entryLine(e, timestamps, width)).join('\n') + (entries.length ? '\n' : '');
}
