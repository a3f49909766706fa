import * as assert from 'node:assert/strict';
import { lineEntry } from './line-entry';

const source = { pod: 'bert-master-0', container: 'pytorch', tag: { role: 'master', tag: 'master-0' } };

describe('line entries', () => {
  it('tags a line with its pod, container, role and time', () => {
    assert.deepEqual(lineEntry(source, 'step 10/600 loss=2.31', '2025-01-06T09:00:01.5Z'), {
      kind: 'line',
      pod: 'bert-master-0',
      container: 'pytorch',
      tag: 'master-0',
      role: 'master',
      text: 'step 10/600 loss=2.31',
      time: '2025-01-06T09:00:01.5Z',
    });
  });

  it('marks a known failure as an error, and links a traceback frame', () => {
    const failure = lineEntry(source, 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB.');
    assert.deepEqual([failure.level, failure.failure], ['error', { id: 'cuda-oom', title: 'CUDA out of memory' }]);
    const frame = lineEntry(source, '  File "/workspace/train.py", line 36, in train_step');
    assert.deepEqual(frame.links, [{ start: 2, end: 37, path: '/workspace/train.py', line: 36 }]);
    assert.equal(frame.level, undefined);
  });
});
