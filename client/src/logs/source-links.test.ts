import * as assert from 'node:assert/strict';
import { sourceLinks } from './source-links';

describe('source links', () => {
  it("links a traceback frame's file and line", () => {
    const text = '  File "/workspace/train.py", line 42, in train_step';
    assert.deepEqual(sourceLinks(text), [{ start: 2, end: 37, path: '/workspace/train.py', line: 42 }]);
    assert.equal(text.slice(2, 37), 'File "/workspace/train.py", line 42');
    assert.deepEqual(sourceLinks('File "train.py", line 7, in <module>'), [{ start: 0, end: 23, path: 'train.py', line: 7 }]);
  });

  it('links every frame of a line, and no frame of a frozen module or of a line without one', () => {
    const text = 'File "a.py", line 1 -> File "pkg/b.py", line 20';
    assert.deepEqual(
      sourceLinks(text)?.map((l) => [text.slice(l.start, l.end), l.path, l.line]),
      [
        ['File "a.py", line 1', 'a.py', 1],
        ['File "pkg/b.py", line 20', 'pkg/b.py', 20],
      ],
    );
    assert.equal(sourceLinks('  File "<frozen runpy>", line 198, in _run_module_as_main'), undefined);
    assert.equal(sourceLinks('step 10/600 loss=2.3'), undefined);
  });
});
