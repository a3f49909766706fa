// The pods of a session's target, kept current by a watch of the namespace's pods (narrowed to one
// pod by name for a pod target): a pod that appears later (a restart by the operator, a retry, an
// elastic scale-up, a new attempt) joins by itself, a deleted one leaves. Membership is decided once
// per pod uid, since a pod's owners do not change.
import type { ClusterError } from '../cluster/errors';
import { Informer, type Timers } from '../cluster/informer';
import type { Transport } from '../cluster/informer';
import type { Selectors } from '../cluster/kube-api';
import type { KubeObject } from '../cluster/paging';
import type { Membership } from './pod-owners';
import { podTag, type PodTag } from './pod-tags';

export interface PodWatchListener {
  /** A pod of the target seen for the first time. */
  joined(pod: KubeObject, tag: PodTag): void;
  /** A pod of the target changed (its status, mostly). */
  changed(pod: KubeObject): void;
  /** A pod of the target was deleted. */
  left(pod: KubeObject): void;
  /** The pods could not be listed or watched (the server's words), or can again (undefined). */
  failed(error: ClusterError | undefined): void;
  /** The first list is in and its pods sorted out. */
  listed(): void;
}

export interface PodWatchOptions {
  transport: (path: string, selectors: Selectors) => Transport;
  server: string;
  namespace: string;
  selectors: Selectors;
  membership: (pod: KubeObject) => Promise<Membership>;
  timers: Timers;
}

export class PodWatch {
  private readonly informer: Informer;
  /** Pods of the target, by uid, with the resourceVersion last handed on. */
  private readonly members = new Map<string, { pod: KubeObject; version?: string }>();
  private readonly excluded = new Set<string>();
  private readonly resolving = new Map<string, Promise<void>>();
  private firstList = true;
  private stopped = false;
  private failure: ClusterError | undefined;

  constructor(
    private readonly options: PodWatchOptions,
    private readonly listener: PodWatchListener,
  ) {
    const path = `/api/v1/namespaces/${encodeURIComponent(options.namespace)}/pods`;
    this.informer = new Informer(options.transport(path, options.selectors), {
      server: options.server,
      timers: options.timers,
      onChange: (what) => this.onChange(what),
    });
  }

  start(): void {
    this.informer.start();
  }

  stop(): void {
    this.stopped = true;
    this.informer.stop();
  }

  /** The pods cannot be listed until someone acts (a 401 or 403): no retry helps. */
  get refused(): boolean {
    return this.informer.state === 'failed';
  }

  /** Pods of the target now. */
  pods(): KubeObject[] {
    return [...this.members.values()].map((m) => m.pod);
  }

  private onChange(what: string): void {
    if (this.stopped) return;
    if (what === 'error') {
      if (this.informer.error?.message !== this.failure?.message) this.listener.failed((this.failure = this.informer.error));
      if (this.firstList && this.informer.state === 'failed') {
        this.firstList = false;
        this.listener.listed();
      }
      return;
    }
    if (this.failure) this.listener.failed((this.failure = undefined));
    const settled = this.reconcile();
    if (what === 'listed' && this.firstList) {
      this.firstList = false;
      void settled.then(() => !this.stopped && this.listener.listed());
    }
  }

  private reconcile(): Promise<void> {
    const seen = new Set<string>();
    for (const pod of this.informer.items()) {
      const uid = String(pod.metadata.uid ?? '');
      seen.add(uid);
      const member = this.members.get(uid);
      if (member) {
        if (member.version !== pod.metadata.resourceVersion || member.pod !== pod) {
          this.members.set(uid, { pod, version: pod.metadata.resourceVersion });
          this.listener.changed(pod);
        }
      } else if (!this.excluded.has(uid) && !this.resolving.has(uid)) this.resolving.set(uid, this.resolve(uid, pod));
    }
    for (const [uid, member] of this.members)
      if (!seen.has(uid)) {
        this.members.delete(uid);
        this.listener.left(member.pod);
      }
    for (const uid of this.excluded) if (!seen.has(uid)) this.excluded.delete(uid);
    return Promise.all(this.resolving.values()).then(() => undefined);
  }

  private async resolve(uid: string, pod: KubeObject): Promise<void> {
    const membership = await this.options.membership(pod);
    this.resolving.delete(uid);
    if (this.stopped) return;
    // The pod as it is now: it may have changed, or gone, while its owners were read.
    const current = this.informer.items().find((p) => p.metadata.uid === uid);
    if (!current) return;
    if (!membership.belongs) return void this.excluded.add(uid);
    this.members.set(uid, { pod: current, version: current.metadata.resourceVersion });
    this.listener.joined(current, podTag(current, membership.owners));
  }
}
