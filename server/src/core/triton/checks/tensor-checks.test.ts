// What Triton checks of tensors when it loads a config: reshapes, scalar tensors, formats and
// TensorRT-only flags, batch inputs and outputs. One failing config per rule with its exact
// finding, and valid configs (including ones left to auto-complete) with none.
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';

const uri = 'file:///repo/detector/config.pbtxt';

describe('Triton load-time checks of tensors', () => {
  describe('reshape', () => {
    it('wants as many elements as dims', () => {
      checkFindings(
        fixture`
        backend: "python"
        max_batch_size: 8
        input [ { name: "x" data_type: TYPE_FP32 dims: [ 3, 4 ] reshape { shape: [ 10 ] } } ]
        #                                                       ^^^^^^^ error[triton/reshape]: model input 'x' has different size for dims and reshape for model 'detector': dims hold 12 elements, reshape 10. Make the reshape hold as many elements as dims.
      `,
        { uri },
      );
    });

    it('compares the element counts between the -1s pairwise', () => {
      checkFindings(
        fixture`
        backend: "python"
        max_batch_size: 8
        output [ { name: "y" data_type: TYPE_FP32 dims: [ 2, 4, -1, 6 ] reshape { shape: [ 8, -1, 3 ] } } ]
        #                                                               ^^^^^^^ error[triton/reshape]: model output 'y' has different size for dims and reshape for model 'detector': dims hold 8 × -1 × 6 elements, reshape 8 × -1 × 3. Make the reshape hold as many elements as dims.
      `,
        { uri },
      );
    });

    it('wants as many variable-size dims as dims', () => {
      checkFindings(
        fixture`
        backend: "python"
        max_batch_size: 8
        input [ { name: "x" data_type: TYPE_FP32 dims: [ -1, 4 ] reshape { shape: [ 4 ] } } ]
        #                                                        ^^^^^^^ error[triton/reshape]: model input 'x' has different number of variable-size dimensions for dims and reshape for model 'detector': dims have 1, reshape 0. Give the reshape a -1 for each -1 of dims.
      `,
        { uri },
      );
    });

    it('accepts reshapes that keep the elements, and an empty reshape of one element on a batching model', () => {
      checkFindings(
        fixture`
        backend: "python"
        max_batch_size: 8
        input [
          { name: "a" data_type: TYPE_FP32 dims: [ 2, 4, -1, 6 ] reshape { shape: [ 8, -1, 1, 6 ] } },
          { name: "b" data_type: TYPE_INT64 dims: [ 1 ] reshape { } },
          { name: "c" data_type: TYPE_FP32 dims: [ 224, 224, 3 ] reshape { shape: [ 1, 224, 224, 3 ] } }
        ]
        output [ { name: "y" data_type: TYPE_FP32 dims: [ 1 ] reshape { shape: [ ] } } ]
      `,
        { uri },
      );
    });
  });

  describe('scalar tensors', () => {
    it('refuses empty dims and an empty reshape on a model written as non-batching', () => {
      checkFindings(
        fixture`
        platform: "pytorch_libtorch"
        max_batch_size: 0
        input [ { name: "x" data_type: TYPE_FP32 dims: [ ] } ]
        #                                        ^^^^ error[triton/scalar-tensor]: model input 'x' cannot have empty dims for non-batching model as scalar tensors are not supported for model 'detector'. Write dims: [ 1 ], or set max_batch_size above 0.
        output [ { name: "y" data_type: TYPE_FP32 dims: [ 1 ] reshape { } } ]
        #                                                     ^^^^^^^ error[triton/scalar-tensor]: model output 'y' cannot have empty reshape for non-batching model as scalar tensors are not supported for model 'detector'. Remove the reshape, or set max_batch_size above 0.
      `,
        { uri },
      );
    });

    it('leaves dims to auto-complete, and max_batch_size when it is not written', () => {
      checkFindings(
        fixture`
        platform: "onnxruntime_onnx"
        max_batch_size: 0
        input [ { name: "x" data_type: TYPE_FP32 dims: [ ] } ]
      `,
        { uri },
      );
      checkFindings(
        fixture`
        platform: "pytorch_libtorch"
        input [ { name: "x" data_type: TYPE_FP32 dims: [ 1 ] reshape { } } ]
        output [ { name: "y" data_type: TYPE_FP32 dims: [ 1 ] } ]
      `,
        { uri },
      );
    });
  });

  describe('io formats and TensorRT-only flags', () => {
    it('wants 3 dims for an image format, and shape tensors and non-linear formats only for TensorRT', () => {
      checkFindings(
        fixture`
        platform: "onnxruntime_onnx"
        max_batch_size: 8
        input [ { name: "image" data_type: TYPE_FP32 format: FORMAT_NHWC dims: [ 1, 224, 224, 3 ] } ]
        #                                                    ^^^^^^^^^^^ error[triton/io-format]: model input 'image' of format FORMAT_NHWC requires 3 dims for model 'detector', found 4. Write only the image's dims (HWC or CHW), without the batch dimension.
        input [ { name: "shape" data_type: TYPE_INT32 dims: [ 2 ] is_shape_tensor: true } ]
        #                                                                          ^^^^ error[triton/io-format]: model input 'shape' cannot be a shape tensor for model 'detector': shape tensors are only supported for TensorRT platform, and this model uses onnxruntime. Remove is_shape_tensor.
        output [ { name: "y" data_type: TYPE_FP16 dims: [ 3, 8, 8 ] is_non_linear_format_io: true } ]
        #                                                                                    ^^^^ error[triton/io-format]: model output 'y' cannot use a non-linear IO format for model 'detector': non-linear IO formats are only supported for TensorRT platform, and this model uses onnxruntime. Remove is_non_linear_format_io.
      `,
        { uri },
      );
    });

    it('wants 3 dims for a non-linear format on TensorRT', () => {
      checkFindings(
        fixture`
        backend: "tensorrt"
        max_batch_size: 8
        input [ { name: "x" data_type: TYPE_FP16 dims: [ 3, 224 ] is_non_linear_format_io: t } ]
        #                                                                                  ^ error[triton/io-format]: model input 'x' with a non-linear IO format requires 3 dims for model 'detector', found 2. Write only its 3 dims, without the batch dimension.
      `,
        { uri },
      );
    });

    it('accepts image formats with 3 dims, TensorRT shape tensors, and flags on a model whose backend auto-complete finds', () => {
      checkFindings(
        fixture`
        platform: "tensorrt_plan"
        max_batch_size: 8
        input [
          { name: "image" data_type: TYPE_FP16 format: FORMAT_NCHW dims: [ 3, -1, -1 ] is_non_linear_format_io: true },
          { name: "shape" data_type: TYPE_INT32 dims: [ 2 ] is_shape_tensor: true },
          { name: "mask" data_type: TYPE_BOOL format: FORMAT_NONE dims: [ 5 ] is_shape_tensor: false }
        ]
        output [ { name: "boxes" data_type: TYPE_FP32 dims: [ -1, 4 ] is_shape_tensor: false } ]
      `,
        { uri },
      );
      checkFindings(
        fixture`
        max_batch_size: 8
        input [ { name: "shape" data_type: TYPE_INT32 dims: [ 2 ] is_shape_tensor: true } ]
      `,
        { uri },
      );
    });
  });

  describe('batch inputs and outputs', () => {
    it('wants a batch input with a target, one source and an INT32 or FP32 type', () => {
      checkFindings(
        fixture`
        backend: "python"
        max_batch_size: 8
        input [ { name: "a" data_type: TYPE_FP32 dims: [ -1 ] }, { name: "b" data_type: TYPE_FP32 dims: [ -1 ] } ]
        batch_input [ { kind: BATCH_ITEM_SHAPE source_input: [ "a", "b" ] data_type: TYPE_INT64 } ]
        #             ^ error[triton/batch-io]: batch input must specify 'target_name' for model 'detector'. Name the input that the backend creates for it.
        #                                      ^^^^^^^^^^^^ error[triton/batch-io]: batch input kind 'BATCH_ITEM_SHAPE' expects 1 source input, got 2, for model 'detector'. Name exactly one model input in source_input.
        #                                                                            ^^^^^^^^^^ error[triton/batch-io]: batch input data type must be TYPE_INT32 or TYPE_FP32 for model 'detector', found TYPE_INT64. Write data_type: TYPE_INT32 or TYPE_FP32.
      `,
        { uri },
      );
    });

    it('wants batch input sources among the declared inputs, and one of them', () => {
      checkFindings(
        fixture`
        backend: "python"
        max_batch_size: 8
        input [ { name: "a" data_type: TYPE_FP32 dims: [ -1 ] } ]
        batch_input { target_name: "n" kind: BATCH_ELEMENT_COUNT source_input: "z" }
        #           ^ error[triton/batch-io]: batch input data type must be TYPE_INT32 or TYPE_FP32 for model 'detector', found none. Write data_type: TYPE_INT32 or TYPE_FP32.
        #                                                                      ^^^ error[triton/batch-io]: unknown source input name 'z' for model 'detector'. Name one of its inputs: a.
        batch_input { target_name: "m" kind: BATCH_MAX_ELEMENT_COUNT_AS_SHAPE data_type: TYPE_INT32 }
        #           ^ error[triton/batch-io]: batch input kind 'BATCH_MAX_ELEMENT_COUNT_AS_SHAPE' expects 1 source input, got 0, for model 'detector'. Name exactly one model input in source_input.
      `,
        { uri },
      );
    });

    it('wants batch output targets among the declared outputs, each once, and one source', () => {
      checkFindings(
        fixture`
        backend: "python"
        max_batch_size: 8
        input [ { name: "a" data_type: TYPE_FP32 dims: [ -1 ] } ]
        output [ { name: "y" data_type: TYPE_FP32 dims: [ -1 ] } ]
        batch_output [ { target_name: [ "y", "q" ] source_input: "a" }, { target_name: "y" } ]
        #                                    ^^^ error[triton/batch-io]: unknown target output name 'q' for model 'detector'. Name one of its outputs: y.
        #                                                               ^ error[triton/batch-io]: batch output kind 'BATCH_SCATTER_WITH_INPUT_SHAPE' expects 1 source input, got 0, for model 'detector'. Name exactly one model input in source_input.
        #                                                                              ^^^ error[triton/batch-io]: target output name 'y' can only be specified once for model 'detector'. Remove the repeated target_name.
      `,
        { uri },
      );
    });

    it('accepts ragged batching on TensorRT, and names left to auto-complete', () => {
      checkFindings(
        fixture`
        platform: "tensorrt_plan"
        max_batch_size: 16
        dynamic_batching { }
        input [ { name: "tokens" data_type: TYPE_INT32 dims: [ -1 ] allow_ragged_batch: true } ]
        batch_input [
          { kind: BATCH_ACCUMULATED_ELEMENT_COUNT target_name: "offsets" data_type: TYPE_INT32 source_input: "tokens" },
          { kind: BATCH_ITEM_SHAPE_FLATTEN target_name: "shapes" data_type: TYPE_FP32 source_input: [ "tokens" ] }
        ]
        output [ { name: "scores" data_type: TYPE_FP32 dims: [ -1 ] } ]
        batch_output [ { target_name: "scores" kind: BATCH_SCATTER_WITH_INPUT_SHAPE source_input: "tokens" } ]
      `,
        { uri },
      );
      checkFindings(
        fixture`
        platform: "onnxruntime_onnx"
        max_batch_size: 16
        batch_input [ { kind: BATCH_ELEMENT_COUNT target_name: "count" data_type: TYPE_FP32 source_input: "tokens" } ]
        batch_output [ { target_name: "scores" source_input: "tokens" } ]
      `,
        { uri },
      );
    });
  });
});
