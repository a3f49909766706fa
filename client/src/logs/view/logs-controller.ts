// The host side of one logs view, without VS Code: it starts the session for its target, keeps the
// entries it sent (bounded, for Save, Open in Editor and a webview shown again), passes them on at
// most a few times per second, answers what the user does in the webview, and stops the session
// when the view closes. The panel (logs-panel.ts) gives it the webview and the editor's effects.
import { LogBuffer } from '../log-buffer';
import type { LogEntry, LogSessionHandle, LogSessionListener, LogSessionState } from '../log-entry';
import type { LogOptions } from './log-options';
import { targetDescription, targetTitle, type LogTarget } from './log-target';
import { PostThrottle } from './post-throttle';
import type { HostMessage, ViewMessage, ViewSnapshot } from './view-protocol';
import type { BatchTimers } from '../../views/refresh-batcher';

/** What the view does with a running session (the engine's handle, or a test's fake). */
export type SessionControl = Pick<LogSessionHandle, 'pause' | 'resume' | 'stop'>;

/** Starts the session of a target; the listener gets its entries and states until it is stopped. */
export type StartSession = (target: LogTarget, options: LogOptions, listener: LogSessionListener) => Promise<SessionControl>;

/** What the controller asks of the editor. */
export interface LogsEffects {
  post(message: HostMessage): void;
  save(entries: LogEntry[]): Promise<void>;
  openInEditor(entries: LogEntry[], timestamps: boolean): Promise<void>;
  openRule(id: string, page: string): Promise<void>;
  openSource(path: string, line?: number): Promise<void>;
  /** Which of these traceback paths name a workspace file. */
  resolveLinks(paths: string[]): Promise<Record<string, boolean>>;
  /** The "since" the user types; undefined when cancelled. */
  askSince(): Promise<Pick<LogOptions, 'sinceSeconds' | 'sinceTime'> | undefined>;
}

export interface ControllerSettings {
  bufferLines: number;
  /** Whether a view shows times and events when it opens (its toggles change it). */
  timestamps: boolean;
  events?: boolean;
  /** How often entries may go to the webview. */
  intervalMs?: number;
  timers?: BatchTimers;
}

export class LogsController {
  private readonly buffer: LogBuffer;
  private readonly throttle: PostThrottle;
  private session: SessionControl | undefined;
  /** Counts the sessions started: what an older session still sends is ignored. */
  private generation = 0;
  private ready = false;
  private disposed = false;
  /** The session's state, and whether the user paused it (the session holds entries then, whatever it reports). */
  private sessionState: LogSessionState = 'starting';
  private paused = false;
  private readonly links = new Map<string, boolean | undefined>();
  private readonly snapshots = new Map<number, { resolve(view: ViewSnapshot): void; reject(error: Error): void }>();
  private nextSnapshot = 1;

  constructor(
    readonly target: LogTarget,
    public options: LogOptions,
    private readonly start: StartSession,
    private readonly effects: LogsEffects,
    private readonly settings: ControllerSettings,
  ) {
    this.buffer = new LogBuffer(settings.bufferLines);
    this.throttle = new PostThrottle((entries) => this.post({ type: 'entries', entries }), settings.intervalMs ?? 250, settings.timers);
  }

  get title(): string {
    return targetTitle(this.target);
  }

  /** Entries held now (what Save writes). */
  entries(): LogEntry[] {
    return this.buffer.entries();
  }

  /** Messages of entries sent to the webview so far. */
  get batchesSent(): number {
    return this.throttle.sent;
  }

  /** Starts (or starts again, with other options) the session; the view starts over. */
  async run(options: LogOptions = this.options): Promise<void> {
    this.session?.stop();
    this.session = undefined;
    this.options = options;
    const generation = ++this.generation;
    this.buffer.clear();
    this.throttle.clear();
    this.sessionState = 'starting';
    this.paused = false;
    this.sendReset();
    const listener: LogSessionListener = {
      onEntries: (batch) => generation === this.generation && !this.disposed && this.append(batch),
      onState: (state) => generation === this.generation && !this.disposed && this.setState(state),
    };
    try {
      const session = await this.start(this.target, options, listener);
      // Closed or started again while it was starting: it must not keep a stream open.
      if (generation !== this.generation || this.disposed) return session.stop();
      this.session = session;
    } catch (error) {
      if (generation !== this.generation || this.disposed) return;
      const text = `Could not read the logs of ${targetDescription(this.target)}: ${error instanceof Error ? error.message : String(error)}`;
      this.append([{ seq: 0, kind: 'error', text }]);
      this.setState('ended');
    }
  }

