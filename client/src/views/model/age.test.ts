import * as assert from 'node:assert/strict';
import { formatAge, humanDuration } from './age';

describe('age as kubectl prints it', () => {
  it('rounds like kubectl', () => {
    const s = 1000;
    const cases: Array<[number, string]> = [
      [-5 * s, '<invalid>'],
      [45 * s, '45s'],
      [119 * s, '119s'],
      [310 * s, '5m10s'],
      [600 * s, '10m'],
      [179 * 60 * s, '179m'],
      [3 * 3600 * s, '3h'],
      [(5 * 3600 + 20 * 60) * s, '5h20m'],
      [30 * 3600 * s, '30h'],
      [(2 * 24 + 4) * 3600 * s, '2d4h'],
      [400 * 86400 * s, '400d'],
      [(3 * 365 + 10) * 86400 * s, '3y10d'],
      [9 * 365 * 86400 * s, '9y'],
    ];
    assert.deepEqual(
      cases.map(([ms]) => humanDuration(ms)),
      cases.map(([, text]) => text),
    );
  });

  it('reads creation timestamps', () => {
    assert.equal(formatAge('2025-01-06T09:00:00Z', Date.parse('2025-01-06T09:05:10Z')), '5m10s');
    assert.equal(formatAge(undefined, 0), '');
  });
});
