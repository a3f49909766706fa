// Folding of Triton configs: blocks that span lines fold up to their closing bracket's line, runs
// of comment lines fold as comments, and YAML is left to the editor's indentation folding.
import * as assert from 'node:assert/strict';
import { sharedService } from '../../../../test/harness/cursor';
import { fixture } from '../../../../test/harness/fixture';
import { DENSENET_CONFIG } from '../../../../test/harness/pbtxt';

const uri = 'file:///repo/densenet_onnx/config.pbtxt';

/** Each fold as `first line … last hidden line` (1-based), so a failure reads like the file. */
function folds(text: string): string[] {
  const ranges = sharedService().folding({ uri, text });
  assert.ok(ranges);
  return ranges.map((range) => `${range.startLine + 1}-${range.endLine + 1}${range.kind ? ` ${range.kind}` : ''}`);
}

describe('Triton folding', () => {
  it('folds every message and list over several lines, keeping the closing line visible', () => {
    // input [ 5-12, its message 6-11; output 14-20, 15-19; instance_group 22-28, 23-26; dynamic_batching 30-33.
    assert.deepEqual(folds(DENSENET_CONFIG), ['5-12', '6-11', '14-20', '15-19', '22-28', '23-26', '30-33']);
  });

  it('folds runs of comment lines, not lone comments nor comments after a field', () => {
    const text = fixture`
      # DenseNet
      # from the quick start
      name: "densenet_onnx" # the folder's name
      # one line alone
      max_batch_size: 8
      input <
        # the image,
        # normalised
        name: "data_0"
      >
    `;
    assert.deepEqual(folds(text), ['1-2 comment', '6-9', '7-8 comment']);
  });

  it('keeps one fold per line: the list where a list and its first message open together', () => {
    const text = fixture`
      instance_group [ {
        kind: KIND_GPU
      } ]
      dims: [ 1,
        2 ]
    `;
    assert.deepEqual(folds(text), ['1-2']);
  });

  it('folds an unclosed block to its last line', () => {
    assert.deepEqual(folds('input {\n  name: "x"\n  dims: [ 1 ]\n'), ['1-3']);
  });

  it('leaves YAML to the editor', () => {
    assert.equal(sharedService().folding({ uri: 'file:///k8s/job.yaml', text: 'a:\n  b: 1\n' }), undefined);
  });
});
