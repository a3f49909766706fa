// Server-side apply: merges an applied configuration into the live object and records who owns
// which field. A field another manager owns and this apply would change is a conflict (409)
// unless forced, when it changes hands; fields this manager applied before and no longer
// applies are removed, unless another manager owns them too.
import { applyConflict, type StatusCause } from '../http/status';
import { clone, deepEqual, isPlainObject, type KubeObject, type ManagedFieldsEntry } from '../store/object';
import { fieldsOf, fromFieldsV1, listKey, pathString, removeAt, toFieldsV1, valueAt, type Path } from './field-set';

/** Merges `config` into `live`: maps key by key, associative lists item by item, anything else replaced. */
export function mergeValue(live: unknown, config: unknown, name = ''): unknown {
  if (isPlainObject(live) && isPlainObject(config)) {
    const result: Record<string, unknown> = { ...live };
    for (const [k, v] of Object.entries(config)) result[k] = mergeValue(live[k], v, k);
    return result;
  }
  if (Array.isArray(live) && Array.isArray(config)) {
    const key = listKey(name, config);
    if (key && listKey(name, live) === key) {
      const result = [...live];
      for (const item of config as Record<string, unknown>[]) {
        const index = result.findIndex((l) => isPlainObject(l) && l[key] === item[key]);
        if (index >= 0) result[index] = mergeValue(result[index], item);
        else result.push(item);
      }
      return result;
    }
  }
  return clone(config);
}

function ownedBy(entry: ManagedFieldsEntry): Map<string, Path> {
  return fromFieldsV1(entry.fieldsV1);
}

/** How the real server names a manager in conflict messages: Update managers with their apiVersion and time. */
function managerName(entry: ManagedFieldsEntry): string {
  if (entry.operation === 'Update') return `"${entry.manager}" using ${entry.apiVersion}${entry.time ? ` at ${entry.time}` : ''}`;
  return `"${entry.manager}"`;
}

function conflictMessage(conflicts: { entry: ManagedFieldsEntry; path: string }[]): string {
  if (conflicts.length === 1) return `Apply failed with 1 conflict: conflict with ${managerName(conflicts[0].entry)}: ${conflicts[0].path}`;
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) byManager.set(managerName(c.entry), [...(byManager.get(managerName(c.entry)) ?? []), c.path]);
  const lines = [...byManager.keys()]
    .sort()
    .flatMap((m) => [`conflicts with ${m}:`, ...(byManager.get(m) as string[]).map((p) => `- ${p}`)]);
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

export interface ApplyRequest {
  live: KubeObject | undefined;
  config: KubeObject;
  manager: string;
  apiVersion: string;
  force: boolean;
  time: string;
}

/** The object after an apply, with its managedFields; throws the 409 Status on conflicts. */
export function serverSideApply(request: ApplyRequest): KubeObject {
  const { live, config, manager, force } = request;
  const entries: ManagedFieldsEntry[] = clone(live?.metadata.managedFields ?? []);
  const mine = (e: ManagedFieldsEntry) => e.manager === manager && e.operation === 'Apply' && !e.subresource;
  const applied = fieldsOf(config);
  const conflicts: { entry: ManagedFieldsEntry; path: string }[] = [];
  for (const [text, path] of applied) {
    if ('key' in path[path.length - 1]) continue;
    const current = valueAt(live, path);
    if (current === undefined || deepEqual(current, valueAt(config, path))) continue;
    for (const entry of entries) if (!mine(entry) && ownedBy(entry).has(text)) conflicts.push({ entry, path: text });
  }
  if (conflicts.length && !force) {
    const causes: StatusCause[] = conflicts.map((c) => ({
      reason: 'FieldManagerConflict',
      message: `conflict with ${managerName(c.entry)}`,
      field: c.path,
    }));
    throw applyConflict(conflictMessage(conflicts), causes);
  }
  const object = clone(live ?? { apiVersion: config.apiVersion, kind: config.kind, metadata: { name: config.metadata.name } });
  const previous = entries.find(mine);
  if (previous) {
    const others = entries.filter((e) => !mine(e)).map(ownedBy);
    for (const [text, path] of ownedBy(previous)) {
      if (!applied.has(text) && !others.some((set) => set.has(text))) removeAt(object, path);
    }
  }
  const merged = mergeValue(object, config) as KubeObject;
  merged.apiVersion = config.apiVersion;
  // Forced: the conflicting fields leave their other owners.
  const taken = new Set(conflicts.map((c) => c.path));
  const kept = entries
    .filter((e) => !mine(e))
    .map((e) => {
      if (!taken.size) return e;
      const remaining = [...ownedBy(e)].filter(([text]) => !taken.has(text)).map(([, p]) => p);
      return { ...e, fieldsV1: toFieldsV1(remaining) };
    })
    .filter((e) => Object.keys(e.fieldsV1).length > 0);
  const entry: ManagedFieldsEntry = {
    manager,
    operation: 'Apply',
    apiVersion: request.apiVersion,
    time: request.time,
    fieldsType: 'FieldsV1',
    fieldsV1: toFieldsV1(applied.values()),
  };
  const index = entries.findIndex(mine);
  merged.metadata.managedFields = index >= 0 && !taken.size ? entries.map((e, i) => (i === index ? entry : e)) : [...kept, entry];
  return merged;
}

/** Records an Update (create, replace, patch) by `manager`: it owns the fields it set or changed, taking them from others. */
export function recordUpdate(before: KubeObject | undefined, after: KubeObject, manager: string, apiVersion: string, time: string): void {
  const entries: ManagedFieldsEntry[] = clone(before?.metadata.managedFields ?? []);
  const changed = [...fieldsOf(after)].filter(([, path]) => !before || !deepEqual(valueAt(before, path), valueAt(after, path)));
  if (!changed.length) {
    after.metadata.managedFields = entries;
    return;
  }
  const changedText = new Set(changed.map(([text]) => text));
  const isMine = (e: ManagedFieldsEntry) => e.manager === manager && e.operation === 'Update' && !e.subresource;
  const others = entries
    .filter((e) => !isMine(e))
    .map((e) => ({ ...e, fieldsV1: toFieldsV1([...ownedBy(e)].filter(([text]) => !changedText.has(text)).map(([, p]) => p)) }))
    .filter((e) => Object.keys(e.fieldsV1).length > 0);
  const previous = entries.find(isMine);
  const owned = new Map([...(previous ? ownedBy(previous) : []), ...changed]);
  // Fields gone from the object are owned by nobody.
  const present = [...owned.values()].filter((path) => valueAt(after, path) !== undefined);
  after.metadata.managedFields = [
    ...others,
    { manager, operation: 'Update', apiVersion, time, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(present) },
  ];
}

export { pathString };
