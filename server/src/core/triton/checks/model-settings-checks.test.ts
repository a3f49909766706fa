// Response cache, metrics and TensorRT instance settings: one failing config per rule with its exact
// finding, and valid configs that must stay silent.
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';

const uri = 'file:///repo/detector/config.pbtxt';

describe('Triton response cache', () => {
  it('refuses the cache with sequence batching and with a decoupled model', () => {
    checkFindings(
      fixture`
      backend: "python"
      sequence_batching { }
      response_cache { enable: true }
      #                        ^^^^ error[triton/response-cache]: Response Cache does not currently support model detector with sequence batching scheduler. Set enable: false.
    `,
      { uri },
    );
    checkFindings(
      fixture`
      backend: "python"
      model_transaction_policy { decoupled: True }
      response_cache { enable: 1 }
      #                        ^ error[triton/response-cache]: Response Cache does not currently support model detector with 'decoupled' transaction policy. Set enable: false.
    `,
      { uri },
    );
  });

  it('accepts the cache on a plain model, and a disabled cache anywhere', () => {
    checkFindings(
      fixture`
      platform: "onnxruntime_onnx"
      max_batch_size: 8
      dynamic_batching { }
      response_cache { enable: true }
    `,
      { uri },
    );
    checkFindings(
      fixture`
      backend: "python"
      model_transaction_policy { decoupled: true }
      response_cache { enable: false }
    `,
      { uri },
    );
  });
});

describe('Triton model metrics', () => {
  it('wants a metric family and histogram buckets', () => {
    checkFindings(
      fixture`
      backend: "python"
      model_metrics {
        metric_control [
          { histogram_options { buckets: [ 1, 10 ] } },
        # ^ error[triton/model-metrics]: metric control of model detector must specify metric_identifier with a non-empty family. Set metric_identifier { family: "…" } to the metric family to override.
          { metric_identifier { family: "" } histogram_options { } },
        #                               ^^ error[triton/model-metrics]: metric control of model detector must specify metric_identifier with a non-empty family. Set metric_identifier { family: "…" } to the metric family to override.
        #                                    ^^^^^^^^^^^^^^^^^ error[triton/model-metrics]: histogram options of model detector must specify at least one bucket. List the bucket boundaries in ascending order, e.g. buckets: [ 1, 10, 100 ].
          { metric_identifier { } histogram_options { buckets: [] } }
        #   ^^^^^^^^^^^^^^^^^ error[triton/model-metrics]: metric control of model detector must specify metric_identifier with a non-empty family. Set metric_identifier { family: "…" } to the metric family to override.
        #                                             ^^^^^^^ error[triton/model-metrics]: histogram options of model detector must specify at least one bucket. List the bucket boundaries in ascending order, e.g. buckets: [ 1, 10, 100 ].
        ]
      }
    `,
      { uri },
    );
  });

  it('accepts a histogram override', () => {
    checkFindings(
      fixture`
      backend: "python"
      model_metrics {
        metric_control {
          metric_identifier { family: "nv_inference_first_response_histogram_ms" }
          histogram_options { buckets: [ 1, 2, 5, 10, 100 ] }
        }
      }
    `,
      { uri },
    );
  });
});

describe('Triton TensorRT instance settings', () => {
  it('keeps profile to TensorRT models', () => {
    checkFindings(
      fixture`
      backend: "onnxruntime"
      instance_group [ { kind: KIND_GPU profile: [ "0" ] } ]
      #                                 ^^^^^^^ error[triton/instance-group-profile]: instance group detector_0 of model detector specifies profile field which is only supported for TensorRT models. Remove profile.
    `,
      { uri },
    );
  });

  it('wants profiles as non-negative integers and TensorRT instances on GPUs', () => {
    checkFindings(
      fixture`
      platform: "tensorrt_plan"
      instance_group [
        { kind: KIND_GPU profile: [ "0", "-1", "first" ] },
      #                                  ^^^^ error[triton/instance-group-profile]: instance group detector_0 of model detector specifies invalid profile "-1". The field should contain the string representation of a non-negative integer.
      #                                        ^^^^^^^ error[triton/instance-group-profile]: instance group detector_0 of model detector specifies invalid profile "first". The field should contain the string representation of a non-negative integer.
        { name: "cpu" kind: KIND_CPU }
      #                     ^^^^^^^^ error[triton/instance-group-profile]: TensorRT backend supports only GPU device: instance group cpu of model detector has kind KIND_CPU. Use kind: KIND_GPU.
      ]
    `,
      { uri },
    );
  });

  it('accepts TensorRT GPU groups with profiles, and KIND_CPU for TensorRT-LLM', () => {
    checkFindings(
      fixture`
      platform: "tensorrt_plan"
      max_batch_size: 8
      instance_group [
        { count: 2 kind: KIND_GPU gpus: [ 0 ] profile: [ "0", "1" ] },
        { count: 1 kind: KIND_GPU gpus: [ 1 ] profile: "2" }
      ]
    `,
      { uri },
    );
    checkFindings(
      fixture`
      backend: "tensorrtllm"
      max_batch_size: 64
      instance_group [ { count: 1 kind: KIND_CPU } ]
    `,
      { uri },
    );
  });
});
