// How one log request ended, as the follower acts on it: the body ended (the run is over, or the
// stream was closed under it), broke (a dropped connection, a 5xx: try again after a backoff), the
// container has not started yet, the run changed under the request, the pod is gone, the server
// refused for good (a 403: say so), or the session stopped.
import type { ClusterError } from '../cluster/errors';

export type Outcome =
  | { kind: 'ended'; progressed: boolean }
  | { kind: 'broken'; error: ClusterError }
  | { kind: 'waiting' }
  | { kind: 'changed' }
  | { kind: 'gone' }
  | { kind: 'refused'; error: ClusterError }
  | { kind: 'stopped' };

/** The API server's words for a container with nothing to read yet. */
const NOT_STARTED = /is waiting to start|does not have a host assigned|ContainerCreating|PodInitializing/;

export function failureOutcome(error: ClusterError): Outcome {
  if (error.kind === 'cancelled') return { kind: 'stopped' };
  if (error.transient) return { kind: 'broken', error };
  if (error.code === 400 && NOT_STARTED.test(error.message)) return { kind: 'waiting' };
  if (error.code === 404) return { kind: 'gone' };
  return { kind: 'refused', error };
}
