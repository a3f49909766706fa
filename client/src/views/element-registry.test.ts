import * as assert from 'node:assert/strict';
import { ElementRegistry } from './element-registry';
import { RefreshBatcher, type BatchTimers } from './refresh-batcher';

describe('tree elements and refreshes', () => {
  it('keeps the same object for the same id, updated, and forgets rows that went away', () => {
    const registry = new ElementRegistry<{ id: string; label: string; description?: string }>();
    const [pod] = registry.update('pods', [{ id: 'pods/a', label: 'a', description: 'Pending' }]);
    registry.update('pods/a', [{ id: 'pods/a/c', label: 'c' }]);
    const [again] = registry.update('pods', [
      { id: 'pods/a', label: 'a' },
      { id: 'pods/b', label: 'b' },
    ]);
    assert.equal(again, pod);
    assert.equal('description' in again, false);
    registry.update('pods', [{ id: 'pods/b', label: 'b' }]);
    assert.equal(registry.get('pods/a'), undefined);
    assert.equal(registry.get('pods/a/c'), undefined);
    assert.equal(registry.size, 1);
  });

  it('fires one refresh per row for a burst of changes, or one for the whole tree', () => {
    let due: (() => void) | undefined;
    const timers: BatchTimers = { setTimeout: (fn) => (due = fn), clearTimeout: () => (due = undefined) };
    const fired: Array<string | undefined> = [];
    const batcher = new RefreshBatcher<string>((e) => fired.push(e), 200, timers);
    for (let i = 0; i < 64; i++) batcher.request(i % 2 ? 'pods' : 'training');
    assert.deepEqual(fired, []);
    due!();
    assert.deepEqual(fired, ['training', 'pods']);
    batcher.request('pods');
    batcher.request(undefined);
    due!();
    assert.deepEqual(fired, ['training', 'pods', undefined]);
  });

  it('holds refreshes while rows are being fetched', () => {
    let due: (() => void) | undefined;
    const timers: BatchTimers = { setTimeout: (fn) => (due = fn), clearTimeout: () => (due = undefined) };
    const fired: Array<string | undefined> = [];
    let busy = true;
    const batcher = new RefreshBatcher<string>(
      (e) => fired.push(e),
      200,
      timers,
      () => busy,
    );
    batcher.request('namespace');
    due!();
    assert.deepEqual(fired, [], 'held while a fetch is under way');
    busy = false;
    due!();
    assert.deepEqual(fired, ['namespace']);
  });
});
