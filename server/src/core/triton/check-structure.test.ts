// Structure of Triton configs against model_config.proto, as Triton's text format parser
// reports it: each finding with its range and protobuf's own wording.
import { checkFindings } from '../../../../test/harness/check';
import { fixture } from '../../../../test/harness/fixture';

const uri = 'file:///repo/resnet/config.pbtxt';

describe('Triton config structure', () => {
  it('reports unknown fields with the field meant, and unknown enum values', () => {
    checkFindings(
      fixture`
        name: "resnet"
        platform: "onnxruntime_onnx"
        max_batch_sizes: 8
        ^^^^^^^^^^^^^^^ error[triton/unknown-field]: Message type "inference.ModelConfig" has no field named "max_batch_sizes". Did you mean "max_batch_size"?
        input [
          {
            name: "x"
            data_type: TYPE_FP23
        #              ^^^^^^^^^ error[triton/unknown-enum-value]: Unknown enumeration value of "TYPE_FP23" for field "data_type". Did you mean "TYPE_FP32"?
            dims: [ 3, 224, 224 ]
          }
        ]
        instance_group [ { kind: KIND_GPU, count: 2 } ]
      `,
      { uri },
    );
  });

  it('reports values of the wrong type, in the words of the text format', () => {
    checkFindings(
      fixture`
        name: resnet
        #     ^^^^^^ error[triton/wrong-type]: Field "name" takes a string: write it in quotes ("resnet").
        max_batch_size: "8"
        #               ^^^ error[triton/wrong-type]: Field "max_batch_size" takes an integer: remove the quotes from "8".
        input {
          name: "x"
          data_type: "TYPE_FP32"
        #            ^^^^^^^^^^^ error[triton/wrong-type]: Field "data_type" takes an enumeration value, written without quotes: TYPE_FP32.
          dims: [ 3, 2.5 ]
        #            ^^^ error[triton/wrong-type]: Field "dims" takes an integer, not 2.5.
          optional: maybe
        #           ^^^^^ error[triton/wrong-type]: Invalid value for boolean field "optional". Value: "maybe".
        }
        parameters {
          key: "threads"
          value: "4"
        #        ^^^ error[triton/expected-message]: Expected "{", found "4": "value" is a message (ModelParameter), written as value { … }.
        }
        version_policy { latest { num_versions: -1 } }
        #                                       ^^ error[triton/wrong-type]: Field "num_versions" takes a non-negative integer (uint32), not -1.
      `,
      { uri },
    );
  });

  it('reports a non-repeated field given twice, two members of one oneof, and a list on a single field', () => {
    checkFindings(
      fixture`
        name: "a"
        name: "b"
        ^^^^ error[triton/duplicate-field]: Non-repeated field "name" is specified multiple times.
        dynamic_batching { }
        sequence_batching { }
        ^^^^^^^^^^^^^^^^^ error[triton/oneof-conflict]: Field "sequence_batching" is specified along with field "dynamic_batching", another member of oneof "scheduling_choice".
        max_batch_size: [ 8 ]
        #               ^ error[triton/not-repeated]: Field "max_batch_size" is not repeated: it takes one value, not a list.
      `,
      { uri: 'file:///repo/b/config.pbtxt' },
    );
  });

  it('accepts every spelling the text format allows', () => {
    checkFindings(
      fixture`
        name: 'resnet' "50"
        max_batch_size: 0x10
        input < name: "x" data_type: 11 dims: -1 dims: 3 >
        instance_group: [ { kind: KIND_CPU count: 2 }, { kind: KIND_GPU gpus: [ 0, 1 ] } ]
        model_transaction_policy { decoupled: True }
        dynamic_batching { preferred_batch_size: [ 4, 8 ]; max_queue_delay_microseconds: 100, }
        parameters { key: "k" value: { string_value: "v" } }
        parameters [ { key: "a" value { string_value: "b" } } ]
        optimization { execution_accelerators { gpu_execution_accelerator: [ { name: "tensorrt" parameters { key: "precision_mode" value: "FP16" } } ] } }
      `,
      { uri: 'file:///repo/resnet50/config.pbtxt' },
    );
  });
});
