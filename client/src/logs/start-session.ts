// Starts the log session of a target in the context's cluster session. (Wired to the engine's
// startLogSession once it is merged.)
import type { Clusters } from '../clusters';
import type { StartSession } from './logs-controller';

export function sessionStarter(clusters: Clusters): StartSession {
  return async (target) => {
    const service = await clusters.load();
    if (!service.session(target.context)) throw new Error(`the kubeconfig has no context "${target.context}"`);
    throw new Error('log sessions are not available yet');
  };
}
