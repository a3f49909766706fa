// Ensembles whose steps do not all batch, as Triton accepts them: a non-batching step model is not
// held to the ensemble's max_batch_size, and tensors agree when their dims agree with or without
// the batch dimension.
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';
import { repository, REPO } from '../../../../../test/harness/hosts';

const uri = `${REPO}/pipeline/config.pbtxt`;

const MODELS = {
  'pipeline/1/': '',
  'tokenize/config.pbtxt': `
backend: "python"
max_batch_size: 0
input [ { name: "TEXT" data_type: TYPE_STRING dims: [ -1 ] } ]
output [ { name: "IDS" data_type: TYPE_INT64 dims: [ 128 ] } ]
`,
  'tokenize/1/model.py': '',
  'encode/config.pbtxt': `
platform: "onnxruntime_onnx"
max_batch_size: 32
input [ { name: "input_ids" data_type: TYPE_INT64 dims: [ 128 ] } ]
output [ { name: "embedding" data_type: TYPE_FP32 dims: [ 768 ] } ]
`,
  'encode/1/model.onnx': '',
};

describe('ensembles with steps that do not batch', () => {
  it('holds no non-batching step to the batch size, and matches dims with or without the batch dimension', () => {
    checkFindings(
      fixture`
      platform: "ensemble"
      max_batch_size: 16
      input [ { name: "TEXT" data_type: TYPE_STRING dims: [ -1 ] } ]
      output [ { name: "EMBEDDING" data_type: TYPE_FP32 dims: [ 768 ] } ]
      ensemble_scheduling {
        step [
          { model_name: "tokenize" model_version: -1 input_map { key: "TEXT" value: "TEXT" } output_map { key: "IDS" value: "IDS" } },
          { model_name: "encode" model_version: -1 input_map { key: "input_ids" value: "IDS" } output_map { key: "embedding" value: "EMBEDDING" } }
        ]
      }
    `,
      { uri, host: repository(MODELS) },
    );
  });

  it('still finds dims that agree neither way', () => {
    checkFindings(
      fixture`
      platform: "ensemble"
      max_batch_size: 16
      input [ { name: "TEXT" data_type: TYPE_STRING dims: [ -1 ] } ]
      output [ { name: "EMBEDDING" data_type: TYPE_FP32 dims: [ 512 ] } ]
      ensemble_scheduling {
        step [
          { model_name: "tokenize" model_version: -1 input_map { key: "TEXT" value: "TEXT" } output_map { key: "IDS" value: "IDS" } },
          { model_name: "encode" model_version: -1 input_map { key: "input_ids" value: "IDS" } output_map { key: "embedding" value: "EMBEDDING" } }
      #                                                                                                                             ^^^^^^^^^^^ error[triton/ensemble-consistency]: in ensemble pipeline, ensemble tensor EMBEDDING: inconsistent shape: [-1,512] is inferred from model pipeline while [-1,768] is inferred from model encode. The ensemble's output EMBEDDING declares the tensor first, and output embedding of encode (step 2) writes it: give both the same dims (-1 matches any size; a model that batches adds a -1 in front).
        ]
      }
    `,
      { uri, host: repository(MODELS) },
    );
  });
});
