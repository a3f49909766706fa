// Splitting a file into documents: at the markers, with the lines the library gives each
// document, and as many documents as the library counts.
import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { LineIndex } from '../text-lines';
import { splitDocuments } from './yaml-documents';

function texts(text: string): string[] {
  return splitDocuments(text).map(({ start, end }) => text.slice(start, end));
}

const SAMPLES = [
  '',
  '\n\n',
  '# only a comment\n',
  'a: 1',
  'a: 1\n---\nb: 2\n',
  '---\n---\n',
  '---\r\na: 1\r\n---\r\nb: 2\r\n',
  '...\n',
  'a: 1\n...\n...\n',
  '...\na: 1\n',
  '# head\n---\na: 1\n',
  '# head\n\n# more\n---\na: 1\n---\nb: 2\n# tail\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: 1\n...\n%YAML 1.2\n---\nb: 1\n',
  'a: 1\n...\n# after\n',
  'a: 1\n...\nb: 2\n',
  'a: 1\n%YAML 1.2\n---\nb: 1\n',
  '--- # c\na: 1\n--- |\n  text\n',
  '---\ta: 1\n',
  'a: 1\n----\nb: 2\n',
  'a: 1\n---b\n ---\n...x\n',
  'k: [1, 2\n---\nb: 1\n',
  'k: "x\n---\ny"\n',
  'a: 1\rb: 2\n---\nc: 3\n',
];

describe('YAML document splitting', () => {
  it('splits at `---` and `...` lines, keeping whole lines', () => {
    assert.deepEqual(texts('a: 1\n---\nb: 2\n...\nc: 3\n'), ['a: 1\n', '---\nb: 2\n...\n', 'c: 3\n']);
    assert.deepEqual(texts('---\r\na: 1\r\n---\r\nb: 2'), ['---\r\na: 1\r\n', '---\r\nb: 2']);
  });

  it('gives comments and directives before a `---` to the document it starts, and those after the last to it', () => {
    assert.deepEqual(texts('# head\n%YAML 1.2\n---\na: 1\n---\nb: 2\n# tail\n'), ['# head\n%YAML 1.2\n---\na: 1\n', '---\nb: 2\n# tail\n']);
    assert.deepEqual(texts('a: 1\n...\n# between\n---\nb: 2\n...\n# tail\n'), ['a: 1\n...\n', '# between\n---\nb: 2\n...\n# tail\n']);
  });

  it('finds no document in a file of comments and blank lines', () => {
    assert.deepEqual(texts(''), []);
    assert.deepEqual(texts('# a comment\n\n  # another\n'), []);
  });

  it('does not split at lines that only look like markers', () => {
    assert.deepEqual(texts('a: 1\n----\n---b\n ---\n...x\n'), ['a: 1\n----\n---b\n ---\n...x\n']);
  });

  it('counts as many documents as the library', () => {
    const counts = SAMPLES.map((text) => [text, splitDocuments(text).length]);
    assert.deepEqual(
      counts,
      SAMPLES.map((text) => [text, parseAllDocuments(text).length]),
    );
  });

  it('covers the file with contiguous chunks starting at the lines LineIndex gives', () => {
    for (const text of SAMPLES) {
      const chunks = splitDocuments(text);
      if (chunks.length === 0) continue;
      const lines = new LineIndex(text);
      assert.equal(chunks[0].start, 0, JSON.stringify(text));
      assert.equal(chunks[chunks.length - 1].end, text.length, JSON.stringify(text));
      chunks.forEach((chunk, i) => {
        if (i > 0) assert.equal(chunk.start, chunks[i - 1].end, JSON.stringify(text));
        assert.equal(chunk.startLine, lines.positionAt(chunk.start).line, JSON.stringify(text));
        assert.equal(lines.positionAt(chunk.start).character, 0, JSON.stringify(text));
      });
    }
  });
});
