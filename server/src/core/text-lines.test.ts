// Offset <-> position conversion, the one place that does it.
import * as assert from 'node:assert/strict';
import { LineIndex } from './text-lines';

describe('LineIndex', () => {
  it('converts offsets to positions and back over LF, CRLF and CR line ends', () => {
    const lines = new LineIndex('ab\ncd\r\nef\rgh');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(10), { line: 3, character: 0 });
    assert.equal(lines.offsetAt({ line: 2, character: 1 }), 8);
    assert.deepEqual(
      ['ab', 'cd', 'ef', 'gh'],
      [0, 1, 2, 3].map((line) => lines.lineText(line)),
    );
  });

  it('clamps positions outside the text', () => {
    const lines = new LineIndex('ab\ncd');
    assert.deepEqual(lines.positionAt(-4), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 5);
  });

  it('counts UTF-16 code units, as LSP does by default', () => {
    const lines = new LineIndex('a: "😀"\nb: 1');
    assert.deepEqual(lines.positionAt(lines.text.indexOf('b')), { line: 1, character: 0 });
    assert.equal(lines.lineText(0).length, 7);
  });

  it('makes ranges from offsets', () => {
    assert.deepEqual(new LineIndex('a: 1\nbb: 2\n').range(5, 7), {
      start: { line: 1, character: 0 },
      end: { line: 1, character: 2 },
    });
  });
});
