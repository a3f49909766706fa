// What Triton checks when it loads a config, one failing config per check with its exact
// finding, in Triton's own words so that a user can search for them.
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';
import { TRITON_CHECKS } from './index';

const uri = 'file:///repo/detector/config.pbtxt';

describe('Triton load-time checks', () => {
  it('lists every check file once, sorted, with a unique id', () => {
    const files = readdirSync(__dirname).filter((name) => name.endsWith('.js') && !name.endsWith('.test.js') && !['index.js', 'check.js'].includes(name));
    assert.equal(TRITON_CHECKS.length, files.length);
    const ids = TRITON_CHECKS.map((check) => check.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(TRITON_CHECKS.every((check) => check.description.endsWith('.')));
  });

  it('wants the name to equal the folder', () => {
    checkFindings(fixture`
      name: "detector_v2"
      #     ^^^^^^^^^^^^^ error[triton/name-mismatch]: unexpected directory name 'detector' for model 'detector_v2', directory name must equal model name. Rename the folder or set name: "detector".
      backend: "python"
    `, { uri });
  });

  it('wants platform and backend to agree', () => {
    checkFindings(fixture`
      platform: "tensorrt_plan"
      backend: "onnxruntime"
      #        ^^^^^^^^^^^^^ error[triton/platform-backend]: unexpected 'platform' and 'backend' pair, got:tensorrt_plan, onnxruntime. Platform tensorrt_plan is served by backend "tensorrt".
    `, { uri });
    checkFindings(fixture`
      platform: "onnx"
      #         ^^^^^^ error[triton/platform-backend]: unexpected platform type 'onnx' for detector. Known platforms: tensorrt_plan, onnxruntime_onnx, pytorch_libtorch, libtorch, torch_aoti, tensorflow_savedmodel, tensorflow_graphdef, ensemble; other frameworks are set with backend.
    `, { uri });
    checkFindings(fixture`
      platform: "ensemble"
      backend: "python"
      #        ^^^^^^^^ error[triton/platform-backend]: Ensemble model 'detector' must have platform type 'ensemble' and empty backend type. Remove the backend.
    `, { uri });
  });

  it('refuses a negative max_batch_size', () => {
    checkFindings(fixture`
      backend: "python"
      max_batch_size: -1
      #               ^^ error[triton/max-batch-size]: 'max_batch_size' must be non-negative value for detector. Use 0 for a model that does not batch.
    `, { uri });
  });

  it('checks instance groups: GPUs on CPU groups, GPU ids, counts', () => {
    checkFindings(fixture`
      backend: "python"
      instance_group [
        { name: "cpu" kind: KIND_CPU gpus: [ 0 ] },
      #                              ^^^^ error[triton/instance-group]: instance group cpu of model detector has kind KIND_CPU but specifies one or more GPUs. Remove gpus, or use kind: KIND_GPU.
        { kind: KIND_GPU gpus: [ -1 ] count: 0 }
      #                          ^^ error[triton/instance-group]: instance group detector_1 of model detector specifies invalid or unsupported gpu id -1: GPU ids start at 0.
      #                                      ^ warning[triton/instance-group]: instance group detector_1 of model detector has count 0; Triton raises it to 1. Write count: 1.
      ]
    `, { uri });
  });

  it('wants every dimension >= 1 or -1', () => {
    checkFindings(fixture`
      backend: "python"
      input [ { name: "image" data_type: TYPE_FP32 dims: [ 3, 0, -2 ] } ]
      #                                                       ^ error[triton/dims]: model 'detector', tensor 'image': dimension must be integer >= 1, or -1 to indicate a variable-size dimension (found 0).
      #                                                          ^^ error[triton/dims]: model 'detector', tensor 'image': dimension must be integer >= 1, or -1 to indicate a variable-size dimension (found -2).
    `, { uri });
  });
});
