// One container of one pod, followed from its first run the session sees to its last: each run's
// lines (timestamps requested, so the stream can resume), then how the run ended. A stream that
// breaks (a dropped connection, a 5xx) is asked again after a backoff from the last line received;
// one that ends while the container still runs (the kubelet's 4-hour limit, a proxy) is asked again
// at once. When the run ends, what a cut may have left out is read again without following, then its
// reason and exit code; a restart is followed into the next run, reading the end of the previous one
// first if the stream missed it.
import { Backoff } from '../cluster/backoff';
import { toClusterError, type ClusterError } from '../cluster/errors';
import type { KubeObject } from '../cluster/paging';
import { containerStatus, podFinished, restartCount, started, terminated, waiting, type StatusText } from './container-status';
import { logRequest } from './log-request';
import { lineEntry } from './line-entry';
import type { Unnumbered } from './merger';
import type { FollowerContext } from './follower-context';
import { Pause } from './pause';
import { readPod } from './pod-read';
import { failureOutcome, type Outcome } from './read-outcome';
import { ResumeCursor } from './resume-cursor';
import { splitStamp, timeKey } from './timestamp';
import { readVerified } from './verified-stream';

/* eslint-disable @typescript-eslint/no-explicit-any -- statuses are read as JSON */

/** How long a follower waits for news of its pod before reading the pod itself. */
const POD_CHECK_MS = 15_000;

export class Follower {
  private pod: KubeObject | undefined;
  /** The restart count of the run being read; undefined until one starts. */
  private current: number | undefined;
  /** The run was read to its end. */
  private runRead = false;
  private firstRequest = true;
  private readonly cursor = new ResumeCursor();
  private readonly backoff: Backoff;
  private readonly pause: Pause;
  private readonly controller = new AbortController();
  private stopped = false;
  private said = '';
  private outage = false;

  constructor(
    private readonly ctx: FollowerContext,
    pod: KubeObject,
  ) {
    this.pod = pod;
    this.backoff = new Backoff({ initialMs: 500, maxMs: 30_000, ...ctx.backoff });
    this.pause = new Pause(ctx.timers);
  }

  private get name(): string {
    return String(this.pod?.metadata.name ?? '');
  }

  /** News of the pod from the watch; undefined when it was deleted. */
  update(pod: KubeObject | undefined): void {
    if (pod === undefined || pod.metadata.uid === this.pod?.metadata.uid) this.pod = pod;
    this.pause.wakeUp();
  }

  stop(): void {
    this.stopped = true;
    this.controller.abort();
    this.pause.wakeUp();
  }

  async run(): Promise<void> {
    try {
      if (this.ctx.options.previous) await this.readPrevious();
      else await this.follow();
    } finally {
      this.ctx.settled();
    }
  }

  private async follow(): Promise<void> {
    const follow = this.ctx.options.follow !== false;
    while (!this.stopped && this.pod) {
      const status = containerStatus(this.pod, this.ctx.container);
      const restarts = restartCount(status);
      if (this.current === undefined) {
        if (!status?.state?.running && !status?.state?.terminated && !status?.lastState?.terminated) {
          if (status?.state?.waiting) this.say(waiting(this.ctx.container, status.state.waiting), { once: true });
          if (podFinished(this.pod) || !follow) return;
          this.ctx.settled();
          await this.pause.wait(POD_CHECK_MS);
          continue;
        }
        this.current = restarts;
        if (!this.ctx.existing) this.say(started(this.ctx.container, restarts), { time: status?.state?.running?.startedAt });
      }
      if (restarts > this.current) {
        await this.nextRun(restarts, status);
        continue;
      }
      if (this.runRead) {
        if (podFinished(this.pod) || !follow) return;
        await this.pause.wait(POD_CHECK_MS);
        if (!this.stopped) await this.refresh();
        continue;
      }
      const outcome = await this.read(false, follow);
      if (outcome.kind === 'stopped' || outcome.kind === 'refused' || outcome.kind === 'gone') return;
      if (outcome.kind === 'waiting') {
        await this.pause.wait(1000);
        continue;
      }
      if (outcome.kind === 'changed') continue;
      if (outcome.kind === 'broken') {
        await this.broken(outcome.error);
        continue;
      }
      if (!follow) return this.finishRun(false);
      // The stream ended: the run is over, or the stream was closed under it.
      if (!(await this.refresh())) return;
      const now = containerStatus(this.pod, this.ctx.container);
      if (restartCount(now) === this.current && now?.state?.running) {
        this.ctx.stats.resumes++;
        if (!outcome.progressed) await this.pause.wait(this.backoff.next());
        continue;
      }
      await this.finishRun(true);
    }
  }

  /** The run we read was replaced by a newer one: its end, any runs lost between, then the new one. */
  private async nextRun(restarts: number, status: any): Promise<void> {
    const run = this.current as number;
    if (!this.runRead) await this.finishRun(true);
    if (restarts > run + 1) {
      const lost = restarts - run - 1;
      const runs = `${lost} run${lost > 1 ? 's' : ''} of container ${this.ctx.container}`;
      this.say({ text: `${runs} ended unread: the kubelet keeps the logs of the last one only`, level: 'warning' }, { kind: 'notice' });
    }
    this.current = restarts;
    this.runRead = false;
    this.said = '';
    this.say(started(this.ctx.container, restarts), { time: status?.state?.running?.startedAt });
  }

