// Which kubeconfig files to read, and how several merge, as kubectl does: the `mlinfra.kubeconfig`
// setting wins, then KUBECONFIG (a list; missing files are skipped), then ~/.kube/config. When
// files are merged the first one to name a cluster, user or context wins, and the first
// current-context set is the current one. Pure: the file system is asked through `exists`.
import { delimiter as pathDelimiter, isAbsolute, join, resolve } from 'node:path';

export type KubeconfigOrigin = 'setting' | 'KUBECONFIG' | 'default' | 'none';

export interface KubeconfigFiles {
  files: string[];
  origin: KubeconfigOrigin;
  /** Files named by the setting that do not exist: each is an error to show. */
  missing: string[];
}

export interface KubeconfigLookup {
  setting?: string;
  env?: string;
  home?: string;
  workspaceFolder?: string;
  delimiter?: string;
  exists(path: string): boolean;
}

function expand(path: string, lookup: KubeconfigLookup): string {
  const home = lookup.home ?? '';
  if (path === '~') return home;
  if (path.startsWith('~/')) return join(home, path.slice(2));
  if (isAbsolute(path)) return path;
  return resolve(lookup.workspaceFolder ?? home, path);
}

function split(list: string, lookup: KubeconfigLookup): string[] {
  return list
    .split(lookup.delimiter ?? pathDelimiter)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => expand(p, lookup));
}

export function kubeconfigFiles(lookup: KubeconfigLookup): KubeconfigFiles {
  if (lookup.setting?.trim()) {
    const named = split(lookup.setting, lookup);
    return { files: named.filter((p) => lookup.exists(p)), origin: 'setting', missing: named.filter((p) => !lookup.exists(p)) };
  }
  if (lookup.env?.trim()) {
    return { files: split(lookup.env, lookup).filter((p) => lookup.exists(p)), origin: 'KUBECONFIG', missing: [] };
  }
  const fallback = lookup.home ? join(lookup.home, '.kube', 'config') : undefined;
  if (fallback && lookup.exists(fallback)) return { files: [fallback], origin: 'default', missing: [] };
  return { files: [], origin: 'none', missing: [] };
}

export interface KubeconfigParts<C extends { name: string }, U extends { name: string }, X extends { name: string }> {
  clusters: C[];
  users: U[];
  contexts: X[];
  currentContext?: string;
}

function firstByName<T extends { name: string }>(lists: T[][]): T[] {
  const seen = new Map<string, T>();
  for (const list of lists) for (const entry of list ?? []) if (!seen.has(entry.name)) seen.set(entry.name, entry);
  return [...seen.values()];
}

export function mergeKubeconfigs<C extends { name: string }, U extends { name: string }, X extends { name: string }>(
  parts: Array<KubeconfigParts<C, U, X>>,
): KubeconfigParts<C, U, X> {
  return {
    clusters: firstByName(parts.map((p) => p.clusters)),
    users: firstByName(parts.map((p) => p.users)),
    contexts: firstByName(parts.map((p) => p.contexts)),
    currentContext: parts.map((p) => p.currentContext).find((c) => !!c),
  };
}
