// Many watch events in a short time (a job of 64 pods starting) become one refresh per affected
// row, after a short quiet moment; a refresh of the whole tree covers all the others. No refresh
// fires while VS Code is still fetching rows (`busy`): a row refreshed while its parent's children
// are being fetched gets registered twice ("Element with id … is already registered").

export interface BatchTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemTimers: BatchTimers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

export class RefreshBatcher<T> {
  private readonly pending = new Set<T>();
  private root = false;
  private timer: unknown;

  constructor(
    private readonly fire: (element: T | undefined) => void,
    private readonly delayMs = 200,
    private readonly timers: BatchTimers = systemTimers,
    private readonly busy: () => boolean = () => false,
  ) {}

  /** Asks for a refresh of `element`, or of the whole tree when undefined. */
  request(element: T | undefined): void {
    if (element === undefined) this.root = true;
    else this.pending.add(element);
    this.timer ??= this.timers.setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.busy()) {
      this.timer = this.timers.setTimeout(() => this.flush(), this.delayMs);
      return;
    }
    const elements = [...this.pending];
    const root = this.root;
    this.pending.clear();
    this.root = false;
    if (root) this.fire(undefined);
    else for (const element of elements) this.fire(element);
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
