// The Status objects the real API server answers errors with: same reason, code, message
// shape and details, so kubectl prints what it prints against a real cluster.

export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** An error that carries the Status the client gets. */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }

  get code(): number {
    return this.status.code;
  }
}

function failure(code: number, reason: string, message: string, details?: StatusDetails): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return new StatusError(status);
}

/** What a resource is called in messages: `pods`, `pytorchjobs.kubeflow.org`. */
export function qualifiedResource(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

export function unauthorized(): StatusError {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

export function forbidden(
  user: string,
  verb: string,
  group: string,
  resource: string,
  namespace: string | undefined,
  name?: string,
  subresource?: string,
): StatusError {
  const what = qualifiedResource(group, resource);
  const subject = name ? `${what} "${name}"` : what;
  const full = subresource ? `${resource}/${subresource}` : resource;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const message = `${subject} is forbidden: User "${user}" cannot ${verb} resource "${full}" in API group "${group}" ${scope}`;
  return failure(403, 'Forbidden', message, { ...(name ? { name } : {}), ...(group ? { group } : {}), kind: resource });
}

/** 403 for a path that is not a resource, worded as the real API server words non-resource URLs. */
export function forbiddenPath(user: string, verb: string, path: string): StatusError {
  return failure(403, 'Forbidden', `forbidden: User "${user}" cannot ${verb} path "${path}"`, {});
}

export function notFound(group: string, resource: string, name: string): StatusError {
  return failure(404, 'NotFound', `${qualifiedResource(group, resource)} "${name}" not found`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

/** The answer to a path the server does not serve. */
export function pathNotFound(): StatusError {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function alreadyExists(group: string, resource: string, name: string): StatusError {
  return failure(409, 'AlreadyExists', `${qualifiedResource(group, resource)} "${name}" already exists`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function conflict(group: string, resource: string, name: string, why: string): StatusError {
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(group, resource)} "${name}": ${why}`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

/** Server-side apply found fields another manager owns. */
export function applyConflict(message: string, causes: StatusCause[]): StatusError {
  return failure(409, 'Conflict', message, { causes });
}

export function badRequest(message: string): StatusError {
  return failure(400, 'BadRequest', message);
}

export function methodNotAllowed(): StatusError {
  return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
}

export function unsupportedMediaType(contentType: string): StatusError {
  return failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json, ` +
      `application/yaml, application/apply-patch+yaml, application/merge-patch+json, application/strategic-merge-patch+json, ` +
      `application/json-patch+json (got ${contentType || 'none'})`,
  );
}

export function gone(message: string): StatusError {
  return failure(410, 'Expired', message);
}

export function internalError(message: string): StatusError {
  return failure(500, 'InternalError', `Internal error occurred: ${message}`);
}

/** 503, as the API server answers when it (or an aggregated API, or the kubelet behind it) cannot serve now. */
export function serviceUnavailable(): StatusError {
  return failure(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
}

/**
 * 422 Invalid, as apimachinery's NewInvalid writes it: `Kind.group "name" is invalid: field: message`,
 * several causes in brackets.
 */
export function invalid(group: string, kind: string, name: string, causes: StatusCause[]): StatusError {
  const qualified = group ? `${kind}.${group}` : kind;
  const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const list = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return failure(422, 'Invalid', `${qualified} "${name}" is invalid: ${list}`, { name, ...(group ? { group } : {}), kind, causes });
}

/** The Success status a DELETE of a collection or of some objects answers with. */
export function success(details?: StatusDetails): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', ...(details ? { details } : {}), code: 200 };
}
