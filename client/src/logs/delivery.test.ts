import * as assert from 'node:assert/strict';
import { ManualTimers } from '../../../test/harness/manual-timers';
import { Delivery } from './delivery';
import type { LogEntry, LogSessionListener } from './log-entry';

function setUp(maxHeld = 1000) {
  const timers = new ManualTimers();
  const batches: Array<{ at: number; entries: LogEntry[] }> = [];
  const listener: LogSessionListener = { onEntries: (batch) => batches.push({ at: timers.now(), entries: [...batch] }), onState: () => {} };
  const delivery = new Delivery(listener, { timers, batchMs: 250, holdBackMs: 300, maxHeld });
  return { timers, batches, delivery };
}

const add = (delivery: Delivery, i: number) => delivery.add(`s${i % 4}`, String(1000000 + i), { kind: 'line', text: `line ${i}` });

describe('delivery in batches', () => {
  it('delivers four batches a second at most, whatever the rate, numbered in order', () => {
    const { timers, batches, delivery } = setUp();
    delivery.warmedUp();
    // 10,000 lines a second for two seconds, a line every 0.1 ms.
    for (let i = 0; i < 20000; i++) {
      add(delivery, i);
      if (i % 10 === 9) timers.advance(1);
    }
    timers.advance(1000);
    assert.ok(batches.length <= 2 * 4 + 3, `${batches.length} batches`);
    const gaps = batches.slice(1).map((b, i) => b.at - batches[i].at);
    assert.ok(
      gaps.every((gap) => gap >= 250),
      `gaps ${gaps.join(', ')}`,
    );
    const all = batches.flatMap((b) => b.entries);
    assert.deepEqual(
      all.map((e) => e.seq),
      all.map((_, i) => i + 1),
    );
    assert.deepEqual(
      all.map((e) => e.text),
      all.map((_, i) => `line ${i}`),
    );
  });

  it('sends a lone line once it has waited the hold-back', () => {
    const { timers, batches, delivery } = setUp();
    delivery.warmedUp();
    timers.advance(5000);
    add(delivery, 1);
    timers.advance(299);
    assert.equal(batches.length, 0);
    timers.advance(1);
    assert.deepEqual(
      batches.map((b) => [b.at, b.entries.length]),
      [[5300, 1]],
    );
  });

  it('holds everything during the warm-up, then merges it as one', () => {
    const { timers, batches, delivery } = setUp();
    add(delivery, 3);
    add(delivery, 1);
    timers.advance(2000);
    assert.equal(batches.length, 0);
    add(delivery, 2);
    delivery.warmedUp();
    timers.advance(300);
    assert.deepEqual(
      batches.flatMap((b) => b.entries.map((e) => e.text)),
      ['line 1', 'line 2', 'line 3'],
    );
  });

  it('holds entries while paused, at most maxHeld, and delivers them at once on resume with what was dropped', () => {
    const { timers, batches, delivery } = setUp(100);
    delivery.warmedUp();
    delivery.pause();
    for (let i = 0; i < 250; i++) add(delivery, i);
    timers.advance(1000);
    assert.equal(batches.length, 0);
    assert.equal(delivery.waiting, 100);
    delivery.resume();
    assert.equal(batches.length, 1);
    const texts = batches[0].entries.map((e) => e.text);
    assert.equal(texts[0], '150 earlier entries were dropped while paused');
    assert.deepEqual(
      texts.slice(1),
      Array.from({ length: 100 }, (_, i) => `line ${150 + i}`),
    );
    assert.equal(batches[0].entries[0].kind, 'notice');
  });

  it('keeps delivering after a view that threw on a batch', () => {
    const timers = new ManualTimers();
    const seen: string[] = [];
    const listener = {
      onEntries: (batch: readonly LogEntry[]) => {
        seen.push(...batch.map((e) => e.text));
        if (seen.length === 1) throw new Error('the view failed');
      },
      onState: () => {},
    };
    const delivery = new Delivery(listener, { timers, batchMs: 250, holdBackMs: 300, maxHeld: 10 });
    delivery.warmedUp();
    add(delivery, 1);
    assert.throws(() => timers.advance(300), /the view failed/);
    add(delivery, 2);
    timers.advance(600);
    assert.deepEqual(seen, ['line 1', 'line 2']);
  });

  it('drains what waits at the end in the next batch, and sends nothing once closed', () => {
    const { timers, batches, delivery } = setUp();
    delivery.warmedUp();
    add(delivery, 0);
    timers.advance(300);
    add(delivery, 1);
    let drained = 0;
    delivery.drain(() => drained++);
    timers.advance(249);
    assert.deepEqual([batches.length, drained], [1, 0], 'not two batches in 250 ms');
    timers.advance(1);
    assert.equal(drained, 1);
    assert.deepEqual(
      batches.map((b) => [b.at, b.entries.map((e) => e.text)]),
      [
        [300, ['line 0']],
        [550, ['line 1']],
      ],
    );
    add(delivery, 2);
    delivery.close();
    timers.advance(1000);
    assert.equal(batches.length, 2);
    assert.equal(timers.count, 0);
  });
});
