// What Triton checks when it loads a config, one failing config per check with its exact
// finding, in Triton's own words so that a user can search for them.
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';

const uri = 'file:///repo/detector/config.pbtxt';

describe('Triton load-time checks', () => {
  it('wants the name to equal the folder', () => {
    checkFindings(
      fixture`
      name: "detector_v2"
      #     ^^^^^^^^^^^^^ error[triton/name-mismatch]: unexpected directory name 'detector' for model 'detector_v2', directory name must equal model name. Rename the folder or set name: "detector".
      backend: "python"
    `,
      { uri },
    );
    checkFindings(
      fixture`
      name: ""
      #     ^^ warning[triton/name-mismatch]: model name is empty: Triton names the model after its folder, 'detector'. Write name: "detector", or remove name.
      backend: "python"
    `,
      { uri },
    );
  });

  it('wants platform and backend to agree', () => {
    checkFindings(
      fixture`
      platform: "tensorrt_plan"
      backend: "onnxruntime"
      #        ^^^^^^^^^^^^^ error[triton/platform-backend]: unexpected 'platform' and 'backend' pair, got:tensorrt_plan, onnxruntime. Platform tensorrt_plan is served by backend "tensorrt".
    `,
      { uri },
    );
    checkFindings(
      fixture`
      platform: "onnx"
      #         ^^^^^^ error[triton/platform-backend]: unexpected platform type 'onnx' for detector. Known platforms: tensorrt_plan, onnxruntime_onnx, pytorch_libtorch, libtorch, torch_aoti, tensorflow_savedmodel, tensorflow_graphdef, ensemble; other frameworks are set with backend.
    `,
      { uri },
    );
    checkFindings(
      fixture`
      platform: "ensemble"
      #         ^^^^^^^^^^ error[triton/ensemble]: ensemble scheduling must be set for ensemble detector whose platform is ensemble: add ensemble_scheduling with its steps.
      backend: "python"
      #        ^^^^^^^^ error[triton/platform-backend]: Ensemble model 'detector' must have platform type 'ensemble' and empty backend type. Remove the backend.
    `,
      { uri },
    );
  });

  it('refuses a negative max_batch_size', () => {
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: -1
      #               ^^ error[triton/max-batch-size]: 'max_batch_size' must be non-negative value for detector. Use 0 for a model that does not batch.
    `,
      { uri },
    );
  });

  it('checks instance groups: GPUs on CPU groups, GPU ids, counts', () => {
    checkFindings(
      fixture`
      backend: "python"
      instance_group [
        { name: "cpu" kind: KIND_CPU gpus: [ 0 ] },
      #                              ^^^^ error[triton/instance-group]: instance group cpu of model detector has kind KIND_CPU but specifies one or more GPUs. Remove gpus, or use kind: KIND_GPU.
        { kind: KIND_GPU gpus: [ -1 ] count: 0 }
      #                          ^^ error[triton/instance-group]: instance group detector_1 of model detector specifies invalid or unsupported gpu id -1: GPU ids start at 0.
      #                                      ^ warning[triton/instance-group]: instance group detector_1 of model detector has count 0; Triton raises it to 1. Write count: 1.
      ]
    `,
      { uri },
    );
  });

  it('wants every dimension >= 1 or -1', () => {
    checkFindings(
      fixture`
      backend: "python"
      input [ { name: "image" data_type: TYPE_FP32 dims: [ 3, 0, -2 ] } ]
      #                                                       ^ error[triton/dims]: model 'detector', tensor 'image': dimension must be integer >= 1, or -1 to indicate a variable-size dimension (found 0).
      #                                                          ^^ error[triton/dims]: model 'detector', tensor 'image': dimension must be integer >= 1, or -1 to indicate a variable-size dimension (found -2).
    `,
      { uri },
    );
  });
});

describe('Triton load-time checks of batching, tensors and ensembles', () => {
  it('wants preferred batch sizes between 1 and max_batch_size, on a batching model', () => {
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 8
      dynamic_batching { preferred_batch_size: [ 0, 4, 16 ] }
      #                                          ^ error[triton/dynamic-batching]: dynamic batching preferred size must be positive for detector (found 0).
      #                                                ^^ error[triton/dynamic-batching]: dynamic batching preferred size must be <= max batch size for detector: 16 is above max_batch_size 8.
    `,
      { uri },
    );
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 0
      dynamic_batching { }
      ^^^^^^^^^^^^^^^^ error[triton/dynamic-batching]: dynamic batching is not supported for model 'detector' whose max_batch_size is 0. Set max_batch_size above 0, or remove dynamic_batching.
    `,
      { uri },
    );
  });

  it('wants tensors named and typed where auto-complete does not fill them in', () => {
    checkFindings(
      fixture`
      platform: "pytorch_libtorch"
      input [ { name: "x" data_type: TYPE_INVALID dims: [ 3 ] }, { data_type: TYPE_FP32 } ]
      #                              ^^^^^^^^^^^^ error[triton/tensor-fields]: model input 'x' must specify 'data_type' for detector: TYPE_INVALID is not a data type.
      #                                                          ^ error[triton/tensor-fields]: model input must specify 'name' for detector.
      output [ { name: "y" } ]
      #        ^ error[triton/tensor-fields]: model output 'y' must specify 'data_type' and 'dims' for detector (the pytorch backend does not fill them in).
    `,
      { uri },
    );
    checkFindings(
      fixture`
      platform: "onnxruntime_onnx"
      output [ { name: "y" } ]
    `,
      { uri },
    );
  });

  it('keeps ensemble_scheduling to ensembles, and wants it complete there', () => {
    checkFindings(
      fixture`
      backend: "python"
      ensemble_scheduling { step [ { model_name: "a" } ] }
      ^^^^^^^^^^^^^^^^^^^ error[triton/ensemble]: ensemble scheduling cannot be set for model 'detector' whose platform is not ensemble. Set platform: "ensemble", or remove ensemble_scheduling.
    `,
      { uri },
    );
    checkFindings(
      fixture`
      platform: "ensemble"
      instance_group [ { kind: KIND_CPU } ]
      ^^^^^^^^^^^^^^ error[triton/ensemble]: instance group should not be specified for ensemble 'detector': an ensemble runs no instances of its own. Remove instance_group.
      ensemble_scheduling { step [ { model_name: "a" input_map { key: "x" value: "y" } } ] }
      #                            ^ error[triton/ensemble]: step 1 of ensemble detector must specify 'output_map'.
    `,
      { uri },
    );
    checkFindings(
      fixture`
      platform: "ensemble"
      #         ^^^^^^^^^^ error[triton/ensemble]: ensemble scheduling must be set for ensemble detector whose platform is ensemble: add ensemble_scheduling with its steps.
    `,
      { uri },
    );
  });
});
