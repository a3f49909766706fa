import * as assert from 'node:assert/strict';
import { ResumeCursor } from './resume-cursor';

/** What a connection shows of the lines it receives (their keys). */
function receive(cursor: ResumeCursor, keys: string[]): string[] {
  cursor.reconnect();
  return keys.filter((key) => cursor.accept(key));
}

describe('resume cursor', () => {
  it('shows every line of a first connection, and asks from the last line after it', () => {
    const cursor = new ResumeCursor();
    assert.equal(cursor.sinceTime(), undefined);
    assert.deepEqual(receive(cursor, ['01.1', '01.2', '01.2']), ['01.1', '01.2', '01.2']);
    assert.equal(cursor.key, '01.2');
  });

  it('drops what a resumed connection repeats from its coarser start, whatever the server rounds to', () => {
    const cursor = new ResumeCursor();
    receive(cursor, ['2025-01-06T09:00:00.900000000Z', '2025-01-06T09:00:01.100000000Z', '2025-01-06T09:00:01.200000000Z']);
    assert.equal(cursor.sinceTime(), '2025-01-06T09:00:01.200000000Z');
    // The server sends from the whole second: 01.1 and 01.2 again, then what is new.
    const again = receive(cursor, ['2025-01-06T09:00:01.100000000Z', '2025-01-06T09:00:01.200000000Z', '2025-01-06T09:00:01.300000000Z']);
    assert.deepEqual(again, ['2025-01-06T09:00:01.300000000Z']);
    assert.equal(cursor.dropped, 2);
  });

  it('counts lines stamped with the same instant: only those not yet shown come again', () => {
    const cursor = new ResumeCursor();
    // Three lines at one instant; the stream broke after the second.
    assert.deepEqual(receive(cursor, ['05', '07', '07']), ['05', '07', '07']);
    const shown = receive(cursor, ['05', '07', '07', '07', '08']);
    assert.deepEqual(shown, ['07', '08'], 'the third line at 07, then 08');
    assert.deepEqual(receive(cursor, ['07', '07', '07', '08', '08']), ['08']);
  });

  it('shows a connection whole after its replayed part, and resumes with nothing shown yet', () => {
    const cursor = new ResumeCursor();
    assert.deepEqual(receive(cursor, []), []);
    assert.deepEqual(receive(cursor, ['03', '04']), ['03', '04']);
    // A clock stepped back inside one connection: the lines are new, shown as they come.
    assert.deepEqual(receive(cursor, ['04', '06', '05', '06']), ['06', '05', '06']);
    assert.equal(cursor.key, '06');
  });
});
