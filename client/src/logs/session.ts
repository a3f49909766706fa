// A log session: what the logs view runs for a target. It reads the target, watches its pods (those
// that appear later join), follows every container with timestamps (a broken stream resumes from the
// last line received, per container), reads the pods' events and their containers' ends, merges it
// all in timestamp order and hands it to the view in a few batches per second. No vscode here: the
// view wires it, in a trusted workspace and in answer to the user only.
import { toClusterError, type ClusterError } from '../cluster/errors';
import type { Timers } from '../cluster/informer';
import type { KubeObject } from '../cluster/paging';
import { mappedPath } from '../cluster/rest-mapper';
import { systemTimers } from '../cluster/session';
import { containerStatus, podFinished, unscheduled } from './container-status';
import { Delivery } from './delivery';
import { EventWatch } from './event-watch';
import { Follower } from './follower';
import type { FollowStats } from './follower-context';
import type { LogCluster, LogSessionControl, LogSessionStats, SessionTuning } from './session-options';
import type { LogSessionListener, LogSessionOptions, LogSessionState, LogSessionTarget } from './log-entry';
import type { Unnumbered } from './merger';
import { PodOwners, type Membership } from './pod-owners';
import type { PodTag } from './pod-tags';
import { PodWatch } from './pod-watch';
import { POD_TYPE_KEY, readTarget } from './target';

/* eslint-disable @typescript-eslint/no-explicit-any -- pod specs are read as JSON */

export type { LogCluster, LogSessionControl, LogSessionStats, SessionTuning } from './session-options';

const DEFAULT_HELD = 100_000;

class Session implements LogSessionControl {
  state: LogSessionState = 'starting';
  private readonly timers: Timers;
  private readonly delivery: Delivery;
  private readonly followers = new Map<string, { follower: Follower; done: boolean; settled: boolean }>();
  private readonly counts: FollowStats = { lines: 0, repeated: 0, requests: 0, breaks: 0, resumes: 0 };
  private pods: PodWatch | undefined;
  private events: EventWatch | undefined;
  private listed = false;
  private warmUp: unknown;
  private podCount = 0;
  private containerCount = 0;

  constructor(
    private readonly cluster: LogCluster,
    private readonly target: LogSessionTarget,
    private readonly options: LogSessionOptions,
    private readonly listener: LogSessionListener,
    private readonly tuning: SessionTuning,
  ) {
    this.timers = tuning.timers ?? systemTimers;
    this.delivery = new Delivery(listener, {
      timers: this.timers,
      batchMs: tuning.batchMs ?? 250,
      holdBackMs: tuning.holdBackMs ?? 300,
      maxHeld: options.maxHeldEntries ?? DEFAULT_HELD,
    });
  }

  async start(): Promise<void> {
    this.warmUp = this.timers.setTimeout(() => this.warmedUp(), this.tuning.warmUpMs ?? 2000);
    let object: KubeObject;
    try {
      object = await readTarget(this.cluster.api, this.cluster.mapper, this.target);
    } catch (error) {
      return this.fail(toClusterError(error, this.cluster.api.server));
    }
    if (this.state === 'stopped') return;
    const { api } = this.cluster;
    const namespace = this.target.namespace;
    const podTarget = this.target.typeKey === POD_TYPE_KEY;
    const owners = new PodOwners({ typeKey: this.target.typeKey, object }, (ref, ns) => this.readOwner(ref, ns));
    const membership = async (pod: KubeObject): Promise<Membership> =>
      podTarget ? { belongs: pod.metadata.uid === object.metadata.uid, owners: [] } : owners.membership(pod);
    const transport = api.transport.bind(api);
    const byName = podTarget ? { fieldSelector: `metadata.name=${this.target.name}` } : {};
    this.pods = new PodWatch(
      { transport, server: api.server, namespace, selectors: byName, membership, timers: this.timers },
      {
        joined: (pod, tag) => this.joined(pod, tag),
        changed: (pod) => this.eachFollower(pod, (f) => f.update(pod)),
        left: (pod) => this.left(pod),
        failed: (error) => error && this.say({ kind: 'error', text: error.message, level: 'error' }),
        listed: () => this.onListed(),
      },
    );
    if (this.options.events !== false) {
      const selectors = podTarget ? { fieldSelector: `involvedObject.name=${this.target.name},involvedObject.kind=Pod` } : {};
      const emit = (source: string, key: string, entry: Unnumbered) => this.delivery.add(source, key, entry);
      this.events = new EventWatch({ transport, server: api.server, namespace, selectors, timers: this.timers, emit });
      if (!podTarget) this.events.watch(String(object.metadata.uid), {});
      this.events.start();
    }
    this.pods.start();
  }

  private async readOwner(ref: { apiVersion: string; kind: string; name: string }, namespace: string): Promise<any> {
    const mapping = await this.cluster.mapper.map(ref.apiVersion, ref.kind);
    return this.cluster.api.request('GET', mappedPath(mapping, { namespace, name: ref.name }));
  }

