// Time for the simulated cluster. Everything that happens "later" (an image pulled, a log line
// printed, a container exiting) goes through a Clock, so the demo can run at a chosen speed and
// tests can move time by hand and see the same cluster every run.

export interface Clock {
  /** Milliseconds since the epoch, in simulated time. */
  now(): number;
  /** Runs `fn` after `delayMs` of simulated time; returns a handle for cancel(). */
  schedule(delayMs: number, fn: () => void): number;
  cancel(handle: number): void;
  /** Stops every pending timer (the cluster stopped). */
  dispose(): void;
}

interface Timer {
  handle: number;
  at: number;
  fn: () => void;
}

/**
 * Simulated time that runs `speed` times faster than the wall clock: at speed 10 a container
 * that prints for 100 simulated seconds ends after 10 real ones. Speed 1 is real time.
 */
export class ScaledClock implements Clock {
  private readonly startReal = Date.now();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private next = 1;

  constructor(
    private readonly speed = 1,
    private readonly startSimulated = Date.now(),
  ) {
    if (!(speed > 0)) throw new Error(`speed must be positive, not ${speed}`);
  }

  now(): number {
    return this.startSimulated + Math.floor((Date.now() - this.startReal) * this.speed);
  }

  schedule(delayMs: number, fn: () => void): number {
    const handle = this.next++;
    const timer = setTimeout(
      () => {
        this.timers.delete(handle);
        fn();
      },
      Math.max(0, delayMs / this.speed),
    );
    timer.unref();
    this.timers.set(handle, timer);
    return handle;
  }

  cancel(handle: number): void {
    clearTimeout(this.timers.get(handle));
    this.timers.delete(handle);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Time that moves only when told to: tests advance it and every due timer runs, in order. */
export class ManualClock implements Clock {
  private current: number;
  private readonly timers: Timer[] = [];
  private next = 1;

  constructor(start = Date.UTC(2025, 0, 6, 9, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  schedule(delayMs: number, fn: () => void): number {
    const timer = { handle: this.next++, at: this.current + Math.max(0, delayMs), fn };
    // Stable order: timers due at the same moment run in the order they were scheduled.
    let index = this.timers.length;
    while (index > 0 && this.timers[index - 1].at > timer.at) index--;
    this.timers.splice(index, 0, timer);
    return timer.handle;
  }

  cancel(handle: number): void {
    const index = this.timers.findIndex((timer) => timer.handle === handle);
    if (index >= 0) this.timers.splice(index, 1);
  }

  /** Moves time forward by `ms`, running every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.current + ms;
    while (this.timers.length && this.timers[0].at <= target) {
      const timer = this.timers.shift() as Timer;
      this.current = Math.max(this.current, timer.at);
      timer.fn();
    }
    this.current = target;
  }

  /** The number of timers still waiting (for tests that run a scenario to its end). */
  pending(): number {
    return this.timers.length;
  }

  dispose(): void {
    this.timers.length = 0;
  }
}
