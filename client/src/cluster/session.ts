// One kubeconfig context: its REST mapping (discovery: where the server serves each kind), which
// of the supported kinds its cluster serves, a live cache per collection the views have asked for
// (started on first request, kept current by its watch), and the single-object requests of the
// commands (read, delete).
import { ClusterError } from './errors';
import { Informer, type Timers } from './informer';
import type { KubeApi } from './kube-api';
import type { ContextInfo } from './kubeconfig';
import { ALL_TYPES, resourcePath, typeByKey, type ResourceType } from './resources';
import { RestMapper } from './rest-mapper';

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

export class ContextSession {
  private readonly informers = new Map<string, Informer>();
  private discovery: Promise<Map<string, string>> | undefined;
  private readonly listeners = new Set<(change: CacheChange) => void>();
  private disposed = false;
  /** Where the server serves any kind (CRDs too), read from discovery once and on a miss. */
  readonly mapper: RestMapper;

  constructor(
    readonly context: ContextInfo,
    readonly api: KubeApi,
    private readonly log: Log,
    private readonly timers: Timers = systemTimers,
  ) {
    this.mapper = new RestMapper((path) => this.api.request('GET', path));
  }

  /** The version served of every supported kind, by type key; kinds the cluster lacks are absent. */
  served(): Promise<Map<string, string>> {
    this.discovery ??= this.discover().catch((error: unknown) => {
      this.discovery = undefined;
      throw error;
    });
    return this.discovery;
  }

  private async discover(): Promise<Map<string, string>> {
    // Fails (and the views say why) when the server cannot tell what it serves at all.
    await this.mapper.groups();
    const versions = await Promise.all(
      ALL_TYPES.map(async (t) => {
        if (!t.group) return t.versions[0];
        try {
          const served = await this.mapper.versionsServing(t.group, t.plural);
          // mlinfra's order of preference, not the server's: the version whose fields the views read best.
          return t.versions.find((v) => served.includes(v));
        } catch (error) {
          // A group version announced but not answered (an aggregated API down): its kinds are skipped.
          this.log('warn', `[${this.context.name}] discovery of ${t.group} failed: ${(error as Error).message}`);
          return undefined;
        }
      }),
    );
    const served = new Map<string, string>();
    ALL_TYPES.forEach((t, i) => versions[i] && served.set(t.key, versions[i]));
    const custom = [...served.keys()].filter((k) => !k.startsWith('/'));
    this.log('info', `[${this.context.name}] the cluster serves ${custom.join(', ') || 'none of the supported custom resources'}`);
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
    await this.api.request('DELETE', resourcePath(type, version, namespace, name), {
      query: { propagationPolicy: 'Background' },
      body,
      contentType: 'application/json',
    });
    this.log(
      'info',
      `[${this.context.name}] deleted ${type.kind} ${namespace ? `${namespace}/` : ''}${name} (propagationPolicy Background)`,
    );
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
