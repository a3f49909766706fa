// What the webview draws, without a DOM: a bounded buffer that says how much it dropped, the
// rows a filter lets through (updated per batch, never by walking the buffer), the failures with
// counts and the first still held, and the rows a viewport shows.
import * as assert from 'node:assert/strict';
import type { LogEntry } from '../log-entry';
import { NO_FILTER } from './log-filter';
import { LogViewModel, visibleRows } from './log-view-model';

let seq = 0;
function line(tag: string, text: string, extra: Partial<LogEntry> = {}): LogEntry {
  const role = tag.replace(/-\d+$/, '');
  return { seq: seq++, kind: 'line', tag, role, pod: `job-${tag}`, container: 'pytorch', text, ...extra };
}
const oom = { id: 'cuda-oom', title: 'CUDA out of memory' };
const texts = (model: LogViewModel) => Array.from({ length: model.rowCount }, (_, row) => model.entryAt(row)!.text);

describe('logs view model', () => {
  it('keeps at most its limit, dropping the oldest, and counts what it dropped', () => {
    const model = new LogViewModel(3);
    model.append([line('worker-0', 'a'), line('worker-0', 'b')]);
    const { removedRows } = model.append([line('worker-0', 'c'), line('worker-0', 'd'), line('worker-0', 'e')]);
    assert.equal(removedRows, 2);
    assert.deepEqual(texts(model), ['c', 'd', 'e']);
    assert.equal(model.buffer.dropped, 2);
    assert.equal(model.buffer.at(0), undefined);
    assert.equal(model.buffer.at(2)?.text, 'c');
  });

  it('holds no more than its limit however many batches come', () => {
    const model = new LogViewModel(1000);
    for (let batch = 0; batch < 200; batch++) model.append(Array.from({ length: 100 }, (_, i) => line(`worker-${i % 4}`, `${batch}:${i}`)));
    assert.equal(model.buffer.size, 1000);
    assert.equal(model.rowCount, 1000);
    assert.equal(model.buffer.dropped, 19000);
    assert.equal(model.entryAt(0)?.text, '190:0');
    assert.equal(model.entryAt(999)?.text, '199:99');
  });

  it('filters by role, pod, events and text; notices and errors always show', () => {
    const model = new LogViewModel(100);
    model.append([
      line('master-0', 'step 10 loss=2.1'),
      line('worker-0', 'step 10 loss=2.2'),
      line('worker-1', 'NCCL WARN timeout'),
      { seq: seq++, kind: 'event', pod: 'job-worker-1', tag: 'worker-1', role: 'worker', text: 'Pulled: image pulled' },
      { seq: seq++, kind: 'notice', text: 'resumed after a dropped connection' },
      { seq: seq++, kind: 'error', pod: 'job-worker-2', text: 'container "pytorch" is waiting to start' },
    ]);
    assert.deepEqual([...model.roles], ['master', 'worker']);
    model.setFilter({ ...NO_FILTER, roles: ['worker'] });
    assert.deepEqual(texts(model), [
      'step 10 loss=2.2',
      'NCCL WARN timeout',
      'Pulled: image pulled',
      'resumed after a dropped connection',
      'container "pytorch" is waiting to start',
    ]);
    model.setFilter({ ...NO_FILTER, roles: ['worker'], events: false, text: 'nccl' });
    assert.deepEqual(texts(model), ['NCCL WARN timeout', 'resumed after a dropped connection', 'container "pytorch" is waiting to start']);
    model.setFilter({ ...NO_FILTER, pods: ['job-master-0'], text: '/loss=2\\.\\d/' });
    assert.deepEqual(texts(model).slice(0, 1), ['step 10 loss=2.1']);
    model.setFilter({ ...NO_FILTER, text: 'master-0 step' });
    assert.deepEqual(texts(model).slice(0, 1), ['step 10 loss=2.1'], 'the tag is part of what the text matches');
    model.append([line('master-0', 'step 20 loss=1.9'), line('worker-0', 'step 20 loss=2.0')]);
    assert.deepEqual(
      texts(model),
      ['step 10 loss=2.1', 'resumed after a dropped connection', 'container "pytorch" is waiting to start', 'step 20 loss=1.9'],
      'a batch is filtered as it comes',
    );
    model.setFilter({ ...NO_FILTER, text: '/[unclosed/' });
    assert.equal(model.rowCount, model.buffer.size, 'a pattern that does not compile yet hides nothing');
  });

  it('counts failures, jumps to the first one held, and finds its row under a filter', () => {
    const model = new LogViewModel(4);
    model.append([line('worker-0', 'ok'), line('worker-1', 'CUDA out of memory', { failure: oom })]);
    model.append([line('worker-0', 'ok'), line('worker-1', 'CUDA out of memory again', { failure: oom })]);
    assert.deepEqual(model.failures.list(), [{ id: 'cuda-oom', title: 'CUDA out of memory', rule: undefined, count: 2, first: 1 }]);
    model.setFilter({ ...NO_FILTER, roles: ['worker'], text: 'cuda' });
    assert.equal(model.rowOf(1), 0);
    assert.equal(model.rowOf(3), 1);
    assert.equal(model.rowOf(0), undefined, 'hidden by the filter');
    model.append([line('worker-0', 'x'), line('worker-0', 'y')]);
    assert.deepEqual(
      model.failures.list().map((f) => [f.count, f.first]),
      [[2, 3]],
      'the first was dropped: the jump goes to the next',
    );
    model.append([line('worker-0', 'z'), line('worker-0', 'w')]);
    assert.deepEqual(
      model.failures.list().map((f) => [f.count, f.first]),
      [[2, undefined]],
    );
  });

  it('shows the rows of a viewport and a few around it', () => {
    assert.deepEqual(visibleRows(0, 180, 18, 1000), { first: 0, last: 20 });
    assert.deepEqual(visibleRows(1800, 180, 18, 1000), { first: 90, last: 120 });
    assert.deepEqual(visibleRows(17900, 180, 18, 1000), { first: 984, last: 1000 });
    assert.deepEqual(visibleRows(0, 180, 18, 0), { first: 0, last: 0 });
  });
});
