import * as assert from 'node:assert/strict';
import { LogBuffer } from './log-buffer';
import type { LogEntry } from './log-entry';

const entries = (from: number, count: number): LogEntry[] =>
  Array.from({ length: count }, (_, i) => ({ seq: from + i, kind: 'line', text: `line ${from + i}` }));

describe('the bounded buffer of the view', () => {
  it('keeps the last entries and says how many earlier ones went', () => {
    const buffer = new LogBuffer(1000);
    assert.equal(buffer.append(entries(1, 600)), 0);
    assert.equal(buffer.marker(), undefined);
    assert.equal(buffer.append(entries(601, 600)), 200);
    assert.equal(buffer.size, 1000);
    assert.deepEqual(
      buffer.entries().map((e) => e.seq),
      Array.from({ length: 1000 }, (_, i) => 201 + i),
    );
    assert.deepEqual(buffer.marker(), {
      seq: 0,
      kind: 'notice',
      text: '200 earlier entries dropped: the view keeps the last 1,000 (setting mlinfra.logs.bufferLines)',
    });
  });

  it('keeps only the tail of a batch larger than itself', () => {
    const buffer = new LogBuffer(10);
    buffer.append(entries(1, 5));
    assert.equal(buffer.append(entries(6, 25)), 20);
    assert.deepEqual(
      buffer.entries().map((e) => e.seq),
      Array.from({ length: 10 }, (_, i) => 21 + i),
    );
    assert.equal(buffer.dropped, 20);
  });

  it('holds its size however long a job logs', () => {
    const buffer = new LogBuffer(100_000);
    for (let batch = 0; batch < 100; batch++) buffer.append(entries(batch * 5000 + 1, 5000));
    assert.equal(buffer.size, 100_000);
    assert.equal(buffer.dropped, 400_000);
    assert.equal(buffer.entries()[0].seq, 400_001);
    buffer.clear();
    assert.deepEqual([buffer.size, buffer.marker()], [0, undefined]);
  });
});
