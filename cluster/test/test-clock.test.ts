// The test-only clock endpoint (/mlinfra-test/clock) of a cluster started for tests: a suite in
// another process moves simulated time with one request and sees, through kubectl, what the
// scenario does in that time. The demo cluster a user runs does not serve it.
import * as assert from 'node:assert/strict';
import { startCluster } from '../src/start-cluster';
import { api, lines, startTestCluster, type TestCluster } from './kubectl';

const ADVANCE = '/mlinfra-test/clock/advance';

describe('test clock endpoint (local API server started for tests)', () => {
  let t: TestCluster;
  before(async () => (t = await startTestCluster('demo', { testControl: true })));
  after(() => t.stop());

  it('stands still until told, then runs two minutes of the demo in one request', async () => {
    const before = await api(t, '/mlinfra-test/clock');
    assert.equal(before.status, 200, before.body);
    assert.equal(JSON.parse(before.body).now, '2025-01-06T09:00:00Z');
    const waiting = await t.kubectl(['get', 'tfjobs']);
    assert.deepEqual(lines(waiting.stdout), ['NAME          STATE     AGE', 'resnet50-tf   Created   0s']);

    const moved = await api(t, `${ADVANCE}?seconds=120`, { method: 'POST' });
    assert.equal(moved.status, 200, moved.body);
    const report = JSON.parse(moved.body);
    assert.equal(report.now, '2025-01-06T09:02:00Z');
    assert.ok(report.pendingTimers > 0, 'the other jobs still train');
    // The TFJob's workers run out of GPU memory until its backoff limit fails it, 100 s in.
    assert.deepEqual(lines((await t.kubectl(['get', 'tfjobs'])).stdout), ['NAME          STATE    AGE', 'resnet50-tf   Failed   2m']);
    const columns = 'custom-columns=NAME:.metadata.name,DONE:.status.succeeded';
    assert.deepEqual(lines((await t.kubectl(['get', 'jobs', 'data-preprocess', '-o', columns])).stdout), [
      'NAME              DONE',
      'data-preprocess   4',
    ]);
  });

  it('moves by fractions of a second and by nothing', async () => {
    const start = Date.parse(JSON.parse((await api(t, '/mlinfra-test/clock')).body).now);
    await api(t, `${ADVANCE}?seconds=0.5`, { method: 'POST' });
    await api(t, `${ADVANCE}?seconds=0.5`, { method: 'POST' });
    const zero = await api(t, `${ADVANCE}?seconds=0`, { method: 'POST' });
    assert.equal(Date.parse(JSON.parse(zero.body).now) - start, 1000);
  });

  it('lets only the administrator move time, and rejects amounts it cannot move', async () => {
    const restricted = await api(t, `${ADVANCE}?seconds=10`, { method: 'POST', token: t.cluster.tokens.restricted });
    assert.equal(restricted.status, 403);
    assert.equal(JSON.parse(restricted.body).message, 'forbidden: User "demo-restricted" cannot post path "/mlinfra-test/clock/advance"');
    assert.equal((await api(t, '/mlinfra-test/clock', { token: t.cluster.tokens.restricted })).status, 200, 'reading the time is allowed');
    assert.equal((await api(t, `${ADVANCE}?seconds=10`, { method: 'POST', token: 'not-a-token' })).status, 401);
    for (const bad of ['', '?seconds=', '?seconds=-1', '?seconds=ten', '?seconds=86401']) {
      const answer = await api(t, `${ADVANCE}${bad}`, { method: 'POST' });
      assert.equal(answer.status, 400, bad);
      assert.match(JSON.parse(answer.body).message, /^seconds must be a number from 0 to 86400, not "/);
    }
    assert.equal((await api(t, `${ADVANCE}?seconds=1`)).status, 405, 'GET does not move time');
    assert.equal((await api(t, '/mlinfra-test/clock/rewind?seconds=1', { method: 'POST' })).status, 404);
  });
});

describe('test clock endpoint on the demo cluster', () => {
  it('is not served: the path answers 404 like any unknown one', async () => {
    const demo = await startCluster({ speed: 1 });
    try {
      for (const [method, path] of [
        ['GET', '/mlinfra-test/clock'],
        ['POST', `${ADVANCE}?seconds=60`],
      ]) {
        // api() needs only the cluster's address and tokens, not the kubectl helpers.
        const answer = await api({ cluster: demo } as TestCluster, path, { method });
        assert.equal(answer.status, 404, `${method} ${path}`);
        assert.equal(JSON.parse(answer.body).message, 'the server could not find the requested resource');
      }
    } finally {
      await demo.stop();
    }
  });

  it('cannot be asked for on a clock that follows the wall clock', async () => {
    await assert.rejects(startCluster({ speed: 10, testControl: true }), /testControl needs a ManualClock/);
  });
});
