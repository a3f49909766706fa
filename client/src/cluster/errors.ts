// What went wrong talking to a cluster, in the server's own words where it gave some: a
// Kubernetes Status (401, 403, 404, 410 …) or a network failure. The views show `message` on an
// error node; nothing here ever holds a credential.

/** `cancelled`: the caller closed the request (a log stream stopped); no failure of the cluster. */
export type ErrorKind = 'unreachable' | 'unauthorized' | 'forbidden' | 'notFound' | 'expired' | 'server' | 'cancelled' | 'other';

export class ClusterError extends Error {
  constructor(
    message: string,
    readonly kind: ErrorKind,
    /** The HTTP status, when the server answered. */
    readonly code?: number,
    /** A sentence on what to do, for tooltips. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ClusterError';
  }

  /** Whether waiting and trying again can help (the network, an overloaded server), unlike a 401 or 403. */
  get transient(): boolean {
    return this.kind === 'unreachable' || this.kind === 'server' || this.code === 429;
  }
}

function kindOf(code: number): ErrorKind {
  if (code === 401) return 'unauthorized';
  if (code === 403) return 'forbidden';
  if (code === 404) return 'notFound';
  if (code === 410) return 'expired';
  if (code >= 500 || code === 429) return 'server';
  return 'other';
}

const HINTS: Partial<Record<ErrorKind, string>> = {
  unauthorized:
    'The cluster did not accept the credentials of this context: the token may have expired or be invalid. ' +
    'Renew it (log in again), then retry.',
  forbidden: 'The user of this context lacks the RBAC permission. Ask for it, or pick another namespace or context.',
  unreachable:
    'Check that the cluster is running and reachable from this machine (VPN, proxy, server address in the kubeconfig), then retry.',
};

/** The error for an HTTP answer that is not a success, from its body (a Status object, usually). */
export function errorFromResponse(code: number, body: string, statusText = ''): ClusterError {
  let message = '';
  try {
    const status = JSON.parse(body) as { kind?: string; message?: unknown };
    if (typeof status?.message === 'string') message = status.message;
  } catch {
    // not JSON: a proxy's page, or nothing
  }
  if (!message) message = body.trim() && body.length < 300 && !/^\s*</.test(body) ? body.trim() : statusText || `HTTP ${code}`;
  const kind = kindOf(code);
  if (kind === 'unauthorized' && message === 'Unauthorized') message = 'Unauthorized: the cluster rejected the credentials (401)';
  return new ClusterError(message, kind, code, HINTS[kind]);
}

/** The error for a request that got no answer: refused, timed out, TLS failure, DNS. */
export function errorFromNetwork(error: unknown, server: string): ClusterError {
  const text = error instanceof Error ? error.message : String(error);
  return new ClusterError(`Cannot reach ${server}: ${text}`, 'unreachable', undefined, HINTS.unreachable);
}

/** Any thrown value as a ClusterError (a watch's `statusCode`, an exec plugin's failure …). */
export function toClusterError(error: unknown, server: string): ClusterError {
  if (error instanceof ClusterError) return error;
  const code = (error as { statusCode?: unknown; code?: unknown })?.statusCode;
  if (typeof code === 'number') return errorFromResponse(code, '', error instanceof Error ? error.message : '');
  const errno = (error as { code?: unknown })?.code;
  if (typeof errno === 'string' && /^(E[A-Z]+|UND_ERR|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO)/.test(errno))
    return errorFromNetwork(error, server);
  const text = error instanceof Error ? error.message : String(error);
  return new ClusterError(text, 'other');
}

export function isExpired(error: unknown): boolean {
  return error instanceof ClusterError && error.code === 410;
}
