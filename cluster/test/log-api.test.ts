// What log clients need of the API server beyond kubectl's use: sinceTime with nanoseconds (the
// kubelet gets whole seconds), limitBytes, a pod's events by field selector, and, in a cluster
// started for tests, faults in log streams (cut after so many bytes, a clean end mid-line, a 5xx),
// set and counted through /mlinfra-test/faults.
import * as assert from 'node:assert/strict';
import { request as httpsRequest } from 'node:https';
import { startCluster } from '../src/start-cluster';
import { advanceUntil, api, startTestCluster, type TestCluster } from './kubectl';

const JOB = {
  apiVersion: 'kubeflow.org/v1',
  kind: 'PyTorchJob',
  metadata: {
    name: 'numbers',
    namespace: 'ml-training',
    annotations: {
      'sim.mlinfra.dev/program': 'numbered',
      'sim.mlinfra.dev/lines': '400',
      'sim.mlinfra.dev/lines-per-second': '20',
      'sim.mlinfra.dev/burst': '4',
    },
  },
  spec: {
    pytorchReplicaSpecs: {
      Master: {
        replicas: 1,
        template: { spec: { containers: [{ name: 'pytorch', image: 'pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime' }] } },
      },
    },
  },
};
const LOG = '/api/v1/namespaces/ml-training/pods/numbers-master-0/log';

/** A log request read to its end or its cut: the bytes, and whether the body ended properly. */
function read(t: TestCluster, path: string): Promise<{ status: number; body: string; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${t.cluster.url}${path}`,
      { ca: t.cluster.caCert, headers: { Authorization: `Bearer ${t.cluster.tokens.admin}` } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('error', () => undefined);
        res.on('close', () => resolve({ status: res.statusCode ?? 0, body, complete: res.complete }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('log API for clients that resume (local API server)', () => {
  let t: TestCluster;
  before(async () => {
    t = await startTestCluster('empty', { testControl: true });
    const created = await api(t, '/apis/kubeflow.org/v1/namespaces/ml-training/pytorchjobs', {
      method: 'POST',
      body: JSON.stringify(JOB),
      contentType: 'application/json',
    });
    assert.equal(created.status, 201, created.body);
    advanceUntil(
      t,
      '200 lines',
      () =>
        (t.cluster.sim.logs.run(String(t.cluster.sim.store.get('/pods', 'ml-training', 'numbers-master-0')?.metadata.uid), 'pytorch')?.lines
          .length ?? 0) >= 200,
    );
  });
  after(() => t.stop());

  it('answers sinceTime with nanoseconds from its whole second, as the kubelet gets it', async () => {
    const all = (await read(t, `${LOG}?timestamps=true`)).body.trim().split('\n');
    const stamp = (line: string) => line.slice(0, line.indexOf(' '));
    // A line with an earlier one in its second.
    const from = all.find(
      (line, i) => i > 0 && stamp(all[i - 1]).slice(0, 19) === stamp(line).slice(0, 19) && stamp(all[i - 1]) < stamp(line),
    ) as string;
    assert.match(stamp(from), /^2025-01-06T09:\d\d:\d\d\.\d{9}Z$/);
    const since = await read(t, `${LOG}?timestamps=true&sinceTime=${encodeURIComponent(stamp(from))}`);
    const second = stamp(from).slice(0, 19);
    assert.deepEqual(
      since.body.trim().split('\n'),
      all.filter((line) => stamp(line).slice(0, 19) >= second),
    );
    assert.ok(stamp(since.body.split('\n')[0]) < stamp(from), 'lines earlier in that second come too');
  });

  it('stops after limitBytes, and lists a pod events by field selector', async () => {
    const limited = await read(t, `${LOG}?limitBytes=25`);
    assert.deepEqual([limited.body, limited.complete], ['line 1/400 rank=0 step=1 ', true]);
    const uid = String(t.cluster.sim.store.get('/pods', 'ml-training', 'numbers-master-0')?.metadata.uid);
    const selector = encodeURIComponent(`involvedObject.uid=${uid},involvedObject.kind=Pod`);
    const events = JSON.parse((await api(t, `/api/v1/namespaces/ml-training/events?fieldSelector=${selector}`)).body) as {
      items: Array<{ reason: string }>;
    };
    assert.deepEqual(
      events.items.map((e) => e.reason),
      ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'],
    );
  });

  it('cuts log streams where the faults say, refuses with a 5xx, and counts', async () => {
    const set = await api(t, '/mlinfra-test/faults', {
      method: 'POST',
      body: JSON.stringify({ seed: 7, cutAfterBytes: [100, 100] }),
      contentType: 'application/json',
    });
    assert.equal(set.status, 200, set.body);
    const dropped = await read(t, LOG);
    assert.deepEqual([dropped.status, dropped.body.length, dropped.complete], [200, 100, false], 'the connection dropped after 100 bytes');
    await api(t, '/mlinfra-test/faults', {
      method: 'POST',
      body: JSON.stringify({ cutAfterBytes: [90, 90], cleanEndShare: 1 }),
      contentType: 'application/json',
    });
    const ended = await read(t, `${LOG}?follow=true`);
    assert.deepEqual([ended.body.length, ended.complete], [90, true], 'a follow stream ended cleanly, in the middle of a line');
    assert.ok(!ended.body.endsWith('\n'));
    await api(t, '/mlinfra-test/faults', { method: 'POST', body: JSON.stringify({ errorShare: 1 }), contentType: 'application/json' });
    const refused = await read(t, LOG);
    assert.ok([500, 503].includes(refused.status), String(refused.status));
    assert.match(
      JSON.parse(refused.body).message as string,
      /^(the server is currently unable to handle the request|Internal error occurred: .+)$/,
    );
    const counts = JSON.parse((await api(t, '/mlinfra-test/faults')).body);
    assert.deepEqual(counts, { requests: 1, drops: 0, ends: 0, errors: 1 }, 'counts since the last settings');
    await api(t, '/mlinfra-test/faults', { method: 'POST', body: '{}', contentType: 'application/json' });
    const whole = await read(t, LOG);
    assert.deepEqual([whole.status, whole.complete], [200, true]);
  });

  it('lets only the administrator set faults, and refuses settings that make no sense', async () => {
    const restricted = await api(t, '/mlinfra-test/faults', { method: 'POST', body: '{}', token: t.cluster.tokens.restricted });
    assert.equal(restricted.status, 403);
    const bad = await api(t, '/mlinfra-test/faults', { method: 'POST', body: JSON.stringify({ cutAfterBytes: [10, 5] }) });
    assert.deepEqual(
      [bad.status, JSON.parse(bad.body).message],
      [400, 'log fault settings: cutAfterBytes must be [min, max], whole numbers of bytes above 0'],
    );
  });

  it('has no faults in a cluster not started for tests', async () => {
    const plain = await startCluster({ scenario: 'empty' });
    try {
      const answer = await api({ ...t, cluster: plain }, '/mlinfra-test/faults');
      assert.equal(answer.status, 404);
      assert.equal(plain.faults, undefined);
    } finally {
      await plain.stop();
    }
  });
});
