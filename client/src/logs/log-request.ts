// The request for a container's logs: always with timestamps (the resume key), following unless
// asked not to; the first request of a container that was already running takes the session's tail
// and since, a resumed one only the time of the last line received.
import type { LogSessionOptions } from './log-entry';

export interface LogRequest {
  path: string;
  query: Record<string, string | number | boolean | undefined>;
}

export interface RequestPlan {
  namespace: string;
  pod: string;
  container: string;
  follow: boolean;
  previous: boolean;
  /** The time to resume from: the last line received. */
  resumeFrom?: string;
  /** The first request of a run the session found running: the session's tail and since apply. */
  options?: Pick<LogSessionOptions, 'tailLines' | 'sinceTime' | 'sinceSeconds'>;
}

export function logRequest(plan: RequestPlan): LogRequest {
  const path = `/api/v1/namespaces/${encodeURIComponent(plan.namespace)}/pods/${encodeURIComponent(plan.pod)}/log`;
  const query: LogRequest['query'] = { container: plan.container, timestamps: true };
  if (plan.follow) query.follow = true;
  if (plan.previous) query.previous = true;
  if (plan.resumeFrom) query.sinceTime = plan.resumeFrom;
  else if (plan.options) {
    const { tailLines, sinceTime, sinceSeconds } = plan.options;
    if (tailLines !== undefined && tailLines >= 0) query.tailLines = tailLines;
    if (sinceTime) query.sinceTime = sinceTime;
    else if (sinceSeconds !== undefined && sinceSeconds > 0) query.sinceSeconds = sinceSeconds;
  }
  return { path, query };
}
