// The entry to cluster access for the views and commands: the merged kubeconfig and a session per
// context used so far. Loaded lazily (a separate bundle, dist/cluster-client.js) the first time a
// view opens or a command runs in a trusted workspace; until then no file is read and no cluster
// is asked anything.
import { KubeApi, type RequestCounters } from './kube-api';
import { configForContext, loadKubeconfig, type KubeconfigSnapshot } from './kubeconfig';
import type { KubeconfigLookup } from './kubeconfig-files';
import type { KubeConfig, Library } from './library';
import { ContextSession, type Log } from './session';

export type Lookup = Omit<KubeconfigLookup, 'exists'>;

export class ClusterService {
  snapshot: KubeconfigSnapshot;
  private config: KubeConfig;
  private readonly sessions = new Map<string, ContextSession>();
  readonly counters: RequestCounters = { requests: 0, lists: 0, watches: 0 };

  constructor(
    private readonly library: Library,
    lookup: Lookup,
    private readonly log: Log,
  ) {
    ({ snapshot: this.snapshot, config: this.config } = this.load(lookup));
  }

  private load(lookup: Lookup) {
    const loaded = loadKubeconfig(this.library, lookup);
    const { origin, files, contexts, currentContext, problems } = loaded.snapshot;
    this.log(
      'info',
      `kubeconfig (${origin}): ${files.join(', ') || 'none'}; ${contexts.length} context(s), current ${currentContext ?? 'none'}`,
    );
    for (const problem of problems) this.log('warn', problem);
    return loaded;
  }

  /** Reads the kubeconfig files again; every session ends, so views list afresh. */
  reload(lookup: Lookup): KubeconfigSnapshot {
    this.disposeSessions();
    ({ snapshot: this.snapshot, config: this.config } = this.load(lookup));
    return this.snapshot;
  }

  session(context: string): ContextSession | undefined {
    let session = this.sessions.get(context);
    const info = this.snapshot.contexts.find((c) => c.name === context);
    if (!session && info) {
      const api = new KubeApi(configForContext(this.library, this.config, context), this.library.Watch, this.counters);
      session = new ContextSession(info, api, this.log);
      this.sessions.set(context, session);
    }
    return session;
  }

  /** The session of a context if something already started it; never starts one. */
  existing(context: string): ContextSession | undefined {
    return this.sessions.get(context);
  }

  private disposeSessions(): void {
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
  }

  dispose(): void {
    this.disposeSessions();
  }
}
