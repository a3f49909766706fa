// Starts the log session of a target (the engine's startLogSession, in the cluster bundle) on the
// context's cluster session: the same credentials, REST mapping and request counters as the
// Clusters view. Only ever in answer to the user, and never in an untrusted workspace (load()
// refuses there).
import type { Clusters } from '../../clusters';
import type { StartSession } from './logs-controller';

export function sessionStarter(clusters: Clusters, bufferLines: () => number): StartSession {
  return async (target, options, listener) => {
    const service = await clusters.load();
    const session = service.session(target.context);
    if (!session || !clusters.module) throw new Error(`the kubeconfig has no context "${target.context}"`);
    const { namespace, typeKey, name, container } = target;
    return clusters.module.startLogSession(
      session,
      { namespace, typeKey, name, container },
      // Events are always read: the view's Events toggle only hides them.
      { ...options, events: true, maxHeldEntries: bufferLines() },
      listener,
    );
  };
}
