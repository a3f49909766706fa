import * as assert from 'node:assert/strict';
import { logRequest } from './log-request';

const plan = { namespace: 'ml training', pod: 'job-worker-0', container: 'pytorch', follow: true, previous: false };

describe('log requests', () => {
  it('always asks for timestamps, and follows unless told not to', () => {
    assert.deepEqual(logRequest(plan), {
      path: '/api/v1/namespaces/ml%20training/pods/job-worker-0/log',
      query: { container: 'pytorch', timestamps: true, follow: true },
    });
    assert.deepEqual(logRequest({ ...plan, follow: false, previous: true }).query, {
      container: 'pytorch',
      timestamps: true,
      previous: true,
    });
  });

  it("takes the session's tail and since on a first request, only the last line's time on a resumed one", () => {
    const options = { tailLines: 300, sinceSeconds: 600 };
    assert.deepEqual(logRequest({ ...plan, options }).query, {
      container: 'pytorch',
      timestamps: true,
      follow: true,
      tailLines: 300,
      sinceSeconds: 600,
    });
    assert.deepEqual(
      logRequest({ ...plan, options: { sinceTime: '2025-01-06T09:00:00Z', sinceSeconds: 600 } }).query.sinceTime,
      '2025-01-06T09:00:00Z',
    );
    assert.deepEqual(logRequest({ ...plan, options, resumeFrom: '2025-01-06T09:00:01.500000000Z' }).query, {
      container: 'pytorch',
      timestamps: true,
      follow: true,
      sinceTime: '2025-01-06T09:00:01.500000000Z',
    });
  });
});