  private joined(pod: KubeObject, tag: PodTag): void {
    this.podCount++;
    const uid = String(pod.metadata.uid);
    const source = { pod: pod.metadata.name, tag: tag.tag, role: tag.role };
    this.events?.watch(uid, source);
    const pending = unscheduled(pod);
    if (pending) this.delivery.add(`pod/${uid}`, '', { kind: 'status', ...source, text: pending.text });
    const spec = pod.spec ?? {};
    const names: string[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c: any) => String(c?.name));
    const wanted = this.target.container;
    if (wanted && !names.includes(wanted)) {
      const text = `container ${wanted} is not in pod ${pod.metadata.name} (its containers: ${names.join(', ')})`;
      return this.delivery.add(`pod/${uid}`, '', { kind: 'error', ...source, text, level: 'error' });
    }
    for (const container of wanted ? [wanted] : names) this.follow(pod, container, tag);
  }

  private follow(pod: KubeObject, container: string, tag: PodTag): void {
    const key = `${pod.metadata.uid}/${container}`;
    const status = containerStatus(pod, container);
    const hasRun = Boolean(status?.state?.running || status?.state?.terminated || status?.lastState?.terminated);
    const record = { follower: undefined as unknown as Follower, done: false, settled: false };
    record.follower = new Follower(
      {
        api: this.cluster.api,
        namespace: this.target.namespace,
        container,
        tag,
        options: this.options,
        timers: this.timers,
        backoff: this.tuning.backoff ?? {},
        existing: !this.listed && hasRun,
        stats: this.counts,
        emit: (at, entry) => this.delivery.add(key, at, entry),
        settled: () => {
          if (record.settled) return;
          record.settled = true;
          this.checkWarm();
        },
      },
      pod,
    );
    this.followers.set(key, record);
    if (this.state === 'ended') this.setState('following');
    this.containerCount++;
    void record.follower.run().then(() => {
      record.done = true;
      // A pod gone for good is forgotten: a job that churns pods for days keeps no record of each.
      if (!this.pods?.pods().some((p) => p.metadata.uid === pod.metadata.uid)) this.followers.delete(key);
      this.checkEnd();
    });
  }

  private eachFollower(pod: KubeObject, act: (follower: Follower) => void): void {
    const prefix = `${pod.metadata.uid}/`;
    for (const [key, record] of this.followers) if (key.startsWith(prefix)) act(record.follower);
  }

  private left(pod: KubeObject): void {
    this.eachFollower(pod, (f) => f.update(undefined));
    const uid = String(pod.metadata.uid);
    this.delivery.add(`pod/${uid}`, '', { kind: 'status', pod: pod.metadata.name, text: `pod ${pod.metadata.name} deleted` });
    this.checkEnd();
  }

  private onListed(): void {
    this.listed = true;
    if (this.pods?.pods().length === 0 && this.state !== 'stopped') {
      const text =
        this.target.typeKey === POD_TYPE_KEY
          ? `pod ${this.target.name} not found`
          : `no pods yet: they show here when ${this.target.name} creates them`;
      this.say({ kind: 'notice', text });
    }
    this.checkWarm();
    this.checkEnd();
  }

  private checkWarm(): void {
    if (this.state !== 'starting' || !this.listed) return;
    for (const record of this.followers.values()) if (!record.settled && !record.done) return;
    this.warmedUp();
  }

  private warmedUp(): void {
    this.timers.clearTimeout(this.warmUp);
    if (this.state !== 'starting') return;
    this.delivery.warmedUp();
    this.setState('following');
    this.checkEnd();
  }

  /** Ended: every container read to its end, and (when following) every pod finished. */
  private finished(): boolean {
    if (this.state !== 'following' || !this.listed) return false;
    for (const record of this.followers.values()) if (!record.done) return false;
    const pods = this.pods?.pods() ?? [];
    // No pods: ended once some came and went, or when they cannot be listed (forbidden); a job yet to create them is followed.
    const waiting = pods.length === 0 ? this.podCount === 0 && !this.pods?.refused : !pods.every((p) => podFinished(p));
    return !(this.following && waiting);
  }

  private get following(): boolean {
    return this.options.follow !== false && !this.options.previous;
  }

  /** Once finished: what waits goes out, then the state says so (a pod that joins meanwhile keeps it following). */
  private checkEnd(): void {
    if (!this.finished()) return;
    this.delivery.drain(() => {
      if (!this.finished()) return;
      this.setState('ended');
      if (!this.following) this.close();
    });
  }

  private fail(error: ClusterError): void {
    this.say({ kind: 'error', text: error.message, level: 'error' });
    this.listed = true;
    this.warmedUp();
    this.delivery.drain(() => {
      this.setState('ended');
      this.close();
    });
  }

  private say(entry: Unnumbered): void {
    this.delivery.add('session', '', entry);
  }

  private setState(state: LogSessionState): void {
    if (this.state === state || this.state === 'stopped') return;
    this.state = state;
    this.listener.onState(state);
  }

  private close(): void {
    this.timers.clearTimeout(this.warmUp);
    this.pods?.stop();
    this.events?.stop();
    for (const record of this.followers.values()) record.follower.stop();
  }

  pause(): void {
    if (this.state === 'stopped') return;
    this.delivery.pause();
  }

  resume(): void {
    this.delivery.resume();
  }

  stop(): void {
    if (this.state === 'stopped') return;
    this.close();
    this.delivery.close();
    this.state = 'stopped';
    this.listener.onState('stopped');
  }

  stats(): LogSessionStats {
    return {
      ...this.counts,
      pods: this.podCount,
      containers: this.containerCount,
      delivered: this.delivery.delivered,
      batches: this.delivery.batches,
    };
  }
}

/**
 * Starts following `target`. Entries come through `listener.onEntries` in display order, a few
 * batches a second at most; the state through `listener.onState` (starting → following → ended, or
 * stopped). Only in answer to the user, in a trusted workspace.
 */
export function startLogSession(
  cluster: LogCluster,
  target: LogSessionTarget,
  options: LogSessionOptions,
  listener: LogSessionListener,
  tuning: SessionTuning = {},
): LogSessionControl {
  const session = new Session(cluster, target, options, listener, tuning);
  void session.start();
  return session;
}
