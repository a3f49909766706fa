// The cluster's storage, standing in for etcd: objects by resource, namespace and name, one
// global resourceVersion counter that every write bumps, and a window of recent changes that
// watches replay from. Reads return copies, so no caller can change a stored object by accident.
import type { Clock } from '../sim/clock';
import type { Random } from '../sim/random';
import { clone, timestamp, type KubeObject } from './object';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Change {
  type: ChangeType;
  /** The resource's key, `<group>/<plural>` (`/pods`, `kubeflow.org/pytorchjobs`). */
  resource: string;
  object: KubeObject;
  resourceVersion: number;
}

export type ChangeListener = (change: Change) => void;

export class Store {
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly history: Change[] = [];
  private readonly listeners = new Set<ChangeListener>();
  private readonly pending: Change[] = [];
  private delivering = false;
  private revision = 1;
  /** The newest resourceVersion whose change is no longer kept: watches from before it get 410 Gone. */
  private compacted = 0;

  constructor(
    private readonly clock: Clock,
    private readonly random: Random,
    /** How many changes watches can replay. */
    private readonly window = 5000,
  ) {}

  get resourceVersion(): number {
    return this.revision;
  }

  get compactedRevision(): number {
    return this.compacted;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return clone(this.objects.get(resource)?.get(key(namespace, name)));
  }

  /** Objects of a resource, in one namespace or all, ordered by namespace and name as etcd lists them. */
  list(resource: string, namespace?: string): KubeObject[] {
    return this.view(resource, namespace).map((object) => clone(object));
  }

  /**
   * The stored objects themselves, in list order, to read and never to change: a stored object
   * is replaced on update, never edited, so a view stays what it was. Lists of thousands of
   * pods (a page of them, the scheduler's sums) then copy only what they hand out.
   */
  view(resource: string, namespace?: string): readonly KubeObject[] {
    const all = this.objects.get(resource);
    if (!all) return [];
    const keys = [...all.keys()].filter((k) => namespace === undefined || k.startsWith(`${namespace}/`)).sort();
    return keys.map((k) => all.get(k) as KubeObject);
  }

  /** Stores a new object; fills uid, creationTimestamp, generation and resourceVersion. Throws when it exists. */
  create(resource: string, object: KubeObject): KubeObject {
    const k = key(object.metadata.namespace, object.metadata.name);
    const byKey = this.objects.get(resource) ?? new Map<string, KubeObject>();
    if (byKey.has(k)) throw new AlreadyExistsError(object.metadata.name);
    const stored = clone(object);
    stored.metadata.uid ??= this.random.uuid();
    stored.metadata.creationTimestamp ??= timestamp(this.clock.now());
    stored.metadata.generation ??= 1;
    stored.metadata.resourceVersion = String(++this.revision);
    byKey.set(k, stored);
    this.objects.set(resource, byKey);
    this.record({ type: 'ADDED', resource, object: stored, resourceVersion: this.revision });
    return clone(stored);
  }

  /** Replaces a stored object (matched by namespace and name); bumps its resourceVersion. */
  update(resource: string, object: KubeObject): KubeObject {
    const k = key(object.metadata.namespace, object.metadata.name);
    const current = this.objects.get(resource)?.get(k);
    if (!current) throw new NotFoundError(object.metadata.name);
    const stored = clone(object);
    stored.metadata.uid = current.metadata.uid;
    stored.metadata.creationTimestamp = current.metadata.creationTimestamp;
    stored.metadata.resourceVersion = String(++this.revision);
    this.objects.get(resource)?.set(k, stored);
    this.record({ type: 'MODIFIED', resource, object: stored, resourceVersion: this.revision });
    return clone(stored);
  }

  /** Changes a stored object through `change`, which edits a copy; stores it only when it changed. */
  mutate(resource: string, namespace: string | undefined, name: string, change: (object: KubeObject) => void): KubeObject | undefined {
    const current = this.get(resource, namespace, name);
    if (!current) return undefined;
    const before = JSON.stringify(current);
    change(current);
    return JSON.stringify(current) === before ? current : this.update(resource, current);
  }

  /** Removes an object for good; returns what it was. */
  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const byKey = this.objects.get(resource);
    const k = key(namespace, name);
    const current = byKey?.get(k);
    if (!byKey || !current) return undefined;
    byKey.delete(k);
    const removed = clone(current);
    removed.metadata.resourceVersion = String(++this.revision);
    this.record({ type: 'DELETED', resource, object: removed, resourceVersion: this.revision });
    return clone(removed);
  }

  /** The kept changes of a resource after `resourceVersion`, or 'expired' when some were already dropped. */
  changesSince(resource: string, resourceVersion: number): Change[] | 'expired' {
    if (resourceVersion < this.compacted) return 'expired';
    return this.history.filter((change) => change.resource === resource && change.resourceVersion > resourceVersion).map(clone);
  }

  /** Calls `listener` after every change, in order; returns the function that stops it. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(change: Change): void {
    this.history.push(change);
    while (this.history.length > this.window) this.compacted = (this.history.shift() as Change).resourceVersion;
    // A listener may write (a controller creating pods); those changes wait until every listener
    // has seen this one, so all of them, watches included, see changes in resourceVersion order.
    this.pending.push(change);
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) {
        for (const listener of [...this.listeners]) listener(clone(next));
      }
    } finally {
      this.delivering = false;
    }
  }
}

function key(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export class AlreadyExistsError extends Error {}
export class NotFoundError extends Error {}
