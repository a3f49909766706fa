// A step model whose Python code completes its config: the Python backend adds the inputs and
// outputs that model.py's auto_complete_config adds, even to a config that declares some, so an
// ensemble may map names that config.pbtxt does not show. Other backends add none to a config that
// declares some inputs (or outputs).
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';
import { repository, REPO } from '../../../../../test/harness/hosts';

const uri = `${REPO}/pipeline/config.pbtxt`;

/** A config that declares one of the model's two inputs and one of its two outputs. */
const PARTIAL = `
input [ { name: "INPUT1" data_type: TYPE_FP32 dims: [ 4 ] } ]
output [ { name: "OUTPUT1" data_type: TYPE_FP32 dims: [ 4 ] } ]
`;

const COMPLETING = `
import triton_python_backend_utils as pb_utils

class TritonPythonModel:
    @staticmethod
    def auto_complete_config(auto_complete_model_config):
        auto_complete_model_config.add_input({"name": "INPUT0", "data_type": "TYPE_FP32", "dims": [4]})
        auto_complete_model_config.add_output({"name": "OUTPUT0", "data_type": "TYPE_FP32", "dims": [4]})
        return auto_complete_model_config
`;

const PLAIN = `
class TritonPythonModel:
    def execute(self, requests):
        return []
`;

/** An ensemble mapping both inputs and both outputs of `model`. */
const ensemble = (model: string) => `
platform: "ensemble"
input [ { name: "A" data_type: TYPE_FP32 dims: [ 4 ] }, { name: "B" data_type: TYPE_FP32 dims: [ 4 ] } ]
output [ { name: "C" data_type: TYPE_FP32 dims: [ 4 ] }, { name: "D" data_type: TYPE_FP32 dims: [ 4 ] } ]
ensemble_scheduling { step [ { model_name: "${model}" model_version: -1
  input_map [ { key: "INPUT0" value: "A" }, { key: "INPUT1" value: "B" } ]
  output_map [ { key: "OUTPUT0" value: "C" }, { key: "OUTPUT1" value: "D" } ] } ] }
`;

describe('ensemble steps whose model.py completes their config', () => {
  it('maps what auto_complete_config may add, with the backend written or found from model.py', () => {
    const host = repository({
      'python/config.pbtxt': `backend: "python"${PARTIAL}`,
      'python/1/model.py': COMPLETING,
      'found/config.pbtxt': PARTIAL,
      'found/1/model.py': COMPLETING,
    });
    checkFindings(ensemble('python'), { uri, host });
    checkFindings(ensemble('found'), { uri, host });
  });

  it('knows the names a config declares are all there are when model.py completes nothing, or the backend adds none', () => {
    const host = repository({
      'plain/config.pbtxt': `backend: "python"${PARTIAL}`,
      'plain/1/model.py': PLAIN,
      'onnx/config.pbtxt': `platform: "onnxruntime_onnx"${PARTIAL}`,
      'onnx/1/model.onnx': '',
    });
    checkFindings(
      fixture`
      platform: "ensemble"
      input [ { name: "A" data_type: TYPE_FP32 dims: [ 4 ] }, { name: "B" data_type: TYPE_FP32 dims: [ 4 ] } ]
      output [ { name: "C" data_type: TYPE_FP32 dims: [ 4 ] }, { name: "D" data_type: TYPE_FP32 dims: [ 4 ] } ]
      ensemble_scheduling { step [ { model_name: "plain" model_version: -1
        input_map [ { key: "INPUT0" value: "A" }, { key: "INPUT1" value: "B" } ]
      #                    ^^^^^^^^ error[triton/ensemble-models]: in ensemble pipeline, ensemble tensor A is mapping to non-existing input INPUT0 in model plain. Did you mean 'INPUT1'?
        output_map [ { key: "OUTPUT0" value: "C" }, { key: "OUTPUT1" value: "D" } ] } ] }
      #                     ^^^^^^^^^ error[triton/ensemble-models]: in ensemble pipeline, ensemble tensor C is mapped from non-existing output OUTPUT0 in model plain. Did you mean 'OUTPUT1'?
    `,
      { uri, host },
    );
    checkFindings(
      fixture`
      platform: "ensemble"
      input [ { name: "A" data_type: TYPE_FP32 dims: [ 4 ] }, { name: "B" data_type: TYPE_FP32 dims: [ 4 ] } ]
      output [ { name: "C" data_type: TYPE_FP32 dims: [ 4 ] }, { name: "D" data_type: TYPE_FP32 dims: [ 4 ] } ]
      ensemble_scheduling { step [ { model_name: "onnx" model_version: -1
        input_map [ { key: "INPUT0" value: "A" }, { key: "INPUT1" value: "B" } ]
      #                    ^^^^^^^^ error[triton/ensemble-models]: in ensemble pipeline, ensemble tensor A is mapping to non-existing input INPUT0 in model onnx. Did you mean 'INPUT1'?
        output_map [ { key: "OUTPUT0" value: "C" }, { key: "OUTPUT1" value: "D" } ] } ] }
      #                     ^^^^^^^^^ error[triton/ensemble-models]: in ensemble pipeline, ensemble tensor C is mapped from non-existing output OUTPUT0 in model onnx. Did you mean 'OUTPUT1'?
    `,
      { uri, host },
    );
  });
});
