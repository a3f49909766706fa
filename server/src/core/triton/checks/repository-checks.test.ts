// The checks that look beyond the config: its version folders and model files, and the other
// models of the repository that an ensemble names. Each repository is a set of files in a test host.
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';
import { repository, REPO } from '../../../../../test/harness/hosts';

const PREPROCESS = `
backend: "python"
max_batch_size: 8
input [ { name: "raw" data_type: TYPE_UINT8 dims: [ -1 ] } ]
output [ { name: "pixels" data_type: TYPE_FP32 dims: [ 3, 224, 224 ] } ]
`;

const CLASSIFIER = `
platform: "onnxruntime_onnx"
max_batch_size: 8
input [ { name: "data_0" data_type: TYPE_FP32 dims: [ 3, 224, 224 ] } ]
output [ { name: "fc6_1" data_type: TYPE_FP32 dims: [ 1000 ] } ]
`;

const MODELS = {
  'preprocess/config.pbtxt': PREPROCESS,
  'preprocess/1/model.py': '',
  'classifier/config.pbtxt': CLASSIFIER,
  'classifier/1/model.onnx': '',
  'pipeline/1/': '',
};

describe('Triton model repository checks', () => {
  describe('version folders and model files', () => {
    const uri = `${REPO}/detector/config.pbtxt`;

    it("accepts a version folder with the platform's model file", () => {
      checkFindings(
        fixture`
        platform: "onnxruntime_onnx"
      `,
        { uri, host: repository({ 'detector/1/model.onnx': '', 'detector/labels.txt': '', 'detector/notes/': '' }) },
      );
    });

    it('warns of a model without a version folder', () => {
      checkFindings(
        fixture`
        platform: "onnxruntime_onnx"
        #         ^^^^^^^^^^^^^^^^^^ warning[triton/model-files]: model 'detector' has no version folder: Triton loads versions from numbered folders beside config.pbtxt (detector/1/). Create one and place the model file in it.
      `,
        { uri, host: repository({ 'detector/config.pbtxt': '', 'detector/latest/model.onnx': '' }) },
      );
    });

    it('ignores version folders with a leading zero, as Triton does', () => {
      checkFindings(
        fixture`
        platform: "onnxruntime_onnx"
        #         ^^^^^^^^^^^^^^^^^^ warning[triton/model-files]: model 'detector' has no version folder: Triton loads versions from numbered folders beside config.pbtxt (detector/1/). Create one and place the model file in it.
      `,
        { uri, host: repository({ 'detector/config.pbtxt': '', 'detector/01/model.onnx': '' }) },
      );
      checkFindings(
        fixture`
        platform: "onnxruntime_onnx"
      `,
        { uri, host: repository({ 'detector/0/model.onnx': '', 'detector/010/': '' }) },
      );
    });

    it('warns of a version folder without the model file, by platform, backend or default_model_filename', () => {
      checkFindings(
        fixture`
        platform: "tensorrt_plan"
        #         ^^^^^^^^^^^^^^^ warning[triton/model-files]: version 2 of model 'detector' has no 'model.plan': Triton fails to load it unless the file is in detector/2/ when the server starts.
      `,
        { uri, host: repository({ 'detector/1/model.plan': '', 'detector/2/model.onnx': '' }) },
      );
      checkFindings(
        fixture`
        backend: "pytorch"
        #        ^^^^^^^^^ warning[triton/model-files]: version 1 of model 'detector' has no 'model.pt' or 'model.pt2': Triton fails to load it unless the file is in detector/1/ when the server starts.
      `,
        { uri, host: repository({ 'detector/1/': '' }) },
      );
      checkFindings(
        fixture`
        backend: "onnxruntime"
        default_model_filename: "detector.onnx"
        #                       ^^^^^^^^^^^^^^^ warning[triton/model-files]: version 1 of model 'detector' has no 'detector.onnx': Triton fails to load it unless the file is in detector/1/ when the server starts.
      `,
        { uri, host: repository({ 'detector/1/model.onnx': '' }) },
      );
    });

    it('accepts a SavedModel folder and backends that find their own files', () => {
      checkFindings(
        fixture`
        platform: "tensorflow_savedmodel"
      `,
        { uri, host: repository({ 'detector/1/model.savedmodel/saved_model.pb': '' }) },
      );
      checkFindings(
        fixture`
        backend: "tensorrtllm"
      `,
        { uri, host: repository({ 'detector/1/': '' }) },
      );
    });

    it('warns of specific versions that have no folder', () => {
      checkFindings(
        fixture`
        backend: "python"
        version_policy { specific { versions: [ 1, 3 ] } }
        #                                          ^ warning[triton/model-files]: version policy of model 'detector' names version 3, which has no folder: Triton serves only the versions it finds. Create detector/3/ or remove the version.
      `,
        { uri, host: repository({ 'detector/1/model.py': '' }) },
      );
    });

    it('wants a platform or backend unless a model file tells it', () => {
      checkFindings(
        fixture`
        name: "detector"
        #     ^^^^^^^^^^ error[triton/platform-or-backend]: must specify 'platform' or 'backend' for 'detector': no model file in its first version folder (1/) lets Triton tell the backend. Add backend: "…" (python, onnxruntime, tensorrt, pytorch, openvino, …).
        max_batch_size: 8
      `,
        { uri, host: repository({ 'detector/1/weights.bin': '' }) },
      );
      checkFindings(
        fixture`
        max_batch_size: 8
      `,
        { uri, host: repository({ 'detector/1/model.onnx': '' }) },
      );
    });

    it('claims no missing platform or backend while the model has no version folder (files pulled at deploy time)', () => {
      checkFindings(
        fixture`
        name: "detector"
        #     ^^^^^^^^^^ warning[triton/model-files]: model 'detector' has no version folder: Triton loads versions from numbered folders beside config.pbtxt (detector/1/). Create one and place the model file in it.
        max_batch_size: 8
      `,
        { uri, host: repository({ 'detector/config.pbtxt': '' }) },
      );
    });

    it("reads an alternative config in configs/ as the model's, and other .pbtxt files as no model's", () => {
      const host = repository({ 'detector/config.pbtxt': '', 'detector/labels.pbtxt': '', 'detector/1/weights.bin': '' });
      checkFindings(
        fixture`
        name: "detector"
        #     ^^^^^^^^^^ error[triton/platform-or-backend]: must specify 'platform' or 'backend' for 'detector': no model file in its first version folder (1/) lets Triton tell the backend. Add backend: "…" (python, onnxruntime, tensorrt, pytorch, openvino, …).
      `,
        { uri: `${REPO}/detector/configs/h100.pbtxt`, host },
      );
      checkFindings(
        fixture`
        max_batch_size: 8
      `,
        { uri: `${REPO}/detector/labels.pbtxt`, host },
      );
    });

    it('stays silent where folders cannot be listed', () => {
      checkFindings(
        fixture`
        max_batch_size: 8
      `,
        { uri },
      );
    });
  });

  describe('ensembles against the models they name', () => {
    const uri = `${REPO}/pipeline/config.pbtxt`;

    it('accepts steps that agree with their models', () => {
      checkFindings(
        fixture`
        platform: "ensemble"
        max_batch_size: 8
        input [ { name: "IMAGE" data_type: TYPE_UINT8 dims: [ -1 ] } ]
        output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 1000 ] } ]
        ensemble_scheduling {
          step [
            { model_name: "preprocess" model_version: -1 input_map { key: "raw" value: "IMAGE" } output_map { key: "pixels" value: "PIXELS" } },
            { model_name: "classifier" model_version: -1 input_map { key: "data_0" value: "PIXELS" } output_map { key: "fc6_1" value: "SCORES" } }
          ]
        }
      `,
        { uri, host: repository(MODELS) },
      );
    });

    it('wants step models that exist, with the inputs and outputs mapped', () => {
      checkFindings(
        fixture`
        platform: "ensemble"
        max_batch_size: 8
        input [ { name: "IMAGE" data_type: TYPE_UINT8 dims: [ -1 ] } ]
        output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 1000 ] } ]
        ensemble_scheduling {
          step [
            { model_name: "preproces" input_map { key: "raw" value: "IMAGE" } output_map { key: "pixels" value: "PIXELS" } model_version: -1 },
        #                 ^^^^^^^^^^^ error[triton/ensemble-models]: ensemble pipeline contains models that are not available or ambiguous: preproces. Did you mean 'preprocess'?
            { model_name: "classifier" input_map { key: "data" value: "PIXELS" } output_map { key: "fc6" value: "SCORES" } model_version: -1 }
        #                 ^^^^^^^^^^^^ error[triton/ensemble-models]: in ensemble pipeline, input data_0 in model classifier is not mapped to any ensemble tensors. Add input_map { key: "data_0" value: "…" } to this step, or mark the input optional in classifier.
        #                                               ^^^^^^ error[triton/ensemble-models]: in ensemble pipeline, ensemble tensor PIXELS is mapping to non-existing input data in model classifier. Did you mean 'data_0'?
        #                                                                                          ^^^^^ error[triton/ensemble-models]: in ensemble pipeline, ensemble tensor SCORES is mapped from non-existing output fc6 in model classifier. Did you mean 'fc6_1'?
          ]
        }
      `,
        { uri, host: repository(MODELS) },
      );
    });

    it('wants batch sizes to agree, and data types and shapes', () => {
      checkFindings(
        fixture`
        platform: "ensemble"
        max_batch_size: 16
        input [ { name: "IMAGE" data_type: TYPE_FP16 dims: [ -1 ] } ]
        output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 10 ] } ]
        ensemble_scheduling {
          step [
            { model_name: "preprocess" input_map { key: "raw" value: "IMAGE" } output_map { key: "pixels" value: "PIXELS" } model_version: -1 },
        #                 ^^^^^^^^^^^^ error[triton/ensemble-models]: ensemble pipeline allows maximum batch size 16, but it contains model preprocess which only allows maximum batch size to be 8. Lower the ensemble's max_batch_size.
        #                                                            ^^^^^^^ error[triton/ensemble-consistency]: in ensemble pipeline, ensemble tensor IMAGE: inconsistent data type: TYPE_FP16 is inferred from model pipeline while TYPE_UINT8 is inferred from model preprocess. The ensemble's input IMAGE declares the tensor first, and input raw of preprocess (step 1) reads it: give both the same data type, or map one of them to another tensor.
            { model_name: "classifier" input_map { key: "data_0" value: "PIXELS" } output_map { key: "fc6_1" value: "SCORES" } model_version: -1 }
        #                 ^^^^^^^^^^^^ error[triton/ensemble-models]: ensemble pipeline allows maximum batch size 16, but it contains model classifier which only allows maximum batch size to be 8. Lower the ensemble's max_batch_size.
        #                                                                                                           ^^^^^^^^ error[triton/ensemble-consistency]: in ensemble pipeline, ensemble tensor SCORES: inconsistent shape: [-1,10] is inferred from model pipeline while [-1,1000] is inferred from model classifier. The ensemble's output SCORES declares the tensor first, and output fc6_1 of classifier (step 2) writes it: give both the same dims (-1 matches any size; a model that batches adds a -1 in front).
          ]
        }
      `,
        { uri, host: repository(MODELS) },
      );
    });

    it('finds ensembles that contain themselves through others', () => {
      const inner = `
        platform: "ensemble"
        input [ { name: "X" data_type: TYPE_FP32 dims: [ 1 ] } ]
        output [ { name: "Y" data_type: TYPE_FP32 dims: [ 1 ] } ]
        ensemble_scheduling { step [ { model_name: "pipeline" input_map { key: "X" value: "X" } output_map { key: "Y" value: "Y" } } ] }
      `;
      checkFindings(
        fixture`
        platform: "ensemble"
        input [ { name: "X" data_type: TYPE_FP32 dims: [ 1 ] } ]
        output [ { name: "Y" data_type: TYPE_FP32 dims: [ 1 ] } ]
        ensemble_scheduling { step [ { model_name: "inner" input_map { key: "X" value: "X" } output_map { key: "Y" value: "Y" } model_version: -1 } ] }
        #                                          ^^^^^^^ error[triton/ensemble-models]: circular dependency between ensembles: pipeline -> inner -> pipeline. An ensemble cannot contain itself.
      `,
        { uri, host: repository({ ...MODELS, 'inner/config.pbtxt': inner, 'inner/1/': '' }) },
      );
    });

    it('lets a step leave unmapped an optional input, however its bool is written', () => {
      const optional = (flag: string) =>
        `backend: "python"\ninput [ { name: "x" data_type: TYPE_FP32 dims: [ 1 ] }, { name: "mask" data_type: TYPE_BOOL dims: [ 1 ] optional: ${flag} } ]\n` +
        'output [ { name: "y" data_type: TYPE_FP32 dims: [ 1 ] } ]\n';
      for (const flag of ['true', 'True', 't', '1']) {
        checkFindings(
          fixture`
          platform: "ensemble"
          input [ { name: "X" data_type: TYPE_FP32 dims: [ 1 ] } ]
          output [ { name: "Y" data_type: TYPE_FP32 dims: [ 1 ] } ]
          ensemble_scheduling { step [ { model_name: "masked" model_version: -1 input_map { key: "x" value: "X" } output_map { key: "y" value: "Y" } } ] }
        `,
          { uri, host: repository({ 'masked/config.pbtxt': optional(flag), 'masked/1/model.py': '' }) },
        );
      }
    });

    it('does not judge what a step model leaves to auto-complete', () => {
      checkFindings(
        fixture`
        platform: "ensemble"
        max_batch_size: 8
        input [ { name: "PIXELS" data_type: TYPE_FP32 dims: [ 3, 224, 224 ] } ]
        output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 1000 ] } ]
        ensemble_scheduling { step [ { model_name: "auto" input_map { key: "anything" value: "PIXELS" } output_map { key: "out" value: "SCORES" } model_version: -1 } ] }
      `,
        { uri, host: repository({ ...MODELS, 'auto/config.pbtxt': 'platform: "onnxruntime_onnx"', 'auto/1/model.onnx': '' }) },
      );
    });
  });
});
