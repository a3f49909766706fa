// Reads the kubeconfig files (see kubeconfig-files.ts for which) with @kubernetes/client-node and
// merges them as kubectl does. The user's files are only read, never written: choosing another
// context is the extension's own state, applied to a copy of the configuration.
import { existsSync } from 'node:fs';
import { kubeconfigFiles, mergeKubeconfigs, type KubeconfigLookup, type KubeconfigOrigin } from './kubeconfig-files';
import type { KubeConfig, Library } from './library';

export interface ContextInfo {
  name: string;
  cluster?: string;
  user?: string;
  namespace?: string;
  server?: string;
}

export interface KubeconfigSnapshot {
  origin: KubeconfigOrigin;
  files: string[];
  contexts: ContextInfo[];
  /** The kubeconfig's own current-context. */
  currentContext?: string;
  /** What could not be read, one sentence each. */
  problems: string[];
}

export function loadKubeconfig(
  library: Library,
  lookup: Omit<KubeconfigLookup, 'exists'>,
): { snapshot: KubeconfigSnapshot; config: KubeConfig } {
  const found = kubeconfigFiles({ ...lookup, exists: (path) => existsSync(path) });
  const problems = found.missing.map((path) => `The kubeconfig file ${path} (setting mlinfra.kubeconfig) does not exist.`);
  const parts: KubeConfig[] = [];
  for (const file of found.files) {
    try {
      const config = new library.KubeConfig();
      config.loadFromFile(file);
      parts.push(config);
    } catch (error) {
      problems.push(`Cannot read the kubeconfig ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const merged = mergeKubeconfigs(
    parts.map((p) => ({ clusters: p.clusters, users: p.users, contexts: p.contexts, currentContext: p.currentContext })),
  );
  const config = new library.KubeConfig();
  config.loadFromOptions({
    clusters: merged.clusters,
    users: merged.users,
    contexts: merged.contexts,
    currentContext: merged.currentContext ?? '',
  });
  const contexts = merged.contexts.map((c) => ({
    name: c.name,
    cluster: c.cluster,
    user: c.user,
    namespace: c.namespace,
    server: merged.clusters.find((cluster) => cluster.name === c.cluster)?.server,
  }));
  return {
    snapshot: { origin: found.origin, files: found.files, contexts, currentContext: merged.currentContext || undefined, problems },
    config,
  };
}

/** A copy of `config` whose current context is `context`; the original is left as it was. */
export function configForContext(library: Library, config: KubeConfig, context: string): KubeConfig {
  const copy = new library.KubeConfig();
  copy.loadFromOptions({ clusters: config.clusters, users: config.users, contexts: config.contexts, currentContext: context });
  return copy;
}
