import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FAILURE_PATTERNS, matchFailure, QUICK_CHECK } from './index';
import { rulePage } from './failure-pattern';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');

describe('failure patterns', () => {
  it('lists one pattern per file, its id the file name', () => {
    const files = readdirSync(join(ROOT, 'client/src/logs/failures'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && f !== 'failure-pattern.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    assert.deepEqual(FAILURE_PATTERNS.map((p) => p.id).sort(), files);
  });

  it('recognises each of its examples as itself, through the quick check', () => {
    for (const pattern of FAILURE_PATTERNS) {
      assert.ok(pattern.examples.length >= 2 || pattern.id === 'child-failed', `${pattern.id} has examples`);
      for (const line of pattern.examples) {
        assert.ok(QUICK_CHECK.test(line), `the quick check lets "${line}" through`);
        assert.equal(matchFailure(line)?.id, pattern.id, line);
      }
    }
  });

  it('links the rules that explain a cause to their pages', () => {
    const linked = FAILURE_PATTERNS.flatMap((p) => (p.rule ? [[p.id, p.rule]] : []));
    assert.deepEqual(linked, [
      ['nccl-shm', 'gpu/shm-missing'],
      ['shm-bus-error', 'gpu/shm-missing'],
      ['invalid-device-ordinal', 'gpu/nproc-per-node'],
      ['no-gpu', 'gpu/cuda-image-without-gpu'],
    ]);
    for (const [, rule] of linked) assert.ok(existsSync(join(ROOT, rulePage(rule))), rulePage(rule));
    assert.deepEqual(matchFailure('Bus error (core dumped)'), {
      id: 'shm-bus-error',
      title: 'Bus error: /dev/shm too small',
      rule: { id: 'gpu/shm-missing', page: 'docs/rules/gpu/shm-missing.md' },
    });
  });

  it('leaves ordinary training lines alone', () => {
    for (const line of [
      'step 120/1000 loss=2.314 lr=3.0e-4 throughput=1843 samples/s',
      '[rank0]: Using 8 x CUDA device(s); batch_size=32 grad_accum=4 precision=bf16',
      'NCCL INFO Bootstrap : Using eth0:10.244.1.12<0>',
      'NCCL INFO Channel 00/32 :    0   1   2   3   4   5   6   7',
      'Epoch 3: validation accuracy 0.912, killing time until the next checkpoint',
      'java.lang.OutOfMemoryError: Java heap space',
      'Saved checkpoint to /checkpoints/step-600',
    ])
      assert.equal(matchFailure(line), undefined, line);
  });

  it('names the specific failure before the general one', () => {
    assert.equal(
      matchFailure('include/shm.h:48 NCCL WARN Error while creating shared memory segment /dev/shm/nccl-x (size 9637888)')?.id,
      'nccl-shm',
    );
    assert.equal(
      matchFailure('[E ProcessGroupNCCL.cpp:1316] Watchdog caught collective operation timeout: NCCL error')?.id,
      'nccl-timeout',
    );
  });
});
