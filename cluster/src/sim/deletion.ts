// Deleting objects as the API server and the garbage collector do: pods that run are stopped
// gracefully (deletionTimestamp, then the kubelet removes them); an owner's dependents go too,
// after it (Background), before it (Foreground, holding it with a finalizer), or never (Orphan).
import { timestamp, type KubeObject } from '../store/object';
import type { Store } from '../store/store';
import type { Clock } from './clock';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

/** The resources whose objects may be owned by others (and so are looked through for dependents). */
export const DEPENDENT_RESOURCES = ['/pods', 'batch/jobs', 'apps/deployments', 'ray.io/rayclusters', 'jobset.x-k8s.io/jobsets'];

export const FOREGROUND = 'foregroundDeletion';

export function dependentsOf(store: Store, owner: KubeObject): { resource: string; object: KubeObject }[] {
  return DEPENDENT_RESOURCES.flatMap((resource) =>
    store
      .list(resource, owner.metadata.namespace)
      .filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid))
      .map((object) => ({ resource, object })),
  );
}

/** Deletes an object; returns what the API answers with (the object as removed, or as now terminating). */
export function deleteObject(
  store: Store,
  clock: Clock,
  resource: string,
  object: KubeObject,
  policy: PropagationPolicy,
  graceSeconds?: number,
): KubeObject | undefined {
  const { namespace, name } = object.metadata;
  if (object.metadata.deletionTimestamp) return object;
  if (policy === 'Orphan') {
    for (const dependent of dependentsOf(store, object)) {
      store.mutate(dependent.resource, namespace, dependent.object.metadata.name, (d) => {
        d.metadata.ownerReferences = (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== object.metadata.uid);
        if (!d.metadata.ownerReferences.length) delete d.metadata.ownerReferences;
      });
    }
  }
  const now = timestamp(clock.now());
  if (resource === '/pods') {
    const finished = object.status?.phase === 'Succeeded' || object.status?.phase === 'Failed';
    if (!object.spec?.nodeName || finished || graceSeconds === 0) return store.remove(resource, namespace, name);
    return store.mutate(resource, namespace, name, (p) => {
      p.metadata.deletionTimestamp = now;
      p.metadata.deletionGracePeriodSeconds = graceSeconds ?? p.spec?.terminationGracePeriodSeconds ?? 30;
    });
  }
  if (policy === 'Foreground' && dependentsOf(store, object).length) {
    return store.mutate(resource, namespace, name, (o) => {
      o.metadata.deletionTimestamp = now;
      o.metadata.deletionGracePeriodSeconds = 0;
      o.metadata.finalizers = [...(o.metadata.finalizers ?? []), FOREGROUND];
    });
  }
  if ((object.metadata.finalizers ?? []).length) {
    return store.mutate(resource, namespace, name, (o) => {
      o.metadata.deletionTimestamp = now;
      o.metadata.deletionGracePeriodSeconds = 0;
    });
  }
  return store.remove(resource, namespace, name);
}
