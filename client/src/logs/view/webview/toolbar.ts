// The toolbar: the session's state and what it reads (with pause, resume, stop, start again, and
// where to start: a tail, all lines, since a time, the previous instance), Save and Open in
// Editor, and the filter (text, a chip per role, a pod, events) with the timestamps toggle.
import type { LogSessionState } from '../../log-entry';
import type { LogFilter } from '../log-filter';
import { describeOptions, type LogOptions } from '../log-options';
import { tagColorIndex } from '../tag-colors';
import { fill, h } from './dom';

export interface ToolbarActions {
  session(action: 'pause' | 'resume' | 'stop' | 'restart'): void;
  start(choice: string): void;
  previous(on: boolean): void;
  save(): void;
  openInEditor(): void;
  filter(change: Partial<LogFilter>): void;
  toggleRole(role: string): void;
  timestamps(on: boolean): void;
}

const STATES: Record<LogSessionState, string> = {
  starting: 'Starting…',
  following: 'Following',
  paused: 'Paused',
  ended: 'Ended',
  stopped: 'Stopped',
};

/** The "start with" choices: a tail, all, or since. `since:ask` asks the host for a time. */
export const START_CHOICES: Array<[string, string]> = [
  ['tail:100', 'Last 100 lines'],
  ['tail:300', 'Last 300 lines'],
  ['tail:1000', 'Last 1,000 lines'],
  ['tail:5000', 'Last 5,000 lines'],
  ['all', 'All lines'],
  ['since:300', 'Since 5 minutes ago'],
  ['since:3600', 'Since 1 hour ago'],
  ['since:86400', 'Since 24 hours ago'],
  ['since:ask', 'Since…'],
];

export function startChoice(options: LogOptions): string {
  if (options.sinceTime) return 'since:ask';
  if (options.sinceSeconds)
    return START_CHOICES.some(([v]) => v === `since:${options.sinceSeconds}`) ? `since:${options.sinceSeconds}` : 'since:ask';
  return options.tailLines ? `tail:${options.tailLines}` : 'all';
}

/** The choice's option, added for a tail the list does not offer (the setting's, say 250). */
function ensureOption(select: HTMLSelectElement, value: string): void {
  if ([...select.options].some((o) => o.value === value) || !value.startsWith('tail:')) return;
  const lines = Number(value.slice(5));
  select.insertBefore(h('option', { text: `Last ${lines.toLocaleString('en-US')} lines`, attrs: { value } }), select.options[0]);
}

