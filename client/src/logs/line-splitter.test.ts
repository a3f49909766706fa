import * as assert from 'node:assert/strict';
import { LineSplitter } from './line-splitter';

describe('line splitter', () => {
  it('gives the lines each chunk completes, keeping a partial line apart', () => {
    const splitter = new LineSplitter();
    assert.deepEqual(splitter.push(Buffer.from('a 1\nb ')), ['a 1']);
    assert.deepEqual(splitter.push(Buffer.from('2\r\n\nc')), ['b 2', '']);
    assert.equal(splitter.partial(), 'c');
  });

  it('decodes a character split between chunks', () => {
    const splitter = new LineSplitter();
    const text = Buffer.from('loss · 2.3\n');
    const cut = text.indexOf(0xc2) + 1;
    assert.deepEqual([...splitter.push(text.subarray(0, cut)), ...splitter.push(text.subarray(cut))], ['loss · 2.3']);
    assert.equal(splitter.partial(), '');
  });
});
