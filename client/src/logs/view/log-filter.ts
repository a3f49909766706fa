// The view's filter: chips for roles and pods (none chosen: all shown; some chosen: only those),
// whether events are shown, and a text that a line must contain (case-insensitive; `/…/` for a
// regular expression). The session's own notices and errors are always shown: a filter must never
// hide why the view is empty. Pure.
import type { LogEntry } from '../log-entry';
import { entrySource, kindMark } from './log-text';

export interface LogFilter {
  text: string;
  roles: readonly string[];
  pods: readonly string[];
  events: boolean;
}

export const NO_FILTER: LogFilter = { text: '', roles: [], pods: [], events: true };

/** A test of an entry's text, or an error for a regular expression that does not compile. */
export function textMatcher(text: string): { test(value: string): boolean } | { error: string } {
  const source = /^\/(.+)\/([a-z]*)$/.exec(text.trim());
  if (source) {
    try {
      const pattern = new RegExp(source[1], source[2].includes('i') ? 'i' : source[2].replace(/[gy]/g, ''));
      return { test: (value) => pattern.test(value) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
  const needle = text.trim().toLowerCase();
  return { test: (value) => value.toLowerCase().includes(needle) };
}

export function isActive(filter: LogFilter): boolean {
  return filter.text.trim() !== '' || filter.roles.length > 0 || filter.pods.length > 0 || !filter.events;
}

/** The test an entry must pass to be shown. */
export function compileFilter(filter: LogFilter): (entry: LogEntry) => boolean {
  const matcher = textMatcher(filter.text);
  // A pattern being typed that does not compile yet hides nothing.
  const text = 'error' in matcher || !filter.text.trim() ? undefined : matcher;
  const roles = new Set(filter.roles);
  const pods = new Set(filter.pods);
  return (entry) => {
    if (entry.kind === 'notice' || entry.kind === 'error') return true;
    if (entry.kind === 'event' && !filter.events) return false;
    if (roles.size && !roles.has(entry.role ?? '')) return false;
    if (pods.size && !pods.has(entry.pod ?? '')) return false;
    return !text || text.test(`${entrySource(entry)} ${kindMark(entry)}${entry.text}`);
  };
}
