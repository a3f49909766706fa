// The set of fields a manager owns, as server-side apply tracks it. A field is a path from the
// object's root: `.spec.runPolicy.backoffLimit`, `.spec.containers[name="pytorch"].image`. Lists
// whose items have a key (containers by name, volumeMounts by mountPath, ...) are merged item by
// item; other lists are atomic, owned whole. Converts to and from managedFields' FieldsV1.
import { isPlainObject } from '../store/object';

export type Segment = { field: string } | { key: Record<string, unknown> };
export type Path = Segment[];

/** The key field of associative lists, by the list's field name (the built-in types' list-map-keys). */
const LIST_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  replicatedJobs: 'name',
  workerGroupSpecs: 'groupName',
  tasks: 'name',
  conditions: 'type',
};

/** Fields the server sets or that name the object; never owned. */
const NOT_OWNED = new Set([
  '.apiVersion',
  '.kind',
  '.status',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.uid',
  '.metadata.resourceVersion',
  '.metadata.generation',
  '.metadata.creationTimestamp',
  '.metadata.managedFields',
  '.metadata.deletionTimestamp',
  '.metadata.selfLink',
]);

export function listKey(fieldName: string, items: unknown[]): string | undefined {
  const key = LIST_KEYS[fieldName];
  return key && items.every((item) => isPlainObject(item) && item[key] !== undefined) ? key : undefined;
}

export function pathString(path: Path): string {
  return path
    .map((s) =>
      'field' in s
        ? `.${s.field}`
        : `[${Object.entries(s.key)
            .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
            .join(',')}]`,
    )
    .join('');
}

/** Every owned path of a value: its leaves, and each item of an associative list. */
export function fieldsOf(value: unknown): Map<string, Path> {
  const out = new Map<string, Path>();
  const visit = (v: unknown, path: Path, name: string) => {
    const text = pathString(path);
    if (NOT_OWNED.has(text)) return;
    if (isPlainObject(v) && Object.keys(v).length > 0) {
      for (const [k, child] of Object.entries(v)) visit(child, [...path, { field: k }], k);
      return;
    }
    const key = Array.isArray(v) && v.length > 0 ? listKey(name, v) : undefined;
    if (Array.isArray(v) && key) {
      for (const item of v as Record<string, unknown>[]) {
        const itemPath: Path = [...path, { key: { [key]: item[key] } }];
        out.set(pathString(itemPath), itemPath);
        for (const [k, child] of Object.entries(item)) visit(child, [...itemPath, { field: k }], k);
      }
      return;
    }
    if (path.length) out.set(text, path);
  };
  visit(value, [], '');
  return out;
}

/** The value at a path, or undefined. */
export function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const segment of path) {
    if ('field' in segment) current = isPlainObject(current) ? current[segment.field] : undefined;
    else {
      const [k, v] = Object.entries(segment.key)[0];
      current = Array.isArray(current) ? current.find((item) => isPlainObject(item) && item[k] === v) : undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** Removes the field or list item at a path; a no-op when it is not there. */
export function removeAt(root: unknown, path: Path): void {
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (!last) return;
  if ('field' in last) {
    if (isPlainObject(parent)) delete parent[last.field];
  } else if (Array.isArray(parent)) {
    const [k, v] = Object.entries(last.key)[0];
    const index = parent.findIndex((item) => isPlainObject(item) && item[k] === v);
    if (index >= 0) parent.splice(index, 1);
  }
}

/** FieldsV1, the nested form managedFields store: `{"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{".":{}}}}}`. */
export function toFieldsV1(paths: Iterable<Path>): Record<string, unknown> {
  const root: Record<string, Record<string, unknown>> = {};
  for (const path of paths) {
    let node: Record<string, unknown> = root;
    for (const segment of path) {
      const name = 'field' in segment ? `f:${segment.field}` : `k:${JSON.stringify(segment.key)}`;
      node = (node[name] ??= {}) as Record<string, unknown>;
    }
    if (path.length && 'key' in path[path.length - 1]) node['.'] = {};
  }
  return root;
}

/** The paths FieldsV1 holds (its leaves and its list items). */
export function fromFieldsV1(fields: unknown): Map<string, Path> {
  const out = new Map<string, Path>();
  const visit = (node: unknown, path: Path) => {
    if (!isPlainObject(node)) return;
    const children = Object.entries(node).filter(([k]) => k !== '.');
    if ((children.length === 0 || '.' in node) && path.length) out.set(pathString(path), path);
    for (const [name, child] of children) {
      if (name.startsWith('f:')) visit(child, [...path, { field: name.slice(2) }]);
      else if (name.startsWith('k:')) {
        try {
          visit(child, [...path, { key: JSON.parse(name.slice(2)) as Record<string, unknown> }]);
        } catch {
          // A key we cannot read is skipped; its fields are then owned by nobody.
        }
      }
    }
  };
  visit(fields, []);
  return out;
}
