import * as assert from 'node:assert/strict';
import { splitStamp, timeKey } from './timestamp';

describe('log timestamps', () => {
  it('splits the time the server puts before each line from its text', () => {
    assert.deepEqual(splitStamp('2025-01-06T09:00:01.123456789Z step 10/600 loss=2.31'), {
      time: '2025-01-06T09:00:01.123456789Z',
      key: '2025-01-06T09:00:01.123456789Z',
      text: 'step 10/600 loss=2.31',
    });
    assert.deepEqual(splitStamp('2025-01-06T09:00:01Z '), {
      time: '2025-01-06T09:00:01Z',
      key: '2025-01-06T09:00:01.000000000Z',
      text: '',
    });
    assert.equal(splitStamp('step 10/600 without a time'), undefined);
  });

  it('sorts times as they are, though RFC3339Nano drops trailing zeros', () => {
    const times = ['2025-01-06T09:00:01.12Z', '2025-01-06T09:00:01.119999999Z', '2025-01-06T09:00:01Z', '2025-01-06T09:00:00.9Z'];
    const inOrder = ['2025-01-06T09:00:00.9Z', '2025-01-06T09:00:01Z', '2025-01-06T09:00:01.119999999Z', '2025-01-06T09:00:01.12Z'];
    assert.notDeepEqual([...times].sort(), inOrder, 'the strings alone do not sort');
    const keys = times.map((t) => timeKey(t)!);
    assert.deepEqual(
      [...keys].sort().map((k) => times[keys.indexOf(k)]),
      inOrder,
    );
  });

  it('reads an offset as the runtime of a node in another zone writes it', () => {
    assert.equal(timeKey('2025-01-06T11:00:01.5+02:00'), '2025-01-06T09:00:01.500000000Z');
    assert.equal(timeKey('yesterday'), undefined);
  });

  it('keys the usual shape, nine decimals in UTC, as itself', () => {
    const time = '2025-01-06T09:00:01.500000000Z';
    assert.equal(timeKey(time), time);
    assert.equal(timeKey('2025-01-06T09:00:01.5Z'), time);
  });
});
