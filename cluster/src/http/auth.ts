// Who may do what. Two users, each with a bearer token made fresh at every start: an
// administrator, and a read-only user who may not look into the namespace `secret-ns` (nor list
// namespaced resources across all namespaces, as RBAC with namespaced roles only would have it).
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const ADMIN_USER = 'demo-admin';
export const RESTRICTED_USER = 'demo-restricted';
export const FORBIDDEN_NAMESPACE = 'secret-ns';

export interface Tokens {
  admin: string;
  restricted: string;
}

export interface Attributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  /** Whether the resource lives in namespaces (pods) or not (nodes). */
  namespaced: boolean;
}

export function newTokens(): Tokens {
  return { admin: randomBytes(24).toString('hex'), restricted: randomBytes(24).toString('hex') };
}

function same(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The user a request's Authorization header names, or undefined when it names none we know. */
export function authenticate(header: string | undefined, tokens: Tokens): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  if (same(match[1], tokens.admin)) return ADMIN_USER;
  if (same(match[1], tokens.restricted)) return RESTRICTED_USER;
  return undefined;
}

const READ_VERBS = new Set(['get', 'list', 'watch']);

/** Whether `user` may do what `attributes` describe. */
export function authorize(user: string, attributes: Attributes): boolean {
  if (user === ADMIN_USER) return true;
  if (user !== RESTRICTED_USER || !READ_VERBS.has(attributes.verb)) return false;
  if (!attributes.namespaced) return true;
  return attributes.namespace !== undefined && attributes.namespace !== FORBIDDEN_NAMESPACE;
}
