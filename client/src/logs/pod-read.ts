// A pod read afresh, as the follower does before deciding which run to read: the watch may be a
// moment behind. Undefined when the pod is gone (deleted, or another pod of the same name now);
// the pod known before when the server cannot be asked just now.
import { toClusterError } from '../cluster/errors';
import type { KubeApi } from '../cluster/kube-api';
import type { KubeObject } from '../cluster/paging';

export async function readPod(
  api: Pick<KubeApi, 'request' | 'server'>,
  namespace: string,
  known: KubeObject,
): Promise<KubeObject | undefined> {
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(known.metadata.name)}`;
  try {
    const pod = (await api.request('GET', path)) as KubeObject | undefined;
    return pod?.metadata?.uid === known.metadata.uid ? pod : undefined;
  } catch (error) {
    return toClusterError(error, api.server).code === 404 ? undefined : known;
  }
}
