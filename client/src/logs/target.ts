// The object a session follows, read once at its start: its uid (the pods' owner references lead to
// it) and whether it exists at all, in the server's words when it does not (`pytorchjobs.kubeflow.org
// "llama-ft" not found`, or forbidden). Any kind the server serves, by its type key.
import { ClusterError } from '../cluster/errors';
import type { KubeApi } from '../cluster/kube-api';
import type { KubeObject } from '../cluster/paging';
import { typeByKey } from '../cluster/resources';
import type { RestMapper } from '../cluster/rest-mapper';
import type { LogSessionTarget } from './log-entry';

export const POD_TYPE_KEY = '/pods';

/** `kubeflow.org/pytorchjobs` → its group and plural; `/pods` → the core group. */
function parseKey(typeKey: string): { group: string; plural: string } {
  const slash = typeKey.lastIndexOf('/');
  return { group: typeKey.slice(0, Math.max(0, slash)), plural: typeKey.slice(slash + 1) };
}

/** The path of the target object, at the version the server prefers among mlinfra's (or any it serves). */
export async function targetPath(mapper: Pick<RestMapper, 'versionsServing'>, target: LogSessionTarget): Promise<string> {
  const { group, plural } = parseKey(target.typeKey);
  const known = typeByKey(target.typeKey);
  let version = group ? undefined : 'v1';
  if (!version) {
    const served = await mapper.versionsServing(group, plural);
    version = known?.versions.find((v) => served.includes(v)) ?? served[0];
    if (!version) throw new ClusterError(`the server does not serve ${plural}.${group}`, 'notFound', 404);
  }
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  return `${base}/namespaces/${encodeURIComponent(target.namespace)}/${plural}/${encodeURIComponent(target.name)}`;
}

export async function readTarget(
  api: Pick<KubeApi, 'request'>,
  mapper: Pick<RestMapper, 'versionsServing'>,
  target: LogSessionTarget,
): Promise<KubeObject> {
  return (await api.request('GET', await targetPath(mapper, target))) as KubeObject;
}
