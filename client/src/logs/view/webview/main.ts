// The logs webview: the toolbar, the failure bar and the virtual list over the view model. Entries
// come from the extension in batches; the filter, the timestamps toggle and the scroll position are
// the webview's own (kept in its state while the panel is hidden). Links and buttons send what the
// user did to the extension, which owns the session.
import './logs.css';
import type { FailureCount } from '../failure-summary';
import type { LogSessionState } from '../../log-entry';
import { NO_FILTER, isActive, type LogFilter } from '../log-filter';
import type { LogOptions } from '../log-options';
import { LogViewModel } from '../log-view-model';
import type { HostMessage, ViewSnapshot } from '../view-protocol';
import { h } from './dom';
import { FailureBar } from './failure-bar';
import { LogList } from './log-list';
import { Toolbar } from './toolbar';
import { vscodeApi } from './vscode-api';

interface SavedState {
  filter: LogFilter;
  timestamps?: boolean;
}

const vscode = vscodeApi<SavedState>();
const saved = vscode.getState();
let model = new LogViewModel(1000);
let filter: LogFilter = saved?.filter ?? NO_FILTER;
let timestamps = saved?.timestamps;
let state: LogSessionState = 'starting';
let options: LogOptions = { follow: true, previous: false };
let title = '';
let description = '';
const links = new Map<string, boolean>();

const toolbar = new Toolbar({
  session: (action) => (action === 'restart' ? vscode.postMessage({ type: 'restart', options }) : vscode.postMessage({ type: action })),
  start: (choice) => {
    const [kind, value] = choice.split(':');
    if (choice === 'since:ask') {
      vscode.postMessage({ type: 'askSince' });
      toolbar.setSession(state, title, description, options);
      return;
    }
    const base = { ...options, tailLines: undefined, sinceSeconds: undefined, sinceTime: undefined };
    if (kind === 'tail') vscode.postMessage({ type: 'restart', options: { ...base, tailLines: Number(value) } });
    else if (kind === 'since') vscode.postMessage({ type: 'restart', options: { ...base, sinceSeconds: Number(value) } });
    else vscode.postMessage({ type: 'restart', options: base });
  },
  previous: (on) => vscode.postMessage({ type: 'restart', options: { ...options, previous: on } }),
  save: () => vscode.postMessage({ type: 'save' }),
  openInEditor: () => vscode.postMessage({ type: 'openInEditor', timestamps: timestamps === true }),
  filter: (change) => applyFilter({ ...filter, ...change }),
  toggleRole: (role) =>
    applyFilter({ ...filter, roles: filter.roles.includes(role) ? filter.roles.filter((r) => r !== role) : [...filter.roles, role] }),
  timestamps: (on) => setTimestamps(on),
});
const failureBar = new FailureBar((failure) => jump(failure));
const list = new LogList(
  () => model,
  () => ({ timestamps: timestamps === true, links, tagged: model.widest > 0 }),
);
document.getElementById('app')!.append(h('div', { className: 'view' }, toolbar.element, failureBar.element, list.element));
list.measure();

function persist(): void {
  vscode.setState({ filter, timestamps });
}

function emptyText(): string {
  if (model.buffer.size && isActive(filter)) return 'No line matches the filter.';
  if (state === 'starting') return 'Waiting for the first lines…';
  if (state === 'following' || state === 'paused') return 'No lines yet: the containers have written nothing since the start chosen.';
  return 'No lines.';
}

function refresh(): void {
  toolbar.setSession(state, title, description, options);
  toolbar.setSources(model.roles, model.pods, filter);
  failureBar.update(model.failures.list());
  list.emptyText = emptyText();
}

function applyFilter(next: LogFilter): void {
  filter = next;
  model.setFilter(filter);
  persist();
  refresh();
  list.reset();
}

function setTimestamps(on: boolean): void {
  timestamps = on;
  persist();
  refresh();
  list.reset();
}

function jump(failure: FailureCount): void {
  if (failure.first === undefined) return;
  // A failure the filter hides is shown by clearing the filter: the jump must land.
  if (model.rowOf(failure.first) === undefined) applyFilter(NO_FILTER);
  list.reveal(failure.first);
}

function snapshot(): ViewSnapshot {
  list.draw();
  return {
    title,
    state: (document.querySelector('.state')?.textContent ?? '').trim(),
    options: (document.querySelector('.options')?.textContent ?? '').trim(),
    failures: failureBar.element.hidden ? [] : failureBar.texts(),
    rows: list.drawnTexts(),
    highlighted: list.drawnTexts('.failure'),
    links: [...list.element.querySelectorAll('a.source')].map((a) => a.textContent ?? ''),
    rowCount: model.rowCount,
    held: model.buffer.size,
    dropped: model.buffer.dropped,
    chips: toolbar.chips(),
  };
}

/** Clicks the control a user would: a button, a toggle or a chip by its text, a failure's jump by its title, a link. */
function press(label: string): void {
  const controls = [...document.querySelectorAll<HTMLElement>('button, label.toggle, a')];
  const text = (e: HTMLElement) => (e.textContent ?? '').trim();
  const control = controls.find((e) => text(e) === label) ?? controls.find((e) => e.matches('.jump') && text(e).startsWith(`${label} ×`));
  if (control instanceof HTMLLabelElement) control.querySelector('input')?.click();
  else control?.click();
  list.draw();
}

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'reset':
      if (model.buffer.capacity !== message.bufferLines) model = new LogViewModel(message.bufferLines);
      else model.clear();
      ({ title, description, options, state } = message);
      // The settings, until the user toggles Timestamps or Events in this view.
      timestamps ??= message.timestamps;
      if (!saved?.filter && filter === NO_FILTER && !message.events) filter = { ...NO_FILTER, events: false };
      model.setFilter(filter);
      model.buffer.dropped = message.dropped;
      model.append(message.entries);
      refresh();
      list.reset(true);
      return;
    case 'entries':
      list.rowsChanged(model.append(message.entries).removedRows);
      refresh();
      return;
    case 'state':
      state = message.state;
      refresh();
      list.schedule();
      return;
    case 'links':
      for (const [path, exists] of Object.entries(message.resolved)) links.set(path, exists);
      list.schedule();
      return;
    case 'snapshot':
      vscode.postMessage({ type: 'snapshot', id: message.id, view: snapshot() });
      return;
    case 'press':
      press(message.label);
      return;
    case 'choose':
      toolbar.choose(message.value);
      return;
    case 'type':
      toolbar.type(message.text);
      return;
  }
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => receive(event.data));
// Links in rows and in the failure bar: one listener for all of them.
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a[data-path], a[data-rule]');
  if (!link) return;
  event.preventDefault();
  const path = link.getAttribute('data-path');
  if (path) {
    const line = link.getAttribute('data-line');
    vscode.postMessage({ type: 'openSource', path, line: line ? Number(line) : undefined });
  } else {
    vscode.postMessage({ type: 'openRule', id: link.getAttribute('data-rule') ?? '', page: link.getAttribute('data-page') ?? '' });
  }
});
vscode.postMessage({ type: 'ready' });
