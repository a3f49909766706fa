// An ensemble tensor's uses against its first declaration, in Triton's order: the ensemble's
// inputs and outputs (with their reshape), then each step's inputs and outputs (with their dims).
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';
import { repository, REPO } from '../../../../../test/harness/hosts';

const uri = `${REPO}/pipeline/config.pbtxt`;
const only = 'triton/ensemble-consistency';

/** A python model with one input x and one output y, batching up to 8 unless `batching` says otherwise. */
const model = (x: string, y: string, batching = 'max_batch_size: 8') =>
  `backend: "python"\n${batching}\ninput [ { name: "x" ${x} } ]\noutput [ { name: "y" ${y} } ]\n`;

const MODELS = {
  'three/config.pbtxt': model('data_type: TYPE_FP32 dims: [ 4 ]', 'data_type: TYPE_FP32 dims: [ 3 ]'),
  'three/1/model.py': '',
  'any/config.pbtxt': model('data_type: TYPE_FP32 dims: [ -1 ]', 'data_type: TYPE_FP32 dims: [ 1 ]'),
  'any/1/model.py': '',
  'four/config.pbtxt': model('data_type: TYPE_FP32 dims: [ 4 ]', 'data_type: TYPE_FP32 dims: [ 1 ]'),
  'four/1/model.py': '',
  'ints/config.pbtxt': model('data_type: TYPE_INT32 dims: [ 2, 2 ]', 'data_type: TYPE_FP32 dims: [ 1 ]'),
  'ints/1/model.py': '',
  'square/config.pbtxt': model('data_type: TYPE_FP32 dims: [ 4, 4 ]', 'data_type: TYPE_FP32 dims: [ 4, 4 ]'),
  'square/1/model.py': '',
  'flat/config.pbtxt': model('data_type: TYPE_FP32 dims: [ 16 ] reshape { shape: [ 4, 4 ] }', 'data_type: TYPE_FP32 dims: [ 16 ]'),
  'flat/1/model.py': '',
  'unbatched/config.pbtxt': model('data_type: TYPE_FP32 dims: [ -1, 4 ]', 'data_type: TYPE_FP32 dims: [ 2, 4 ]', ''),
  'unbatched/1/model.py': '',
  'zero/config.pbtxt': model('data_type: TYPE_FP32 dims: [ 4 ]', 'data_type: TYPE_FP32 dims: [ 4 ]', 'max_batch_size: 0'),
  'zero/1/model.py': '',
  'auto/1/model.onnx': '',
};

const host = repository(MODELS);

