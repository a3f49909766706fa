// `limit` and `continue`: a list answers at most `limit` items and a token to ask for the rest.
// The token is opaque to clients but, like the real server's, says which list it continues
// (its resourceVersion) and where (the last key answered).
import { badRequest, StatusError } from '../http/status';

export interface ContinueToken {
  /** The resourceVersion of the first page; later pages keep answering it. */
  rv: number;
  /** The key (`namespace/name`) after which the next page starts. */
  start: string;
}

export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: token.rv, start: token.start })).toString('base64url');
}

export function decodeContinue(text: string): ContinueToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
  const token = parsed as { v?: unknown; rv?: unknown; start?: unknown };
  if (token?.v !== 'meta.k8s.io/v1' || typeof token.rv !== 'number' || typeof token.start !== 'string') {
    throw badRequest('continue key is not valid: server does not recognize this encoded version');
  }
  return { rv: token.rv, start: token.start };
}

/** One page of `items` (sorted by key) after the token's key, with the token for the next page. */
export function page<T>(
  items: T[],
  keyOf: (item: T) => string,
  limit: number | undefined,
  after: string | undefined,
  rv: number,
): { items: T[]; continue?: string; remaining?: number } {
  const rest = after === undefined ? items : items.filter((item) => keyOf(item) > after);
  if (!limit || limit <= 0 || rest.length <= limit) return { items: rest };
  const taken = rest.slice(0, limit);
  return { items: taken, continue: encodeContinue({ rv, start: keyOf(taken[taken.length - 1]) }), remaining: rest.length - limit };
}

/** The 410 a continue token answers once the list it continues is older than the kept history. */
export function expiredContinue(): StatusError {
  const error = new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message:
      'The provided continue parameter is too old to display a consistent list result. You can start a ' +
      'new list without the continue parameter.',
    reason: 'Expired',
    code: 410,
  });
  return error;
}
