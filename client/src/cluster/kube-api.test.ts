// Streaming requests against the local API server: a pod's logs followed as the container prints
// them, cancelled with an AbortSignal (the server sees the connection close), and failures as
// ClusterErrors in the server's words.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../cluster/src/sim/clock';
import { startCluster, type Cluster } from '../../../cluster/src/start-cluster';
import { ClusterError } from './errors';
import { createClusterService, type ClusterService } from './index';
import type { KubeApi } from './kube-api';
import { lines } from './lines';

const POD = 'llama3-8b-finetune-master-0';
const LOG = `/api/v1/namespaces/ml-training/pods/${POD}/log`;

async function until(probe: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !probe(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  assert.ok(probe(), what);
}

describe('streaming requests against the local API server', function () {
  this.timeout(60000);
  const clock = new ManualClock();
  let cluster: Cluster;
  let service: ClusterService;
  let api: KubeApi;
  /** Log streams the server is serving now (it stops following when it sees a connection close). */
  let following = 0;

  const printed = () => {
    const uid = cluster.sim.store.get('/pods', 'ml-training', POD)?.metadata.uid as string;
    return cluster.sim.logs.run(uid, 'pytorch')?.lines ?? [];
  };

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlinfra-streaming-'));
    cluster = await startCluster({ kubeconfigPath: join(dir, 'kubeconfig'), clock });
    const logs = cluster.sim.logs;
    const follow = logs.follow.bind(logs);
    logs.follow = (uid, container, listener) => {
      const stop = follow(uid, container, listener);
      following++;
      let stopped = false;
      return () => {
        if (!stopped) following--;
        stopped = true;
        return stop();
      };
    };
    service = await createClusterService({ setting: cluster.kubeconfigPath, home: dir }, () => undefined);
    api = service.session('mlinfra-demo')!.api;
    // The 8B fine-tuning job starts, and its master prints its first lines.
    for (let i = 0; i < 60 && printed().length < 3; i++) clock.advance(5_000);
    assert.ok(printed().length >= 3, 'the master to print');
  });

  after(async () => {
    service?.dispose();
    await cluster?.stop();
  });

  it('follows a pod log: the lines so far, then each line as the container prints it, until cancelled', async () => {
    const controller = new AbortController();
    const stream = await api.stream('GET', LOG, { query: { follow: true, container: 'pytorch' }, signal: controller.signal });
    assert.deepEqual([stream.status, stream.contentType], [200, 'text/plain']);
    const reader = lines(stream)[Symbol.asyncIterator]();
    const before = printed().map((l) => l.text);
    for (const text of before) assert.deepEqual(await reader.next(), { value: text, done: false });
    assert.equal(following, 1, 'the server follows the log');
    // Lines printed after the request: they come through the open connection.
    while (printed().length < before.length + 2) clock.advance(1_000);
    const later = printed()
      .slice(before.length, before.length + 2)
      .map((l) => l.text);
    assert.deepEqual([(await reader.next()).value, (await reader.next()).value], later);
    controller.abort();
    assert.deepEqual(await reader.next(), { value: undefined, done: true }, 'cancelling ends the lines, without an error');
    await stream.closed;
    await until(() => following === 0, 'the server to see the connection closed');
  });

  it('closes the connection when cancelled before any reading', async () => {
    const stream = await api.stream('GET', LOG, { query: { follow: true } });
    await until(() => following === 1, 'the server to follow the log');
    stream.cancel();
    await stream.closed;
    await until(() => following === 0, 'the server to see the connection closed');
    // Reading a cancelled stream ends, without an error.
    await assert.doesNotReject(async () => {
      for await (const chunk of stream) assert.ok(chunk.length > 0);
    });
  });

  it('closes the connection when the reader stops reading', async () => {
    const stream = await api.stream('GET', LOG, { query: { follow: true } });
    for await (const line of lines(stream)) if (line) break;
    await stream.closed;
    await until(() => following === 0, 'the server to see the connection closed');
  });

  it('gives the server message of a failed request, and refuses a cancelled one', async () => {
    const missing = api.stream('GET', '/api/v1/namespaces/ml-training/pods/no-such-pod/log', { query: { follow: true } });
    await assert.rejects(missing, (error: unknown) => {
      assert.ok(error instanceof ClusterError);
      assert.deepEqual([error.code, error.kind, error.message], [404, 'notFound', 'pods "no-such-pod" not found']);
      return true;
    });
    const pending = api.stream('GET', `${LOG}?follow=true`, { signal: AbortSignal.abort() });
    await assert.rejects(pending, (error: unknown) => error instanceof ClusterError && error.kind === 'cancelled');
  });
});
