// The bundle entry of cluster access (dist/cluster-client.js), loaded on first use. It exports
// what the views and commands need; they import its types only.
import { stringify } from 'yaml';
import { loadLibrary } from './library';
import { ClusterService, type Lookup } from './service';
import type { Log } from './session';

export async function createClusterService(lookup: Lookup, log: Log): Promise<ClusterService> {
  return new ClusterService(await loadLibrary(), lookup, log);
}

export type { ClusterService, Lookup } from './service';
export type { ContextSession, CacheChange, Log } from './session';
export type { Informer } from './informer';
export type { KubeconfigSnapshot, ContextInfo } from './kubeconfig';
export type { ResponseStream, StreamOptions } from './kube-api';
export type { RestMapping, RestMapper } from './rest-mapper';
export { mappedPath } from './rest-mapper';
export { lines } from './lines';
// Log sessions follow pods through this bundle's requests; the view imports their types only.
export { startLogSession } from '../logs/session';
export type { LogCluster } from '../logs/session';

/** An object as read-only YAML, without the server-side apply bookkeeping (as `kubectl get -o yaml`). */
export function toYaml(object: unknown): string {
  const copy = JSON.parse(JSON.stringify(object ?? {})) as { metadata?: { managedFields?: unknown } } | null;
  if (copy?.metadata) delete copy.metadata.managedFields;
  return stringify(copy, { lineWidth: 0 });
}
