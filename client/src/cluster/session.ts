// One kubeconfig context: which of the supported kinds its cluster serves (discovery), a live
// cache per collection the views have asked for (started on first request, kept current by its
// watch), and the single-object requests of the commands (read, delete).
import { ClusterError } from './errors';
import { Informer, type Timers } from './informer';
import type { KubeApi } from './kube-api';
import type { ContextInfo } from './kubeconfig';
import { ALL_TYPES, groupVersionsToRead, resourcePath, servedVersions, typeByKey, type Discovery, type ResourceType } from './resources';

export interface CacheChange {
  typeKey: string;
  /** Undefined for cluster-scoped collections and lists across all namespaces. */
  namespace?: string;
  /** What happened: an object added, modified or deleted, a (re-)list, or an error. */
  what: string;
}

export type Log = (level: 'info' | 'warn' | 'error', message: string) => void;

/** The real timers, for the extension; tests give manual ones. */
export const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => Date.now(),
};

interface APIGroupList {
  groups?: Array<{ name: string; versions?: Array<{ groupVersion: string }> }>;
}

interface APIResourceList {
  resources?: Array<{ name: string }>;
}

export class ContextSession {
  private readonly informers = new Map<string, Informer>();
  private discovery: Promise<Map<string, string>> | undefined;
  private readonly listeners = new Set<(change: CacheChange) => void>();
  private disposed = false;

  constructor(
    readonly context: ContextInfo,
    readonly api: KubeApi,
    private readonly log: Log,
    private readonly timers: Timers = systemTimers,
  ) {}

  /** The version served of every supported kind, by type key; kinds the cluster lacks are absent. */
  served(): Promise<Map<string, string>> {
    this.discovery ??= this.discover().catch((error: unknown) => {
      this.discovery = undefined;
      throw error;
    });
    return this.discovery;
  }

  private async discover(): Promise<Map<string, string>> {
    const groups = (await this.api.request('GET', '/apis')) as APIGroupList;
    const announced = new Set((groups.groups ?? []).flatMap((g) => (g.versions ?? []).map((v) => v.groupVersion)));
    const discovery: Discovery = new Map();
    await Promise.all(
      groupVersionsToRead(ALL_TYPES, announced).map(async (gv) => {
        try {
          const list = (await this.api.request('GET', `/apis/${gv}`)) as APIResourceList;
          discovery.set(gv, new Set((list.resources ?? []).map((r) => r.name)));
        } catch (error) {
          // A group version announced but not answered (an aggregated API down): its kinds are skipped.
          this.log('warn', `[${this.context.name}] discovery of ${gv} failed: ${(error as Error).message}`);
        }
      }),
    );
    const served = servedVersions(ALL_TYPES.filter((t) => t.group), discovery);
    for (const t of ALL_TYPES) if (!t.group) served.set(t.key, t.versions[0]);
    this.log('info', `[${this.context.name}] the cluster serves ${[...served.keys()].filter((k) => !k.startsWith('/')).join(', ') || 'none of the supported custom resources'}`);
    return served;
  }

  /** The live cache of a collection, started on first use. */
  informer(type: ResourceType, version: string, namespace?: string): Informer {
    const key = `${type.key}|${namespace ?? '*'}`;
    let informer = this.informers.get(key);
    if (!informer) {
      const where = namespace ? `${type.plural} in ${namespace}` : `${type.plural}${type.namespaced ? ' in all namespaces' : ''}`;
      const path = resourcePath(type, version, namespace);
      informer = new Informer(this.api.transport(path), {
        server: this.api.server,
        timers: this.timers,
        onChange: (what) => this.emit({ typeKey: type.key, namespace, what }),
        log: (message) => this.log('info', `[${this.context.name}] ${where}: ${message}`),
      });
      this.informers.set(key, informer);
      if (!this.disposed) informer.start();
    }
    return informer;
  }

  /** The informer of a collection if some view started it. */
  existing(typeKey: string, namespace?: string): Informer | undefined {
    return this.informers.get(`${typeKey}|${namespace ?? '*'}`);
  }

  onDidChange(listener: (change: CacheChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: CacheChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Lists again every collection that failed, and discovery if it failed. */
  retry(filter?: (typeKey: string, namespace?: string) => boolean): void {
    for (const [key, informer] of this.informers) {
      const [typeKey, ns] = key.split('|');
      const namespace = ns === '*' ? undefined : ns;
      if (informer.error && (!filter || filter(typeKey, namespace))) informer.retry();
    }
  }

  async getObject(typeKey: string, namespace: string | undefined, name: string): Promise<unknown> {
    const type = this.typeOrThrow(typeKey);
    const version = (await this.served()).get(typeKey) ?? type.versions[0];
    return this.api.request('GET', resourcePath(type, version, namespace, name));
  }

  /** Deletes an object; its dependents (pods, child jobs) are deleted by the garbage collector after it. */
  async deleteObject(typeKey: string, namespace: string | undefined, name: string): Promise<void> {
    const type = this.typeOrThrow(typeKey);
    const version = (await this.served()).get(typeKey) ?? type.versions[0];
    const body = JSON.stringify({ kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' });
    await this.api.request('DELETE', resourcePath(type, version, namespace, name), { query: { propagationPolicy: 'Background' }, body, contentType: 'application/json' });
    this.log('info', `[${this.context.name}] deleted ${type.kind} ${namespace ? `${namespace}/` : ''}${name} (propagationPolicy Background)`);
  }

  private typeOrThrow(typeKey: string): ResourceType {
    const type = typeByKey(typeKey);
    if (!type) throw new ClusterError(`mlinfra does not know the resource ${typeKey}`, 'other');
    return type;
  }

  stats(): { lists: number; watches: number; informers: number } {
    let lists = 0;
    let watches = 0;
    for (const informer of this.informers.values()) {
      lists += informer.lists;
      watches += informer.watches;
    }
    return { lists, watches, informers: this.informers.size };
  }

  dispose(): void {
    this.disposed = true;
    for (const informer of this.informers.values()) informer.stop();
    this.informers.clear();
    this.listeners.clear();
  }
}
