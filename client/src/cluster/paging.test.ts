import * as assert from 'node:assert/strict';
import { ClusterError } from './errors';
import { listAllPages, type KubeObject, type ListPage, type ListQuery } from './paging';

function pods(count: number): KubeObject[] {
  return Array.from({ length: count }, (_, i) => ({
    metadata: { name: `pod-${String(i).padStart(4, '0')}`, namespace: 'ml', uid: `u${i}` },
  }));
}

/** A server that pages `items` like the API server: `continue` names the last key answered. */
function pagingServer(items: KubeObject[], resourceVersion: string, expireOnce?: string) {
  const queries: ListQuery[] = [];
  let expired = false;
  const fetchPage = async (query: ListQuery): Promise<ListPage> => {
    queries.push(query);
    if (query.continue && query.continue === expireOnce && !expired) {
      expired = true;
      throw new ClusterError('The provided continue parameter is too old to display a consistent list result.', 'expired', 410);
    }
    const start = query.continue ? Number(query.continue) : 0;
    const page = items.slice(start, start + query.limit);
    const next = start + query.limit < items.length ? String(start + query.limit) : undefined;
    return { items: page, metadata: { resourceVersion, ...(next ? { continue: next } : {}) } };
  };
  return { fetchPage, queries };
}

describe('paging', () => {
  it('lists 5,000 pods in ten pages of 500 and keeps them all, in order', async () => {
    const all = pods(5000);
    const server = pagingServer(all, '8123');
    const result = await listAllPages(server.fetchPage);
    assert.equal(result.items.length, 5000);
    assert.equal(result.pages, 10);
    assert.equal(result.resourceVersion, '8123');
    assert.deepEqual(
      server.queries.map((q) => q.limit),
      Array(10).fill(500),
    );
    assert.deepEqual(
      server.queries.map((q) => q.continue),
      [undefined, '500', '1000', '1500', '2000', '2500', '3000', '3500', '4000', '4500'],
    );
    assert.equal(new Set(result.items.map((p) => p.metadata.name)).size, 5000);
    assert.equal(result.items[4999].metadata.name, 'pod-4999');
  });

  it('answers a small list in one page', async () => {
    const server = pagingServer(pods(3), '7');
    const result = await listAllPages(server.fetchPage);
    assert.deepEqual([result.items.length, result.pages, server.queries.length], [3, 1, 1]);
  });

  it('starts over when a continue token has expired (410)', async () => {
    const server = pagingServer(pods(1200), '9', '1000');
    const result = await listAllPages(server.fetchPage);
    assert.equal(result.items.length, 1200);
    assert.deepEqual(
      server.queries.map((q) => q.continue),
      [undefined, '500', '1000', undefined, '500', '1000'],
    );
  });

  it('reports an error of the first page, such as a 403', async () => {
    const forbidden = new ClusterError(
      'pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "secret-ns"',
      'forbidden',
      403,
    );
    await assert.rejects(
      listAllPages(async () => Promise.reject(forbidden)),
      forbidden,
    );
  });
});
