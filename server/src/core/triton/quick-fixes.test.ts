// Quick fixes of Triton configs: each mechanical mistake, the fix offered at the cursor (`$0`),
// and the exact text once it is applied.
import * as assert from 'node:assert/strict';
import { sharedService } from '../../../../test/harness/cursor';
import { applyFix, codeActionsAt } from '../../../../test/harness/fixes';
import { fixture } from '../../../../test/harness/fixture';

const uri = 'file:///repo/detector/config.pbtxt';
const fix = (source: string, title: string) => applyFix(source, uri, title);
const titles = (source: string) => codeActionsAt(source, uri).map((action) => [action.title, action.preferred]);
const codes = (text: string) =>
  sharedService()
    .validate({ uri, text })
    .findings.map((finding) => finding.code);

describe('Triton quick fixes', () => {
  it('corrects an enum typo to the value it suggests, and unquotes an enum value', () => {
    const source = 'backend: "python"\ninput [ { name: "x" data_type: TYPE_F$0P23 dims: [ 3 ] } ]\n';
    assert.deepEqual(titles(source), [['Change to TYPE_FP32', true]]);
    const fixed = fix(source, 'Change to TYPE_FP32');
    assert.equal(fixed, 'backend: "python"\ninput [ { name: "x" data_type: TYPE_FP32 dims: [ 3 ] } ]\n');
    assert.deepEqual(codes(fixed), []);
    assert.equal(fix('input { data_type: "TYPE_INT8"$0 }\n', 'Remove the quotes'), 'input { data_type: TYPE_INT8 }\n');
    assert.deepEqual(titles('instance_group { kind: $0KIND_NOTHING_LIKE_IT }\n'), [], 'no suggestion, no fix');
  });

  it('renames an unknown field to the one it suggests, unless that one is written already', () => {
    assert.equal(fix('backend: "python"\nmax_batch_sizes$0: 8\n', 'Change to max_batch_size'), 'backend: "python"\nmax_batch_size: 8\n');
    assert.equal(fix('input { name: "x" dim$0: [ 3 ] }\n', 'Change to dims'), 'input { name: "x" dims: [ 3 ] }\n');
    assert.deepEqual(titles('max_batch_size: 4\nmax_batch_sizes$0: 8\n'), []);
    assert.deepEqual(titles('completely_unknown$0: 1\n'), []);
  });

  it('quotes a string and unquotes an integer', () => {
    assert.equal(fix('name: detector$0\n', 'Add quotes'), 'name: "detector"\n');
    assert.equal(fix('max_batch_size: "8"$0\n', 'Remove the quotes'), 'max_batch_size: 8\n');
  });

  it("replaces a backend that does not serve the platform by the platform's backend, in the same quotes", () => {
    const source = 'platform: "tensorrt_plan"\nbackend: "onnx$0runtime"\n';
    assert.deepEqual(titles(source), [['Change backend to "tensorrt"', false]]);
    assert.equal(fix(source, 'Change backend to "tensorrt"'), 'platform: "tensorrt_plan"\nbackend: "tensorrt"\n');
    assert.equal(
      fix("platform: 'libtorch'\nbackend: 'onnxruntime'$0\n", 'Change backend to "pytorch"'),
      "platform: 'libtorch'\nbackend: 'pytorch'\n",
    );
  });

  it("removes an ensemble's backend, with its line when it stands alone", () => {
    const steps =
      'ensemble_scheduling { step [ { model_name: "a" input_map { key: "x" value: "y" } output_map { key: "z" value: "w" } } ] }\n';
    const source = `platform: "ensemble"\nbackend: "python$0"\n${steps}`;
    assert.deepEqual(titles(source), [['Remove backend', true]]);
    const fixed = fix(source, 'Remove backend');
    assert.equal(fixed, `platform: "ensemble"\n${steps}`);
    assert.ok(!codes(fixed).includes('triton/platform-backend'));
    assert.equal(fix(`platform: "ensemble" backend: "python"$0\n${steps}`, 'Remove backend'), `platform: "ensemble"\n${steps}`);
    assert.equal(fix(`backend: "python"$0 platform: "ensemble"\n${steps}`, 'Remove backend'), `platform: "ensemble"\n${steps}`);
    assert.equal(
      fix(`${steps}platform: "ensemble"\nbackend: "python"$0`, 'Remove backend'),
      `${steps}platform: "ensemble"`,
      'the last line, without a line break',
    );
  });

  it('offers to remove the gpus of a CPU group or to make it a GPU group', () => {
    const source = fixture`
      backend: "python"
      instance_group [
        { name: "cpu" kind: KIND_CPU gpus$0: [ 0 ] },
        { kind: KIND_GPU }
      ]
    `;
    assert.deepEqual(titles(source), [
      ['Remove gpus', false],
      ['Use kind: KIND_GPU', false],
    ]);
    assert.equal(
      fix(source, 'Remove gpus'),
      fixture`
      backend: "python"
      instance_group [
        { name: "cpu" kind: KIND_CPU },
        { kind: KIND_GPU }
      ]
    `,
    );
    assert.equal(
      fix(source, 'Use kind: KIND_GPU'),
      fixture`
      backend: "python"
      instance_group [
        { name: "cpu" kind: KIND_GPU gpus: [ 0 ] },
        { kind: KIND_GPU }
      ]
    `,
    );
  });

  it('removes every gpus field of a group, lines and all, leaving what else is on their lines', () => {
    const source = fixture`
      backend: "python"
      instance_group {
        kind: KIND_MODEL
        gpus$0: 0
        gpus: 1
        count: 2 gpus: 2
        gpus: 3 # the fourth
      }
    `;
    assert.equal(
      fix(source, 'Remove gpus'),
      fixture`
      backend: "python"
      instance_group {
        kind: KIND_MODEL
        count: 2
        # the fourth
      }
    `,
    );
    assert.deepEqual(codes(fix(source, 'Remove gpus')), []);
  });

  it("sets the name to the folder's name", () => {
    const source = 'name: "detector_v2"$0\nbackend: "python"\n';
    assert.deepEqual(titles(source), [['Change name to "detector"', true]]);
    assert.equal(fix(source, 'Change name to "detector"'), 'name: "detector"\nbackend: "python"\n');
  });

  it('writes the count Triton uses', () => {
    const source = 'backend: "python"\ninstance_group [ { kind: KIND_GPU count: -2$0 } ]\n';
    assert.deepEqual(titles(source), [['Change count to 1', true]]);
    assert.equal(fix(source, 'Change count to 1'), 'backend: "python"\ninstance_group [ { kind: KIND_GPU count: 1 } ]\n');
  });

  it('offers the fixes of the findings the range touches, and none elsewhere', () => {
    const source = 'name: "detector_v2"\nbackend: "python"\ninstance_group [ { kind: KIND_GPU count: 0 } ]\n';
    const at = (marked: string) => codeActionsAt(marked, uri).map((action) => action.title);
    assert.deepEqual(at(source.replace('backend', '$0backend')), []);
    assert.deepEqual(
      at(source.replace('"detector_v2"', '$0"detector_v2"')),
      ['Change name to "detector"'],
      'a cursor touching the start of a finding',
    );
    assert.deepEqual(at(source.replace('name', '$0name')), [], 'a cursor on the name, before the finding');
    assert.deepEqual(at(`$0${source.replace('count: 0', 'count: 0$0')}`), ['Change name to "detector"', 'Change count to 1']);
    const [action] = codeActionsAt(source.replace('v2', 'v2$0'), uri);
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.finding.code, 'triton/name-mismatch');
  });
});
