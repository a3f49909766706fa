// The events beside the lines: the scheduler's (`FailedScheduling: 0/5 nodes are available: 5
// Insufficient nvidia.com/gpu`), the kubelet's (pulling, back-off, killing) for each pod of the
// session, and the workload's own. One watch of the namespace's events (narrowed to one pod by name
// for a pod target); an event repeated by its recorder (its count grows) shows again with its count.
import { Informer, type Timers } from '../cluster/informer';
import type { Transport } from '../cluster/informer';
import type { Selectors } from '../cluster/kube-api';
import type { KubeObject } from '../cluster/paging';
import type { Unnumbered } from './merger';
import { timeKey } from './timestamp';

/* eslint-disable @typescript-eslint/no-explicit-any -- events are read as JSON */

/** Who an event is about: a pod of the session (its tag) or the workload (neither). */
export interface Involved {
  pod?: string;
  tag?: string;
  role?: string;
}

export interface EventWatchOptions {
  transport: (path: string, selectors: Selectors) => Transport;
  server: string;
  namespace: string;
  selectors: Selectors;
  timers: Timers;
  /** An event to show: its source (one per object), its key and the entry. */
  emit(source: string, key: string, entry: Unnumbered): void;
}

/** `spec.containers{pytorch}` → `pytorch`. */
function containerOf(fieldPath: unknown): string | undefined {
  return typeof fieldPath === 'string' ? /^spec\.(?:initContainers|containers)\{(.+)\}$/.exec(fieldPath)?.[1] : undefined;
}

export function eventTime(event: any): string {
  return String(event?.eventTime ?? event?.lastTimestamp ?? event?.firstTimestamp ?? event?.metadata?.creationTimestamp ?? '');
}

export function eventEntry(event: any, involved: Involved): Unnumbered {
  const count = Number(event?.series?.count ?? event?.count ?? 1);
  const text = `${String(event?.reason ?? 'Event')}: ${String(event?.message ?? event?.note ?? '')}${count > 1 ? ` (×${count})` : ''}`;
  const entry: Unnumbered = { kind: 'event', time: eventTime(event), ...involved, text };
  const container = containerOf(event?.involvedObject?.fieldPath);
  if (container) entry.container = container;
  if (event?.type === 'Warning') entry.level = 'warning';
  return entry;
}

export class EventWatch {
  private readonly informer: Informer;
  private readonly watched = new Map<string, Involved>();
  /** The count each event was last shown with, by event. */
  private readonly shown = new Map<string, number>();

  constructor(private readonly options: EventWatchOptions) {
    const path = `/api/v1/namespaces/${encodeURIComponent(options.namespace)}/events`;
    this.informer = new Informer(options.transport(path, options.selectors), {
      server: options.server,
      timers: options.timers,
      onChange: (what) => what !== 'error' && this.scan(),
    });
  }

  start(): void {
    this.informer.start();
  }

  stop(): void {
    this.informer.stop();
  }

  /** Shows the events of the object with this uid (those already recorded too). */
  watch(uid: string, involved: Involved): void {
    this.watched.set(uid, involved);
    this.scan();
  }

  private scan(): void {
    const fresh: Array<{ key: string; uid: string; entry: Unnumbered }> = [];
    const present = new Set<string>();
    for (const event of this.informer.items() as KubeObject[]) {
      const id = String(event.metadata.uid ?? `${event.metadata.namespace}/${event.metadata.name}`);
      present.add(id);
      const uid = String(event.involvedObject?.uid ?? '');
      const involved = this.watched.get(uid);
      if (!involved) continue;
      const count = Number(event.series?.count ?? event.count ?? 1);
      if ((this.shown.get(id) ?? 0) >= count) continue;
      this.shown.set(id, count);
      const entry = eventEntry(event, involved);
      fresh.push({ key: timeKey(entry.time ?? '') ?? '', uid, entry });
    }
    for (const id of this.shown.keys()) if (!present.has(id)) this.shown.delete(id);
    fresh.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const { key, uid, entry } of fresh) this.options.emit(`events/${uid}`, key, entry);
  }
}
