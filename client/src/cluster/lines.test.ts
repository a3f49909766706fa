import * as assert from 'node:assert/strict';
import { lines } from './lines';

async function* chunks(...parts: Array<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part;
}

async function all(source: AsyncIterable<string>): Promise<string[]> {
  const result: string[] = [];
  for await (const line of source) result.push(line);
  return result;
}

describe('lines of a streamed body', () => {
  it('splits at newlines across chunks, and gives a last line without one', async () => {
    const body = chunks('epoch 1 loss 2.3', '1\nepoch 2', ' loss 1.9\r\n\nlast');
    assert.deepEqual(await all(lines(body)), ['epoch 1 loss 2.31', 'epoch 2 loss 1.9', '', 'last']);
  });

  it('decodes a character split between two chunks', async () => {
    const text = Buffer.from('step 3 · 512 it/s\n');
    const cut = text.indexOf(0xc2) + 1;
    assert.deepEqual(await all(lines(chunks(text.subarray(0, cut), text.subarray(cut)))), ['step 3 · 512 it/s']);
  });

  it('stops the body when the reader stops', async () => {
    let stopped = false;
    async function* body(): AsyncGenerator<Uint8Array> {
      try {
        for (;;) yield Buffer.from('tick\n');
      } finally {
        stopped = true;
      }
    }
    for await (const line of lines(body())) if (line === 'tick') break;
    assert.equal(stopped, true);
  });
});
