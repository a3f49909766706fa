// The garbage collector: when an owner is gone its dependents are deleted (Background); an owner
// held by the foregroundDeletion finalizer has its dependents deleted first, then goes itself.
import type { KubeObject } from '../store/object';
import type { Change, Store } from '../store/store';
import type { Clock } from './clock';
import { deleteObject, dependentsOf, DEPENDENT_RESOURCES, FOREGROUND } from './deletion';

export class GarbageCollector {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly resources: string[],
  ) {}

  onChange(change: Change): void {
    const object = change.object;
    if (change.type === 'DELETED') {
      this.deleteDependents(object);
      this.finishForeground(object);
      return;
    }
    if (object.metadata.deletionTimestamp && (object.metadata.finalizers ?? []).includes(FOREGROUND)) {
      this.deleteDependents(object);
      this.finishForeground(object);
    }
  }

  private deleteDependents(owner: KubeObject): void {
    for (const { resource, object } of dependentsOf(this.store, owner)) {
      deleteObject(this.store, this.clock, resource, object, 'Background');
    }
  }

  /** Owners waiting in foreground deletion whose dependents are all gone are removed now. */
  private finishForeground(changed: KubeObject): void {
    const owners = (changed.metadata.ownerReferences ?? []).map((r) => r.uid);
    const candidates = [changed.metadata.uid, ...owners];
    for (const resource of this.resources) {
      for (const owner of this.store.list(resource, changed.metadata.namespace)) {
        if (!candidates.includes(owner.metadata.uid) || !owner.metadata.deletionTimestamp) continue;
        if (!(owner.metadata.finalizers ?? []).includes(FOREGROUND) || dependentsOf(this.store, owner).length) continue;
        const finalizers = (owner.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND);
        if (finalizers.length)
          this.store.mutate(resource, owner.metadata.namespace, owner.metadata.name, (o) => (o.metadata.finalizers = finalizers));
        else this.store.remove(resource, owner.metadata.namespace, owner.metadata.name);
      }
    }
  }
}

export { DEPENDENT_RESOURCES };
