// One entry as a row of the list: its time (when shown), its tag in the role's colour, a mark for
// what is not a container's own line (event, status, notice, error), the text with the traceback
// paths that exist in the workspace as links, and for a recognised failure its title and the
// rule that explains a cause; warnings (a Warning event) and errors (a container that failed) in
// the theme's colours. Clicks are handled once for the whole list (data attributes).
import type { LogEntry } from '../../log-entry';
import { tagColorIndex } from '../tag-colors';
import { h } from './dom';

export interface RowContext {
  timestamps: boolean;
  /** Whether any entry has a tag (or pod): the tags' column is drawn. */
  tagged: boolean;
  /** Traceback paths known to exist in the workspace. */
  links: ReadonlyMap<string, boolean>;
}

/** `2025-01-06T10:00:00.123456789Z` → `2025-01-06 10:00:00.123`: milliseconds are enough to read, the whole time is the tooltip. */
export function shortTime(time: string | undefined): string {
  if (!time) return ''.padEnd(23);
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d{1,3})\d*)?/.exec(time);
  return match ? `${match[1]} ${match[2]}.${(match[3] ?? '').padEnd(3, '0')}` : time;
}

function textWithLinks(entry: LogEntry, links: ReadonlyMap<string, boolean>): Array<Node | string> {
  const parts: Array<Node | string> = [];
  let at = 0;
  const sorted = [...(entry.links ?? [])].sort((a, b) => a.start - b.start);
  for (const link of sorted) {
    if (link.start < at || link.end > entry.text.length || !links.get(link.path)) continue;
    parts.push(entry.text.slice(at, link.start));
    const attrs: Record<string, string> = { href: '#', 'data-path': link.path, role: 'link' };
    if (link.line !== undefined) attrs['data-line'] = String(link.line);
    const where = `${link.path}${link.line !== undefined ? `, line ${link.line}` : ''}`;
    parts.push(
      h('a', { className: 'source', title: `Open ${where} in the workspace`, text: entry.text.slice(link.start, link.end), attrs }),
    );
    at = link.end;
  }
  parts.push(entry.text.slice(at));
  return parts;
}

export function entryRow(entry: LogEntry, context: RowContext, extraClass?: string): HTMLElement {
  const classes = ['row', `kind-${entry.kind}`];
  if (entry.level) classes.push(`level-${entry.level}`);
  if (entry.failure) classes.push('failure');
  if (extraClass) classes.push(extraClass);
  const row = h('div', { className: classes.join(' '), attrs: { role: 'listitem' } });
  if (context.timestamps) row.append(h('span', { className: 'time', text: shortTime(entry.time), title: entry.time }), ' ');
  const source = entry.tag ?? entry.pod;
  if (source) {
    const where = [entry.pod, entry.container].filter(Boolean).join(' / ');
    row.append(h('span', { className: `tag tag-${tagColorIndex(source)}`, text: source, title: where }), ' ');
  } else if (context.tagged) {
    // The session's own words and the workload's events keep the column, so texts line up.
    row.append(h('span', { className: 'tag' }), ' ');
  }
  if (entry.kind !== 'line') row.append(h('span', { className: 'kind', text: entry.kind }), ' ');
  if (entry.failure) {
    // Before the text, where a long line cannot push it out of sight.
    row.append(h('span', { className: 'failure-badge', text: entry.failure.title }), ' ');
    const rule = entry.failure.rule;
    if (rule) {
      const attrs = { href: '#', 'data-rule': rule.id, 'data-page': rule.page, role: 'link' };
      row.append(h('a', { className: 'rule', text: rule.id, title: `Open the page of ${rule.id}: a common cause`, attrs }), ' ');
    }
  }
  row.append(h('span', { className: 'text' }, ...textWithLinks(entry, context.links)));
  return row;
}
