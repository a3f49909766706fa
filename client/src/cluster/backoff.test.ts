import * as assert from 'node:assert/strict';
import { Backoff } from './backoff';

describe('backoff', () => {
  it('doubles from 1 s up to 30 s, and starts over after a success', () => {
    const backoff = new Backoff({ random: () => 0 });
    assert.deepEqual(
      Array.from({ length: 8 }, () => backoff.next()),
      [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000],
    );
    backoff.reset();
    assert.equal(backoff.next(), 1000);
  });

  it('takes up to a fifth off each delay at random', () => {
    assert.deepEqual(
      [0, 0.5, 1].map((r) => new Backoff({ random: () => r }).next()),
      [1000, 900, 800],
    );
  });
});
