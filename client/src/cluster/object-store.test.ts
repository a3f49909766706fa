import * as assert from 'node:assert/strict';
import { ObjectStore } from './object-store';

const pod = (name: string, rv: string, phase = 'Pending') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'ml', resourceVersion: rv },
  status: { phase },
});

describe('watch events applied to a list', () => {
  it('adds, modifies and deletes objects and follows the resourceVersion', () => {
    const store = new ObjectStore();
    store.replace([pod('a', '10'), pod('b', '11')], '12');
    assert.equal(store.apply({ type: 'ADDED', object: pod('c', '13') }), 'added');
    assert.equal(store.apply({ type: 'MODIFIED', object: pod('a', '14', 'Running') }), 'modified');
    assert.equal(store.apply({ type: 'DELETED', object: pod('b', '15') }), 'deleted');
    assert.deepEqual(
      store
        .items()
        .map((p) => `${p.metadata.name} ${(p.status as { phase: string }).phase}`)
        .sort(),
      ['a Running', 'c Pending'],
    );
    assert.equal(store.resourceVersion, '15');
  });

  it('moves the resourceVersion on a bookmark without changing objects', () => {
    const store = new ObjectStore();
    store.replace([pod('a', '10')], '10');
    const before = store.items();
    assert.equal(store.apply({ type: 'BOOKMARK', object: { kind: 'Pod', metadata: { resourceVersion: '99' } } }), 'bookmark');
    assert.equal(store.resourceVersion, '99');
    assert.equal(store.items(), before, 'the same snapshot: nothing to refresh');
  });

  it('tells a 410 Gone apart from other watch errors', () => {
    const store = new ObjectStore();
    assert.equal(
      store.apply({ type: 'ERROR', object: { kind: 'Status', code: 410, message: 'too old resource version: 5 (10)' } }),
      'expired',
    );
    assert.equal(store.apply({ type: 'ERROR', object: { kind: 'Status', code: 500, message: 'internal error' } }), 'error');
  });

  it('ignores the deletion of an object it never had', () => {
    const store = new ObjectStore();
    assert.equal(store.apply({ type: 'DELETED', object: pod('ghost', '3') }), 'ignored');
  });

  it('replaces its objects on a re-list', () => {
    const store = new ObjectStore();
    store.replace([pod('a', '1'), pod('b', '2')], '2');
    store.replace([pod('b', '5')], '6');
    assert.deepEqual(
      store.items().map((p) => p.metadata.name),
      ['b'],
    );
    assert.equal(store.resourceVersion, '6');
  });
});
