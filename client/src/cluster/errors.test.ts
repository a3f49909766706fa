import * as assert from 'node:assert/strict';
import { errorFromResponse, toClusterError } from './errors';

describe('cluster errors', () => {
  it('keeps the message of a Status answer', () => {
    const body = JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message: 'pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "secret-ns"',
      reason: 'Forbidden',
      code: 403,
    });
    const error = errorFromResponse(403, body);
    assert.deepEqual(
      [error.kind, error.code, error.message, error.transient],
      ['forbidden', 403, 'pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "secret-ns"', false],
    );
  });

  it('says what a bare 401 means', () => {
    const error = errorFromResponse(401, JSON.stringify({ kind: 'Status', message: 'Unauthorized', code: 401 }));
    assert.equal(error.message, 'Unauthorized: the cluster rejected the credentials (401)');
    assert.match(error.hint ?? '', /token may have expired/);
  });

  it('names the server that cannot be reached', () => {
    const error = toClusterError(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      'https://127.0.0.1:1',
    );
    assert.deepEqual(
      [error.kind, error.message, error.transient],
      ['unreachable', 'Cannot reach https://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1', true],
    );
  });

  it('does not show an HTML error page as the message', () => {
    assert.equal(errorFromResponse(502, '<html><body>Bad Gateway</body></html>', 'Bad Gateway').message, 'Bad Gateway');
  });

  it('reads the status code of a failed watch', () => {
    const error = toClusterError(Object.assign(new Error('Gone'), { statusCode: 410 }), 'https://x');
    assert.deepEqual([error.kind, error.code], ['expired', 410]);
  });
});
