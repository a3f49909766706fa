import * as assert from 'node:assert/strict';
import { Merger } from './merger';

const line = (tag: string, text: string) => ({ kind: 'line' as const, tag, text });
const texts = (entries: Array<{ tag?: string; text: string }>) => entries.map((e) => `${e.tag} ${e.text}`);

describe('merging sources in time order', () => {
  it('orders the lines of many containers by their times once they have waited the hold-back', () => {
    const merger = new Merger();
    merger.add('w0', '09:00:01', line('worker-0', 'a'), 0);
    merger.add('w0', '09:00:03', line('worker-0', 'c'), 0);
    merger.add('w1', '09:00:02', line('worker-1', 'b'), 50);
    merger.add('m0', '09:00:00', line('master-0', 'z'), 100);
    assert.deepEqual(merger.release(200, 300), [], 'nothing has waited 300 ms');
    assert.deepEqual(
      texts(merger.release(300, 300)),
      ['master-0 z', 'worker-0 a', 'worker-1 b', 'worker-0 c'],
      'earlier entries come along',
    );
    assert.equal(merger.size, 0);
  });

  it('holds a later entry of a source back while an earlier one of another has not waited long enough', () => {
    const merger = new Merger();
    merger.add('w0', '05', line('worker-0', 'late'), 0);
    merger.add('w1', '07', line('worker-1', 'fresh'), 250);
    assert.deepEqual(texts(merger.release(300, 300)), ['worker-0 late']);
    merger.add('w0', '06', line('worker-0', 'on time'), 400);
    assert.deepEqual(
      texts(merger.release(560, 300)),
      ['worker-0 on time', 'worker-1 fresh'],
      'the earlier key first, though it came later',
    );
  });

  it("never reorders one source's entries, whatever their keys", () => {
    const merger = new Merger();
    merger.add('w0', '09', line('worker-0', 'first'), 0);
    merger.add('w0', '08', line('worker-0', 'second'), 0);
    merger.add('w1', '085', line('worker-1', 'other'), 0);
    assert.deepEqual(texts(merger.release(1000, 300)), ['worker-1 other', 'worker-0 first', 'worker-0 second']);
  });

  it('lets a straggler out as it comes, and everything out at the end', () => {
    const merger = new Merger();
    merger.add('w0', '10', line('worker-0', 'shown'), 0);
    assert.equal(merger.release(300, 300).length, 1);
    merger.add('w1', '05', line('worker-1', 'straggler'), 310);
    merger.add('w0', '11', line('worker-0', 'last'), 320);
    assert.equal(merger.firstArrival(), 310);
    assert.deepEqual(texts(merger.release(320, 300, true)), ['worker-1 straggler', 'worker-0 last']);
    assert.equal(merger.firstArrival(), undefined);
  });

  it('merges a large release in runs from each source', () => {
    const merger = new Merger();
    for (let i = 0; i < 3000; i++) merger.add(`s${i % 3}`, String(100000 + i), line(`s${i % 3}`, String(i)), 0);
    const out = merger.release(1000, 300).map((e) => Number(e.text));
    assert.deepEqual(
      out,
      Array.from({ length: 3000 }, (_, i) => i),
    );
  });
});
