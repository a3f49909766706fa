// What the demo cluster's failing runs print (cluster/src/sim/failure-output.ts) is what the log view
// recognises: each failure by its pattern, and the traceback's frame in the demo workspace's script
// at the line that fails.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { failureLines } from '../../../../cluster/src/sim/failure-output';
import { sourceLinks } from '../source-links';
import { matchFailure } from './index';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');
const recognised = (lines: Array<{ text: string }>) => lines.map((l) => matchFailure(l.text)?.id).filter(Boolean);

describe("the demo cluster's failures", () => {
  const torch = { name: 'pytorch', image: 'nvcr.io/nvidia/pytorch:24.08-py3', command: ['torchrun', '--nproc_per_node=8', 'finetune.py'] };

  it('are recognised: CUDA out of memory in PyTorch and TensorFlow, an NCCL timeout, a bus error', () => {
    assert.deepEqual(recognised(failureLines(undefined, torch, 0, 0)), ['cuda-oom']);
    assert.deepEqual(recognised(failureLines('nccl-timeout', torch, 3, 0)), ['nccl-timeout', 'nccl-timeout', 'child-failed']);
    assert.deepEqual(recognised(failureLines('shm-bus-error', torch, 0, 0)), ['shm-bus-error', 'shm-bus-error']);
    const tensorflow = { name: 'tensorflow', image: 'tensorflow/tensorflow:2.17.0-gpu', command: ['python', 'resnet50.py'] };
    assert.deepEqual(recognised(failureLines(undefined, tensorflow, 1, 0)), ['cuda-oom']);
  });

  it("link the TFJob's traceback to the demo workspace's resnet50.py, at the line that runs out of memory", () => {
    const tensorflow = {
      name: 'tensorflow',
      image: 'tensorflow/tensorflow:2.17.0-gpu',
      command: ['python', 'resnet50.py', '--batch-size=1024'],
    };
    const links = failureLines(undefined, tensorflow, 1, 0).flatMap((l) => sourceLinks(l.text) ?? []);
    assert.deepEqual(links[0], { start: 2, end: 40, path: '/workspace/resnet50.py', line: 41 });
    const script = readFileSync(join(ROOT, 'examples', 'training', 'resnet50.py'), 'utf8').split('\n');
    assert.equal(script[40], 'model.fit(train_ds, epochs=args.epochs, steps_per_epoch=steps_per_epoch)');
    assert.equal(failureLines(undefined, tensorflow, 1, 0)[2].text.trim(), script[40]);
  });
});
