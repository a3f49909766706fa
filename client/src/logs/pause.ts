// Waiting inside a follower: for a time (a backoff) or for news of its pod, on the session's timers,
// cut short when the session stops.
import type { Timers } from '../cluster/informer';

export class Pause {
  private wake: (() => void) | undefined;

  constructor(private readonly timers: Timers) {}

  /** Resolves after `ms`, or at the next wake(). */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.timers.clearTimeout(handle);
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      const handle = this.timers.setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** Ends the current wait now (news came, or the session stops). */
  wakeUp(): void {
    this.wake?.();
  }
}
