import * as assert from 'node:assert/strict';
import { Backoff } from './backoff';
import { ClusterError } from './errors';
import { Informer, type Timers, type Transport, type WatchQuery } from './informer';
import type { WatchEvent } from './object-store';
import type { KubeObject, ListPage } from './paging';

const pod = (name: string, rv: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ml', resourceVersion: rv } });

/** Timers that run only when the test says, in order of due time. */
class ManualTimers implements Timers {
  time = 0;
  private pending: Array<{ at: number; fn: () => void; handle: number }> = [];
  private next = 1;
  delays: number[] = [];
  setTimeout(fn: () => void, ms: number): unknown {
    this.delays.push(ms);
    const handle = this.next++;
    this.pending.push({ at: this.time + ms, fn, handle });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.handle !== handle);
  }
  now(): number {
    return this.time;
  }
  async runNext(): Promise<void> {
    this.pending.sort((a, b) => a.at - b.at);
    const timer = this.pending.shift()!;
    this.time = timer.at;
    timer.fn();
    await settle();
  }
  async runAll(): Promise<void> {
    while (this.pending.length) await this.runNext();
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A transport that records lists and watches; the test drives the watches. */
class FakeTransport implements Transport {
  lists: Array<ListPage | Error> = [];
  listCalls = 0;
  watches: Array<{ query: WatchQuery; emit(event: WatchEvent): void; end(error?: unknown): void; stopped: boolean }> = [];
  watchFailures: Error[] = [];
  async list(): Promise<ListPage> {
    this.listCalls++;
    const next = this.lists.shift();
    if (!next) throw new Error('no list answer prepared');
    if (next instanceof Error) throw next;
    return next;
  }
  async watch(query: WatchQuery, onEvent: (event: WatchEvent) => void, onDone: (error?: unknown) => void) {
    const failure = this.watchFailures.shift();
    if (failure) throw failure;
    const watch = { query, emit: onEvent, end: onDone, stopped: false };
    this.watches.push(watch);
    return { stop: () => (watch.stopped = true) };
  }
}

function listOf(items: KubeObject[], resourceVersion: string): ListPage {
  return { items, metadata: { resourceVersion } };
}

function setup() {
  const transport = new FakeTransport();
  const timers = new ManualTimers();
  const changes: string[] = [];
  const informer = new Informer(transport, {
    server: 'https://k8s.example:6443',
    timers,
    backoff: new Backoff({ random: () => 0 }),
    onChange: (what) => changes.push(what),
    random: () => 0,
  });
  return { transport, timers, changes, informer };
}

describe('informer: list, then watch', () => {
  it('watches from the resourceVersion of its list, with bookmarks, and applies the events', async () => {
    const { transport, informer, changes } = setup();
    transport.lists.push(listOf([pod('a', '5')], '7'));
    informer.start();
    await informer.ready;
    await settle();
    assert.deepEqual(
      transport.watches.map((w) => [w.query.resourceVersion, w.query.allowWatchBookmarks]),
      [['7', true]],
    );
    transport.watches[0].emit({ type: 'ADDED', object: pod('b', '8') });
    transport.watches[0].emit({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '20' } } });
    assert.deepEqual(
      informer.items().map((p) => p.metadata.name),
      ['a', 'b'],
    );
    assert.equal(informer.store.resourceVersion, '20');
    assert.deepEqual(changes, ['listed', 'added']);
  });

  it('resumes a dropped watch from the last version seen, after 1 s, 2 s, 4 s', async () => {
    const { transport, informer, timers } = setup();
    transport.lists.push(listOf([], '7'));
    informer.start();
    await informer.ready;
    await settle();
    transport.watches[0].emit({ type: 'ADDED', object: pod('a', '9') });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });
    transport.watchFailures.push(refused, refused);
    transport.watches[0].end(refused);
    await timers.runAll();
    assert.deepEqual(timers.delays, [1000, 2000, 4000]);
    assert.deepEqual(
      transport.watches.map((w) => w.query.resourceVersion),
      ['7', '9'],
    );
    assert.equal(transport.listCalls, 1, 'no re-list for a dropped connection');
    assert.equal(informer.error, undefined);
  });

  it('shows an unreachable cluster after the second failed reconnect, and clears it once connected', async () => {
    const { transport, informer, timers, changes } = setup();
    transport.lists.push(listOf([pod('a', '3')], '3'));
    informer.start();
    await informer.ready;
    await settle();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });
    transport.watchFailures.push(refused);
    transport.watches[0].end(refused);
    await timers.runNext();
    assert.equal(informer.error?.message, 'Cannot reach https://k8s.example:6443: connect ECONNREFUSED 127.0.0.1:6443');
    assert.equal(informer.items().length, 1, 'the last objects stay');
    await timers.runNext();
    assert.equal(informer.error, undefined, 'connected again');
    transport.watches[1].emit({ type: 'MODIFIED', object: pod('a', '4') });
    assert.deepEqual(changes, ['listed', 'error', 'listed', 'modified']);
  });

  it('lists again on 410 Gone and watches from the new list', async () => {
    const { transport, informer } = setup();
    transport.lists.push(listOf([pod('a', '3')], '3'), listOf([pod('b', '40')], '41'));
    informer.start();
    await informer.ready;
    await settle();
    transport.watches[0].emit({ type: 'ERROR', object: { kind: 'Status', code: 410, message: 'too old resource version: 3 (30)' } });
    await settle();
    await settle();
    assert.equal(transport.listCalls, 2);
    assert.equal(transport.watches[0].stopped, true);
    assert.deepEqual(
      informer.items().map((p) => p.metadata.name),
      ['b'],
    );
    assert.deepEqual(
      transport.watches.map((w) => w.query.resourceVersion),
      ['3', '41'],
    );
  });

  it('reports a 403 with the server message and waits for a retry', async () => {
    const { transport, informer, timers } = setup();
    const message = 'pods is forbidden: User "demo-restricted" cannot list resource "pods" in API group "" in the namespace "secret-ns"';
    transport.lists.push(new ClusterError(message, 'forbidden', 403));
    informer.start();
    await informer.ready;
    assert.equal(informer.error?.message, message);
    assert.equal(informer.state, 'failed');
    await timers.runAll();
    assert.equal(transport.listCalls, 1, 'no automatic retry of a 403');
    transport.lists.push(listOf([pod('a', '1')], '1'));
    informer.retry();
    await settle();
    assert.equal(informer.error, undefined);
    assert.equal(informer.items().length, 1);
  });

  it('retries a list that could not reach the cluster, with backoff', async () => {
    const { transport, informer, timers } = setup();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });
    transport.lists.push(refused, refused, listOf([], '2'));
    informer.start();
    await informer.ready;
    assert.equal(informer.error?.kind, 'unreachable');
    await timers.runAll();
    assert.equal(transport.listCalls, 3);
    assert.deepEqual(timers.delays, [1000, 2000]);
    assert.equal(informer.error, undefined);
    assert.equal(informer.state, 'watching');
  });

  it('starts the next watch at once when the server ends one normally (timeoutSeconds)', async () => {
    const { transport, informer, timers } = setup();
    transport.lists.push(listOf([], '5'));
    informer.start();
    await informer.ready;
    await settle();
    timers.time += 300_000;
    transport.watches[0].emit({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '77' } } });
    transport.watches[0].end();
    await settle();
    assert.deepEqual(
      transport.watches.map((w) => w.query.resourceVersion),
      ['5', '77'],
    );
    assert.deepEqual(timers.delays, []);
  });

  it('stops watching when stopped', async () => {
    const { transport, informer } = setup();
    transport.lists.push(listOf([], '5'));
    informer.start();
    await informer.ready;
    await settle();
    informer.stop();
    assert.equal(transport.watches[0].stopped, true);
  });
});