describe('Triton ensemble tensors against their first declaration', () => {
  it("holds every use to the first, so that a step may read with other dims than the writer's when the first allows them", () => {
    // OUT is declared first by the ensemble, as [-1]: three writes it as [3] and four reads it as [4],
    // each agreeing with [-1]. Triton loads this; the writer and the reader are never compared.
    checkFindings(
      fixture`
      platform: "ensemble"
      max_batch_size: 8
      input [ { name: "IN" data_type: TYPE_FP32 dims: [ 4 ] } ]
      output [ { name: "OUT" data_type: TYPE_FP32 dims: [ -1 ] }, { name: "LAST" data_type: TYPE_FP32 dims: [ 1 ] } ]
      ensemble_scheduling {
        step [
          { model_name: "three" model_version: -1 input_map { key: "x" value: "IN" } output_map { key: "y" value: "OUT" } },
          { model_name: "four" model_version: -1 input_map { key: "x" value: "OUT" } output_map { key: "y" value: "LAST" } }
        ]
      }
    `,
      { uri, host, only },
    );
  });

  it("takes the first in the config's order of steps, whichever step writes the tensor", () => {
    // any reads T first, as [-1]; three then writes it as [3] and four reads it as [4]: both agree
    // with [-1]. Were four's step listed first, three's [3] would not agree with its [4].
    checkFindings(
      fixture`
      platform: "ensemble"
      max_batch_size: 8
      input [ { name: "IN" data_type: TYPE_FP32 dims: [ 4 ] } ]
      output [ { name: "A" data_type: TYPE_FP32 dims: [ 1 ] }, { name: "B" data_type: TYPE_FP32 dims: [ 1 ] } ]
      ensemble_scheduling {
        step [
          { model_name: "any" model_version: -1 input_map { key: "x" value: "T" } output_map { key: "y" value: "A" } },
          { model_name: "three" model_version: -1 input_map { key: "x" value: "IN" } output_map { key: "y" value: "T" } },
          { model_name: "four" model_version: -1 input_map { key: "x" value: "T" } output_map { key: "y" value: "B" } }
        ]
      }
    `,
      { uri, host, only },
    );
    checkFindings(
      fixture`
      platform: "ensemble"
      max_batch_size: 8
      input [ { name: "IN" data_type: TYPE_FP32 dims: [ 4 ] } ]
      output [ { name: "A" data_type: TYPE_FP32 dims: [ 1 ] }, { name: "B" data_type: TYPE_FP32 dims: [ 1 ] } ]
      ensemble_scheduling {
        step [
          { model_name: "four" model_version: -1 input_map { key: "x" value: "T" } output_map { key: "y" value: "B" } },
          { model_name: "three" model_version: -1 input_map { key: "x" value: "IN" } output_map { key: "y" value: "T" } },
      #                                                                                                           ^^^ error[triton/ensemble-consistency]: in ensemble pipeline, ensemble tensor T: inconsistent shape: [-1,4] is inferred from model four while [-1,3] is inferred from model three. Input x of four (step 1) reads the tensor first, and output y of three (step 2) writes it: give both the same dims (-1 matches any size; a model that batches adds a -1 in front).
          { model_name: "any" model_version: -1 input_map { key: "x" value: "T" } output_map { key: "y" value: "A" } }
        ]
      }
    `,
      { uri, host, only },
    );
  });

  it("reads the ensemble's own tensors with their reshape, and a step's with its model's dims", () => {
    // IN is [16] reshaped to [4, 4]: Triton compares [4, 4] with square's input. flat reshapes its
    // [16] to [4, 4] too, but Triton compares its dims, [16], and so does this check.
    checkFindings(
      fixture`
      platform: "ensemble"
      max_batch_size: 8
      input [ { name: "IN" data_type: TYPE_FP32 dims: [ 16 ] reshape { shape: [ 4, 4 ] } } ]
      output [ { name: "OUT" data_type: TYPE_FP32 dims: [ 16 ] reshape { shape: [ 4, 4 ] } } ]
      ensemble_scheduling {
        step [
          { model_name: "square" model_version: -1 input_map { key: "x" value: "IN" } output_map { key: "y" value: "OUT" } }
        ]
      }
    `,
      { uri, host, only },
    );
    checkFindings(
      fixture`
      platform: "ensemble"
      max_batch_size: 8
      input [ { name: "IN" data_type: TYPE_FP32 dims: [ 4, 4 ] } ]
      output [ { name: "OUT" data_type: TYPE_FP32 dims: [ 16 ] } ]
      ensemble_scheduling {
        step [
          { model_name: "flat" model_version: -1 input_map { key: "x" value: "IN" } output_map { key: "y" value: "OUT" } }
      #                                                                      ^^^^ error[triton/ensemble-consistency]: in ensemble pipeline, ensemble tensor IN: inconsistent shape: [-1,4,4] is inferred from model pipeline while [-1,16] is inferred from model flat. The ensemble's input IN declares the tensor first, and input x of flat (step 1) reads it: give both the same dims (-1 matches any size; a model that batches adds a -1 in front).
        ]
      }
    `,
      { uri, host, only },
    );
  });

  it('says the data type before the shape, once for each use', () => {
    checkFindings(
      fixture`
      platform: "ensemble"
      max_batch_size: 8
      input [ { name: "IN" data_type: TYPE_FP32 dims: [ 3 ] } ]
      output [ { name: "OUT" data_type: TYPE_FP32 dims: [ 1 ] } ]
      ensemble_scheduling {
        step [
          { model_name: "ints" model_version: -1 input_map { key: "x" value: "IN" } output_map { key: "y" value: "OUT" } }
      #                                                                      ^^^^ error[triton/ensemble-consistency]: in ensemble pipeline, ensemble tensor IN: inconsistent data type: TYPE_FP32 is inferred from model pipeline while TYPE_INT32 is inferred from model ints. The ensemble's input IN declares the tensor first, and input x of ints (step 1) reads it: give both the same data type, or map one of them to another tensor.
        ]
      }
    `,
      { uri, host, only },
    );
  });

  it('tries both ways a model may batch when its max_batch_size is 0, written or not, as auto-complete may set it', () => {
    // unbatched's input [-1, 4] is the ensemble's [-1, 4] if it does not batch; its output [2, 4]
    // matches [3] neither way.
    checkFindings(
      fixture`
      platform: "ensemble"
      max_batch_size: 8
      input [ { name: "IN" data_type: TYPE_FP32 dims: [ 4 ] } ]
      output [ { name: "OUT" data_type: TYPE_FP32 dims: [ 3 ] } ]
      ensemble_scheduling {
        step [
          { model_name: "unbatched" model_version: -1 input_map { key: "x" value: "IN" } output_map { key: "y" value: "OUT" } }
      #                                                                                                               ^^^^^ error[triton/ensemble-consistency]: in ensemble pipeline, ensemble tensor OUT: inconsistent shape: [-1,3] is inferred from model pipeline while [2,4] is inferred from model unbatched. The ensemble's output OUT declares the tensor first, and output y of unbatched (step 1) writes it: give both the same dims (-1 matches any size; a model that batches adds a -1 in front).
        ]
      }
    `,
      { uri, host, only },
    );
    // zero's [4] is the non-batching ensemble's [-1, 4] if model.py's auto-complete sets a batch size.
    checkFindings(
      fixture`
      platform: "ensemble"
      input [ { name: "IN" data_type: TYPE_FP32 dims: [ -1, 4 ] } ]
      output [ { name: "OUT" data_type: TYPE_FP32 dims: [ -1, 4 ] } ]
      ensemble_scheduling {
        step [
          { model_name: "zero" model_version: -1 input_map { key: "x" value: "IN" } output_map { key: "y" value: "OUT" } }
        ]
      }
    `,
      { uri, host, only },
    );
  });

  it('does not judge a tensor whose first declaration is left to auto-complete, nor the dropped entry of a key mapped twice', () => {
    // auto (no config) writes T first: what four and ints read it as is compared with nothing. ints
    // maps x twice: protobuf keeps the last entry (T), so IN is not read as INT32.
    checkFindings(
      fixture`
      platform: "ensemble"
      max_batch_size: 8
      input [ { name: "IN" data_type: TYPE_FP32 dims: [ 4 ] } ]
      output [ { name: "A" data_type: TYPE_FP32 dims: [ 1 ] }, { name: "B" data_type: TYPE_FP32 dims: [ 1 ] } ]
      ensemble_scheduling {
        step [
          { model_name: "auto" model_version: -1 input_map { key: "in" value: "IN" } output_map { key: "out" value: "T" } },
          { model_name: "four" model_version: -1 input_map { key: "x" value: "T" } output_map { key: "y" value: "A" } },
          { model_name: "ints" model_version: -1 input_map [ { key: "x" value: "IN" }, { key: "x" value: "T" } ] output_map { key: "y" value: "B" } }
        ]
      }
    `,
      { uri, host, only },
    );
  });
});
