import * as assert from 'node:assert/strict';
import type { ResponseStream } from '../cluster/kube-api';
import { readVerified } from './verified-stream';

/** A body of chunks that may break after them. */
function body(chunks: string[], error?: Error): ResponseStream & { cancelled: boolean } {
  const stream = {
    status: 200,
    contentType: 'text/plain',
    cancelled: false,
    closed: Promise.resolve(),
    cancel() {
      stream.cancelled = true;
    },
    async *[Symbol.asyncIterator]() {
      for (const chunk of chunks) {
        if (stream.cancelled) return;
        yield Buffer.from(chunk);
      }
      if (error) throw error;
    },
  };
  return stream;
}

describe('a log answer read once verified', () => {
  it('keeps what arrives before the check, and reads it after, in order', async () => {
    const lines: string[] = [];
    let begun = 0;
    const check = new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 20));
    const read = await readVerified(
      body(['a 1\nb ', '2\nc']),
      check,
      () => begun++,
      (l) => lines.push(l),
    );
    assert.deepEqual([read.verified, read.error, read.partial, begun], [true, undefined, 'c', 1]);
    assert.deepEqual(lines, ['a 1', 'b 2']);
  });

  it('reads the lines that came before a connection dropped, then gives the error', async () => {
    const lines: string[] = [];
    const dropped = new Error('aborted');
    const read = await readVerified(
      body(['a 1\nb 2\nc'], dropped),
      new Promise((r) => setTimeout(() => r(true), 10)),
      () => {},
      (l) => lines.push(l),
    );
    assert.deepEqual([read.verified, read.error, lines], [true, dropped, ['a 1', 'b 2']]);
  });

  it('reads nothing of an answer for another run, and closes it', async () => {
    const lines: string[] = [];
    const stream = body(['a 1\n', 'b 2\n']);
    const read = await readVerified(
      stream,
      Promise.resolve(false),
      () => assert.fail('not begun'),
      (l) => lines.push(l),
    );
    assert.deepEqual([read.verified, read.partial, lines, stream.cancelled], [false, '', [], true]);
  });
});