  private append(batch: readonly LogEntry[]): void {
    if (!batch.length) return;
    this.buffer.append(batch);
    this.throttle.push(batch);
    const paths = new Set<string>();
    for (const entry of batch) for (const link of entry.links ?? []) if (!this.links.has(link.path)) paths.add(link.path);
    if (paths.size) void this.resolve([...paths]);
  }

  private async resolve(paths: string[]): Promise<void> {
    for (const path of paths) this.links.set(path, undefined);
    const resolved = await this.effects.resolveLinks(paths).catch((): Record<string, boolean> => ({}));
    for (const path of paths) this.links.set(path, resolved[path] === true);
    this.post({ type: 'links', resolved });
  }

  /** What the view says: paused while the user holds a live session, else the session's state. */
  get state(): LogSessionState {
    return this.paused && (this.sessionState === 'starting' || this.sessionState === 'following') ? 'paused' : this.sessionState;
  }

  private setState(state: LogSessionState): void {
    this.sessionState = state;
    this.postState();
  }

  private postState(): void {
    const state = this.state;
    // The lines before a state come first: "ended" after the last line.
    this.throttle.flush();
    this.post({ type: 'state', state });
  }

  private post(message: HostMessage): void {
    if (this.ready && !this.disposed) this.effects.post(message);
  }

  private sendReset(): void {
    this.throttle.clear();
    this.post({
      type: 'reset',
      title: this.title,
      description: targetDescription(this.target),
      options: this.options,
      timestamps: this.settings.timestamps,
      events: this.settings.events ?? true,
      bufferLines: this.settings.bufferLines,
      entries: this.buffer.entries(),
      dropped: this.buffer.dropped,
      state: this.state,
    });
    const known = Object.fromEntries([...this.links].filter(([, v]) => v !== undefined)) as Record<string, boolean>;
    if (Object.keys(known).length) this.post({ type: 'links', resolved: known });
  }

  /** The webview went away (hidden): nothing is posted until it says it is ready again. */
  hidden(): void {
    this.ready = false;
    this.throttle.clear();
  }

  /** A message from the webview. */
  async receive(message: ViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.sendReset();
        // Asked before the page was ready (or while it was hidden): asked again now.
        for (const id of this.snapshots.keys()) this.post({ type: 'snapshot', id });
        return;
      case 'pause':
        this.session?.pause();
        this.paused = true;
        return this.postState();
      case 'resume':
        this.session?.resume();
        this.paused = false;
        return this.postState();
      case 'stop':
        this.session?.stop();
        return this.setState('stopped');
      case 'save':
        return this.effects.save(this.entries());
      case 'openInEditor':
        return this.effects.openInEditor(this.entries(), message.timestamps);
      case 'restart':
        return this.run(message.options);
      case 'askSince': {
        const since = await this.effects.askSince();
        if (since) await this.run({ ...this.options, sinceSeconds: since.sinceSeconds, sinceTime: since.sinceTime, tailLines: undefined });
        return;
      }
      case 'openRule':
        return this.effects.openRule(message.id, message.page);
      case 'openSource':
        return this.effects.openSource(message.path, message.line);
      case 'snapshot':
        this.snapshots.get(message.id)?.resolve(message.view);
        this.snapshots.delete(message.id);
        return;
    }
  }

  /** What the webview shows now, read from its DOM. */
  snapshot(timeoutMs = 10000): Promise<ViewSnapshot> {
    const id = this.nextSnapshot++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`the logs view "${this.title}" did not answer (is it visible?)`)), timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        this.snapshots.delete(id);
        reject(error);
      };
      this.snapshots.set(id, {
        resolve: (view) => {
          clearTimeout(timer);
          resolve(view);
        },
        reject: fail,
      });
      this.post({ type: 'snapshot', id });
    });
  }

  /** Sends a toolbar action as if the user did it (tests, commands). */
  act(message: HostMessage): void {
    this.post(message);
  }

  /** The view closed: every request it made stops. */
  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.session?.stop();
    this.session = undefined;
    this.throttle.clear();
    this.buffer.clear();
    for (const waiting of [...this.snapshots.values()]) waiting.reject(new Error(`the logs view "${this.title}" closed`));
  }
}
