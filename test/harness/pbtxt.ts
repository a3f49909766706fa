// Checks protobuf text format syntax findings against an annotated fixture (`#  ^^^ error[code]: …`
// lines under the spans; `#` starts a comment in pbtxt too) and returns the parsed document.
import * as assert from 'node:assert/strict';
import type { PbDocument } from '../../server/src/core/triton/pbtxt-ast';
import { parsePbtxt } from '../../server/src/core/triton/pbtxt-parser';
import { asExpected, parseFixture, renderAnnotated } from './fixture';

export function checkPbtxtSyntax(annotated: string): PbDocument {
  const { text, expected } = parseFixture(annotated);
  const document = parsePbtxt(text);
  assert.equal(renderAnnotated(text, asExpected(document.findings)), renderAnnotated(text, expected));
  return document;
}

/** A realistic Triton model config (ONNX, inputs, outputs, instance groups, dynamic batching, maps). */
export const DENSENET_CONFIG = `# DenseNet from the Triton quick start, ONNX Runtime backend
name: "densenet_onnx"
platform: "onnxruntime_onnx"
max_batch_size: 8
input [
  {
    name: "data_0"
    data_type: TYPE_FP32
    format: FORMAT_NCHW
    dims: [ 3, 224, 224 ]
    reshape { shape: [ 1, 3, 224, 224 ] }
  }
]
output [
  {
    name: "fc6_1"
    data_type: TYPE_FP32
    dims: [ 1000 ]
    label_filename: "densenet_labels.txt"
  }
]
instance_group [
  {
    count: 2
    kind: KIND_GPU
    gpus: [ 0, 1 ]
  },
  { count: 1, kind: KIND_CPU }
]
dynamic_batching {
  preferred_batch_size: [ 4, 8 ]
  max_queue_delay_microseconds: 100
  default_queue_policy { timeout_action: REJECT default_timeout_microseconds: 0x2710 }
}
parameters { key: "intra_op_thread_count" value: { string_value: "4" } }
parameters: { key: "cudnn_conv_algo_search" value { string_value: "1" } }
version_policy: { latest { num_versions: 2 } }
`;