function button(text: string, title: string, onClick: () => void, className = ''): HTMLButtonElement {
  const element = h('button', { text, title, className, attrs: { type: 'button' } });
  element.addEventListener('click', onClick);
  return element;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly state = h('span', { className: 'state', attrs: { role: 'status' } });
  private readonly heading = h('span', { className: 'heading' });
  private readonly described = h('span', { className: 'options' });
  private readonly pause: HTMLButtonElement;
  private readonly stop: HTMLButtonElement;
  private readonly again: HTMLButtonElement;
  private readonly start = h('select', { title: 'Where each container starts: a number of lines, all, or since a time' });
  private readonly previous = h('input', { attrs: { type: 'checkbox' } });
  private readonly text = h('input', { className: 'filter', attrs: { type: 'search', placeholder: 'Filter (text or /regex/)' } });
  private readonly roles = h('span', { className: 'chips', attrs: { role: 'group', 'aria-label': 'Roles' } });
  private readonly pod = h('select', { title: 'Only the lines of one pod' });
  private readonly events = h('input', { attrs: { type: 'checkbox' } });
  private readonly timestamps = h('input', { attrs: { type: 'checkbox' } });
  private shownRoles = '';
  private shownPods = '';
  private current: LogSessionState = 'starting';

  constructor(private readonly actions: ToolbarActions) {
    this.pause = button('Pause', 'Hold new lines (the streams stay open)', () =>
      actions.session(this.current === 'paused' ? 'resume' : 'pause'),
    );
    this.stop = button('Stop', 'Stop reading: close every stream of this view', () => actions.session('stop'));
    this.again = button('Start again', 'Read again with the same choices', () => actions.session('restart'));
    for (const [value, label] of START_CHOICES) this.start.append(h('option', { text: label, attrs: { value } }));
    this.start.addEventListener('change', () => actions.start(this.start.value));
    this.previous.addEventListener('change', () => actions.previous(this.previous.checked));
    let typing: ReturnType<typeof setTimeout> | undefined;
    this.text.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => actions.filter({ text: this.text.value }), 150);
    });
    this.pod.addEventListener('change', () => actions.filter({ pods: this.pod.value ? [this.pod.value] : [] }));
    this.events.addEventListener('change', () => actions.filter({ events: this.events.checked }));
    this.timestamps.addEventListener('change', () => actions.timestamps(this.timestamps.checked));
    const label = (input: HTMLInputElement, text: string, title: string) => h('label', { className: 'toggle', title }, input, text);
    this.element = h(
      'div',
      { className: 'toolbar' },
      h('div', { className: 'line' }, this.state, this.heading, this.described),
      h(
        'div',
        { className: 'line' },
        this.pause,
        this.stop,
        this.again,
        h('span', { className: 'separator' }),
        this.start,
        label(this.previous, 'Previous instance', 'The logs of the instance before the last restart of each container'),
        h('span', { className: 'separator' }),
        button('Save…', 'Save the lines this view holds to a file', () => actions.save()),
        button('Open in Editor', 'Open the lines this view holds in an editor', () => actions.openInEditor()),
      ),
      h(
        'div',
        { className: 'line' },
        this.text,
        this.roles,
        this.pod,
        label(this.events, 'Events', 'Show the pods’ Kubernetes events among the lines'),
        label(this.timestamps, 'Timestamps', 'Show the time of each line'),
      ),
    );
  }

  setSession(state: LogSessionState, title: string, description: string, options: LogOptions): void {
    this.current = state;
    this.state.textContent = STATES[state];
    this.state.className = `state state-${state}`;
    this.heading.textContent = title;
    this.heading.title = description;
    this.described.textContent = describeOptions(options);
    const live = state === 'starting' || state === 'following' || state === 'paused';
    this.pause.textContent = state === 'paused' ? 'Resume' : 'Pause';
    this.pause.disabled = !live || !options.follow || options.previous;
    this.stop.disabled = !live;
    const choice = startChoice(options);
    ensureOption(this.start, choice);
    this.start.value = choice;
    this.previous.checked = options.previous;
  }

  setFilter(filter: LogFilter, timestamps: boolean): void {
    if (this.text.value !== filter.text) this.text.value = filter.text;
    this.events.checked = filter.events;
    this.timestamps.checked = timestamps;
    for (const chip of this.roles.querySelectorAll('button')) chip.setAttribute('aria-pressed', String(filter.roles.includes(chip.value)));
    this.pod.value = filter.pods[0] ?? '';
  }

  /** Chips for the roles and choices for the pods seen so far (redrawn only when one is new). */
  setSources(roles: ReadonlySet<string>, pods: ReadonlySet<string>, filter: LogFilter): void {
    const roleKey = [...roles].join('\n');
    if (roleKey !== this.shownRoles) {
      this.shownRoles = roleKey;
      fill(
        this.roles,
        ...[...roles].map((role) => {
          const chip = button(role, `Only the lines of ${role} pods (click again to show all)`, () => this.actions.toggleRole(role));
          chip.className = `chip tag-${tagColorIndex(role)}`;
          chip.value = role;
          return chip;
        }),
      );
    }
    const podKey = [...pods].join('\n');
    if (podKey !== this.shownPods) {
      this.shownPods = podKey;
      fill(
        this.pod,
        h('option', { text: 'All pods', attrs: { value: '' } }),
        ...[...pods].map((p) => h('option', { text: p, attrs: { value: p } })),
      );
      this.pod.hidden = pods.size < 2;
    }
    this.setFilter(filter, this.timestamps.checked);
  }

  /** Chooses where to start, as a user picks it in the list. */
  choose(value: string): void {
    this.start.value = value;
    this.start.dispatchEvent(new Event('change'));
  }

  /** Types into the filter box (applied at once, without waiting for more keys). */
  type(text: string): void {
    this.text.value = text;
    this.actions.filter({ text });
  }

  /** The chips as shown, chosen ones marked `*`. */
  chips(): string[] {
    return [...this.roles.querySelectorAll('button')].map(
      (c) => `${c.textContent ?? ''}${c.getAttribute('aria-pressed') === 'true' ? '*' : ''}`,
    );
  }
}
