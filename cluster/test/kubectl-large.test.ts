// The `large` scenario: 5,000 pods of a finished sweep, listed by kubectl in pages as it does by
// default (500 per request), and by label.
import * as assert from 'node:assert/strict';
import { SWEEP_NAMESPACE, SWEEP_TRIALS } from '../src/scenario/sweep';
import { startTestCluster, type TestCluster } from './kubectl';

const lines = (text: string) => text.trim().split('\n');

describe('kubectl against the large scenario (5,000 pods)', () => {
  let t: TestCluster;
  before(async () => (t = await startTestCluster('large')));
  after(async () => t.stop());

  it('lists every pod of the sweep in pages of 500, each once', async () => {
    const run = await t.kubectl(['get', 'pods', '-n', SWEEP_NAMESPACE, '-o', 'name', '-v=6']);
    assert.equal(run.code, 0, run.stderr);
    const names = lines(run.stdout);
    assert.equal(names.length, SWEEP_TRIALS);
    assert.equal(new Set(names).size, SWEEP_TRIALS);
    assert.equal(names[0], 'pod/hparam-sweep-0-xxxx0');
    const pages = run.stderr.split('\n').filter((l) => /GET .*\/pods\?/.test(l));
    assert.equal(pages.length, SWEEP_TRIALS / 500);
    assert.ok(pages.slice(1).every((l) => /continue=/.test(l)));
  });

  it('shows the finished Job and selects its pods by label and phase', async () => {
    const job = await t.kubectl(['get', 'job', 'hparam-sweep', '-n', SWEEP_NAMESPACE]);
    assert.deepEqual(lines(job.stdout)[1].split(/\s+/).slice(0, 3), ['hparam-sweep', 'Complete', '5000/5000']);
    const selected = await t.kubectl([
      'get',
      'pods',
      '-n',
      SWEEP_NAMESPACE,
      '-l',
      'batch.kubernetes.io/job-completion-index in (7,4999)',
      '--field-selector',
      'status.phase=Succeeded',
      '-o',
      'name',
    ]);
    // In key order, as etcd lists them.
    assert.deepEqual(
      lines(selected.stdout).map((l) => l.replace(/-[0-9a-z]{5}$/, '')),
      ['pod/hparam-sweep-4999', 'pod/hparam-sweep-7'],
    );
  });
});
