// Faults in log streams, for tests that prove a client loses and repeats nothing: each log response
// is cut after a random number of bytes (often in the middle of a line), by dropping the connection
// or, for a follow stream, by ending the body cleanly as the kubelet does at its streaming limit; and
// a share of log requests is refused with a 5xx before any line. Seeded, so a failing run can be
// run again exactly. Only clusters started with `testControl` have it (http/test-control.ts).
import { Random } from '../sim/random';
import { internalError, serviceUnavailable, type StatusError } from './status';

export interface LogFaultSettings {
  seed?: number;
  /** Cut every log response after a number of bytes drawn between these two (inclusive); none when absent. */
  cutAfterBytes?: [number, number];
  /** Of the cuts of follow streams, the share that end the body cleanly rather than drop the connection (0 to 1). */
  cleanEndShare?: number;
  /** The share of log requests answered 503 or 500 before any line (0 to 1). */
  errorShare?: number;
}

export interface LogFaultCounts {
  requests: number;
  /** Responses cut by dropping the connection, and by ending the body early. */
  drops: number;
  ends: number;
  /** Requests answered with a 5xx. */
  errors: number;
}

/** What one response is in for: a cut after so many bytes, clean or not. */
export interface CutPlan {
  afterBytes: number;
  clean: boolean;
}

export class LogFaults {
  private settings: LogFaultSettings = {};
  private random = new Random(1);
  counts: LogFaultCounts = { requests: 0, drops: 0, ends: 0, errors: 0 };

  /** New settings (none: no faults) and fresh counts. */
  configure(settings: LogFaultSettings): void {
    const share = (value: unknown, name: string) => {
      if (value !== undefined && !(typeof value === 'number' && value >= 0 && value <= 1)) throw new Error(`${name} must be from 0 to 1`);
    };
    share(settings.cleanEndShare, 'cleanEndShare');
    share(settings.errorShare, 'errorShare');
    const cut = settings.cutAfterBytes;
    if (
      cut !== undefined &&
      !(Array.isArray(cut) && cut.length === 2 && cut.every((n) => Number.isInteger(n) && n > 0) && cut[0] <= cut[1])
    )
      throw new Error('cutAfterBytes must be [min, max], whole numbers of bytes above 0');
    this.settings = { ...settings };
    this.random = new Random(settings.seed ?? 1);
    this.counts = { requests: 0, drops: 0, ends: 0, errors: 0 };
  }

  /** A 5xx to answer this log request with, if it draws one. */
  refusal(): StatusError | undefined {
    this.counts.requests++;
    if (!this.settings.errorShare || this.random.next() >= this.settings.errorShare) return undefined;
    this.counts.errors++;
    return this.random.next() < 0.5 ? serviceUnavailable() : internalError('error reading the container log: connection reset by peer');
  }

  /** Where to cut a response, if cuts are on; a clean end only for follow streams. */
  cut(follow: boolean): CutPlan | undefined {
    const range = this.settings.cutAfterBytes;
    if (!range) return undefined;
    return { afterBytes: this.random.int(range[0], range[1]), clean: follow && this.random.next() < (this.settings.cleanEndShare ?? 0) };
  }

  /** Counts a cut made. */
  cutMade(plan: CutPlan): void {
    if (plan.clean) this.counts.ends++;
    else this.counts.drops++;
  }
}