  /** The run ended: read again, without following, what a cut may have left out, then say how it ended. */
  private async finishRun(catchUp: boolean): Promise<void> {
    const run = this.current as number;
    const restarts = () => restartCount(containerStatus(this.pod, this.ctx.container));
    while (catchUp && !this.stopped && restarts() <= run + 1) {
      const outcome = await this.read(restarts() > run, false);
      if (outcome.kind === 'changed') continue;
      if (outcome.kind !== 'broken') break;
      await this.broken(outcome.error);
      if (!(await this.refresh())) break;
    }
    const status = containerStatus(this.pod, this.ctx.container);
    const state =
      restarts() === run
        ? (status?.state?.terminated ?? status?.lastState?.terminated)
        : restarts() === run + 1
          ? status?.lastState?.terminated
          : undefined;
    if (state) this.say(terminated(this.ctx.container, state), { time: state.finishedAt });
    this.runRead = true;
  }

  /** `previous`: the run before the last restart, once. */
  private async readPrevious(): Promise<void> {
    const status = containerStatus(this.pod, this.ctx.container);
    if (restartCount(status) === 0) {
      this.say({ text: `container ${this.ctx.container} has not restarted: it has no previous run` }, { kind: 'notice' });
      return;
    }
    this.current = restartCount(status) - 1;
    for (;;) {
      const outcome = await this.read(true, false);
      // Restarted again meanwhile: the run before the last is another one now.
      if (outcome.kind === 'changed') this.current = restartCount(containerStatus(this.pod, this.ctx.container)) - 1;
      else if (outcome.kind !== 'broken') break;
      else await this.broken(outcome.error);
    }
    const last = status?.lastState?.terminated;
    if (last) this.say(terminated(this.ctx.container, last), { time: last.finishedAt });
  }

  private async read(previous: boolean, follow: boolean): Promise<Outcome> {
    const { path, query } = logRequest({
      namespace: this.ctx.namespace,
      pod: this.name,
      container: this.ctx.container,
      follow,
      previous,
      resumeFrom: this.cursor.sinceTime(),
      options: this.firstRequest && this.ctx.existing ? this.ctx.options : undefined,
    });
    this.ctx.stats.requests++;
    let stream;
    try {
      stream = await this.ctx.api.stream('GET', path, { query, signal: this.controller.signal });
    } catch (error) {
      return this.failed(error);
    }
    // The server chose the run as it answered; a restart count still the one meant once it answered says
    // it was that run (counts only grow). A restart in between leaves it unknown: the runs are looked at again.
    const meant = (this.current as number) + (previous ? 1 : 0);
    const check = this.refresh().then((here) => here && restartCount(containerStatus(this.pod, this.ctx.container)) === meant);
    let progressed = false;
    const begin = () => {
      this.firstRequest = false;
      this.ctx.settled();
      this.cursor.reconnect();
    };
    const read = await readVerified(stream, check, begin, (raw) => this.line(raw) && (progressed = true));
    if (!read.verified) return this.stopped ? { kind: 'stopped' } : this.pod ? { kind: 'changed' } : { kind: 'gone' };
    if (read.error !== undefined) return this.failed(read.error);
    if (this.stopped) return { kind: 'stopped' };
    // A whole answer that is not followed ends where the container's output ends, newline or not.
    const rest = follow ? '' : read.partial;
    if (rest && this.line(rest)) progressed = true;
    if (progressed) this.backoff.reset();
    if (this.outage) {
      this.outage = false;
      this.say({ text: `reading container ${this.ctx.container} again, from its last line received` }, { kind: 'notice' });
    }
    return { kind: 'ended', progressed };
  }

  private line(raw: string): boolean {
    const stamped = splitStamp(raw);
    if (stamped && !this.cursor.accept(stamped.key)) {
      this.ctx.stats.repeated++;
      return false;
    }
    this.ctx.stats.lines++;
    const source = { pod: this.name, container: this.ctx.container, tag: this.ctx.tag };
    this.ctx.emit(stamped?.key ?? this.cursor.key ?? '', stamped ? lineEntry(source, stamped.text, stamped.time) : lineEntry(source, raw));
    return true;
  }

  private failed(thrown: unknown): Outcome {
    const outcome = this.stopped ? ({ kind: 'stopped' } as const) : failureOutcome(toClusterError(thrown, this.ctx.api.server));
    if (outcome.kind === 'refused') {
      this.ctx.settled();
      this.say({ text: outcome.error.message, level: 'error' }, { kind: 'error', once: true });
    }
    return outcome;
  }

  /** After a break: wait, and say so when the connection stays down past one retry. */
  private async broken(error: ClusterError): Promise<void> {
    this.ctx.stats.breaks++;
    const delay = this.backoff.next();
    if (this.backoff.attempts >= 2 && !this.outage) {
      this.outage = true;
      this.say({ text: `cannot read container ${this.ctx.container} (${error.message}); retrying`, level: 'warning' }, { kind: 'notice' });
    }
    await this.pause.wait(delay);
  }

  /** Reads the pod itself; false when it is gone. */
  private async refresh(): Promise<boolean> {
    if (this.pod) this.pod = await readPod(this.ctx.api, this.ctx.namespace, this.pod);
    return this.pod !== undefined && !this.stopped;
  }

  /** A status, notice or error of this container, after its lines so far (`once`: not twice in a row). */
  private say(status: StatusText, how: { time?: string; once?: boolean; kind?: 'status' | 'notice' | 'error' } = {}): void {
    const { time, once = false, kind = 'status' } = how;
    if (once && this.said === status.text) return;
    this.said = status.text;
    const at = time ? timeKey(time) : undefined;
    const key = this.cursor.key !== undefined && (at === undefined || at < this.cursor.key) ? this.cursor.key : (at ?? '');
    const entry: Unnumbered = {
      kind,
      pod: this.name,
      container: this.ctx.container,
      tag: this.ctx.tag.tag,
      role: this.ctx.tag.role,
      text: status.text,
    };
    if (time) entry.time = time;
    if (status.level) entry.level = status.level;
    this.ctx.emit(key, entry);
  }
}
