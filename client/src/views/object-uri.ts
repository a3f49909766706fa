// The read-only documents of live objects: `mlinfra-k8s:/<context>/<namespace>/<Kind.group>/<name>.yaml`
// (`_` for a cluster-scoped object's namespace, which no namespace can be named). A context may
// hold slashes (EKS ARNs), so the path is read from its end.
import { ALL_TYPES, typeByKey } from '../cluster/resources';
import type { ObjectRef } from './node';

export const OBJECT_SCHEME = 'mlinfra-k8s';

function kindSegment(typeKey: string): string {
  const type = typeByKey(typeKey);
  if (!type) throw new Error(`unknown resource ${typeKey}`);
  return type.group ? `${type.kind}.${type.group}` : type.kind;
}

export function objectPath(ref: ObjectRef): string {
  return `/${ref.context}/${ref.namespace ?? '_'}/${kindSegment(ref.typeKey)}/${ref.name}.yaml`;
}

export function parseObjectPath(path: string): ObjectRef | undefined {
  const parts = path.replace(/^\//, '').split('/');
  if (parts.length < 4 || !parts[parts.length - 1].endsWith('.yaml')) return undefined;
  const name = parts[parts.length - 1].slice(0, -'.yaml'.length);
  const kind = parts[parts.length - 2];
  const namespace = parts[parts.length - 3];
  const context = parts.slice(0, -3).join('/');
  const type = ALL_TYPES.find((t) => (t.group ? `${t.kind}.${t.group}` : t.kind) === kind);
  if (!type || !name || !context) return undefined;
  return { context, namespace: namespace === '_' ? undefined : namespace, typeKey: type.key, name };
}
