// Keeps one collection (pods in a namespace, all nodes …) current without polling: list in pages,
// then watch from the list's resourceVersion. A dropped watch resumes from the last version seen
// after an exponential backoff; a 410 Gone (history compacted) lists again; bookmarks move the
// version forward. The transport and timers are given, so the behaviour is tested without a cluster.
import { Backoff } from './backoff';
import { ClusterError, toClusterError } from './errors';
import { ObjectStore, type Applied, type WatchEvent } from './object-store';
import { listAllPages, PAGE_SIZE, type KubeObject, type ListPage, type ListQuery } from './paging';

export interface WatchQuery {
  resourceVersion: string;
  allowWatchBookmarks: true;
  timeoutSeconds: number;
}

export interface Transport {
  list(query: ListQuery): Promise<ListPage>;
  /** Starts a watch; `onDone` is called once when it ends, with the error if it failed. */
  watch(query: WatchQuery, onEvent: (event: WatchEvent) => void, onDone: (error?: unknown) => void): Promise<{ stop(): void }>;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface InformerOptions {
  server: string;
  timers: Timers;
  backoff?: Backoff;
  pageSize?: number;
  /** Called after every change of the objects or of the error. */
  onChange(applied: Applied | 'listed' | 'error'): void;
  log?(message: string): void;
  random?: () => number;
}

export type InformerState = 'idle' | 'listing' | 'watching' | 'waiting' | 'failed' | 'stopped';

export class Informer {
  readonly store = new ObjectStore();
  state: InformerState = 'idle';
  /** The last failure, until a list or watch succeeds again. */
  error: ClusterError | undefined;
  /** Resolves once the first list has answered, with objects or an error. */
  readonly ready: Promise<void>;
  lists = 0;
  watches = 0;
  private markReady!: () => void;
  private watchHandle: { stop(): void } | undefined;
  private timer: unknown;
  private generation = 0;
  private readonly backoff: Backoff;

  constructor(
    private readonly transport: Transport,
    private readonly options: InformerOptions,
  ) {
    this.backoff = options.backoff ?? new Backoff();
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  start(): void {
    if (this.state === 'idle') void this.list();
  }

  items(): readonly KubeObject[] {
    return this.store.items();
  }

  /** Lists again now (the retry action), whatever the state. */
  retry(): void {
    if (this.state === 'stopped') return;
    this.backoff.reset();
    void this.list();
  }

  stop(): void {
    this.state = 'stopped';
    this.generation++;
    this.cancelTimer();
    this.watchHandle?.stop();
    this.watchHandle = undefined;
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private later(ms: number, fn: () => void): void {
    this.cancelTimer();
    this.state = 'waiting';
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = undefined;
      fn();
    }, ms);
  }

  private async list(): Promise<void> {
    const generation = ++this.generation;
    this.cancelTimer();
    this.watchHandle?.stop();
    this.watchHandle = undefined;
    this.state = 'listing';
    this.lists++;
    try {
      const result = await listAllPages((query) => this.transport.list(query), this.options.pageSize ?? PAGE_SIZE);
      if (generation !== this.generation) return;
      this.store.replace(result.items, result.resourceVersion);
      this.error = undefined;
      this.options.log?.(`listed ${result.items.length} in ${result.pages} page(s) at resourceVersion ${result.resourceVersion}`);
      this.options.onChange('listed');
      this.markReady();
      void this.watch(generation);
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = toClusterError(error, this.options.server);
      this.options.log?.(`list failed: ${this.error.message}`);
      this.options.onChange('error');
      this.markReady();
      // A 401 or 403 stays until someone acts: the retry action lists again.
      if (this.error.transient) this.later(this.backoff.next(), () => void this.list());
      else this.state = 'failed';
    }
  }

  private async watch(generation: number): Promise<void> {
    if (generation !== this.generation) return;
    this.state = 'watching';
    this.watches++;
    const started = this.options.timers.now();
    let done = false;
    const finish = (error?: unknown) => {
      if (done || generation !== this.generation) return;
      done = true;
      this.watchHandle = undefined;
      this.onWatchEnd(generation, started, error);
    };
    const onEvent = (event: WatchEvent) => {
      if (done || generation !== this.generation) return;
      const applied = this.store.apply(event);
      if (applied === 'expired') {
        this.options.log?.(`watch from resourceVersion ${this.store.resourceVersion} expired (410 Gone): listing again`);
        done = true;
        void this.list();
        return;
      }
      if (applied === 'error')
        return finish(new ClusterError(String((event.object as { message?: string }).message ?? 'watch error'), 'server'));
      this.backoff.reset();
      if (this.error) {
        this.error = undefined;
        this.options.onChange('listed');
      }
      if (applied !== 'bookmark' && applied !== 'ignored') this.options.onChange(applied);
    };
    // Servers end watches after timeoutSeconds; a spread keeps many watches from ending together.
    const timeoutSeconds = 240 + Math.floor((this.options.random ?? Math.random)() * 120);
    try {
      const handle = await this.transport.watch(
        { resourceVersion: this.store.resourceVersion, allowWatchBookmarks: true, timeoutSeconds },
        onEvent,
        finish,
      );
      if (done || generation !== this.generation) return handle.stop();
      this.watchHandle = handle;
      // Connected again: the views stop saying the cluster cannot be reached.
      if (this.error) {
        this.error = undefined;
        this.options.onChange('listed');
      }
    } catch (error) {
      finish(error);
    }
  }

  private onWatchEnd(generation: number, started: number, error: unknown): void {
    const failure = error === undefined ? undefined : toClusterError(error, this.options.server);
    // A 410 means the version is too old; a 401 or 403 needs the list's message to be shown: list again.
    if (failure?.code === 410 || failure?.code === 401 || failure?.code === 403) {
      void this.list();
      return;
    }
    const lived = this.options.timers.now() - started;
    if (!failure && lived >= 1000) {
      this.backoff.reset();
      void this.watch(generation);
      return;
    }
    const delay = this.backoff.next();
    if (failure) {
      this.options.log?.(`watch dropped (${failure.message}); reconnecting in ${delay} ms`);
      // After the second failure in a row the views say so, keeping the last objects they had.
      if (this.backoff.attempts >= 2 && !this.error) {
        this.error = failure;
        this.options.onChange('error');
      }
    }
    this.later(delay, () => void this.watch(generation));
  }
}
