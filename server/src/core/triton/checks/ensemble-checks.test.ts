// The tensor flow inside one ensemble config: one failing config per rule with its exact
// finding, and a realistic three-step ensemble with none.
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';

const uri = 'file:///repo/pipeline/config.pbtxt';

describe('Triton ensemble tensor flow', () => {
  it('accepts a realistic three-step ensemble, maps written by repetition and as lists', () => {
    checkFindings(
      fixture`
      name: "pipeline"
      platform: "ensemble"
      max_batch_size: 8
      input [ { name: "RAW_IMAGE" data_type: TYPE_UINT8 dims: [ -1 ] } ]
      output [
        { name: "LABELS" data_type: TYPE_STRING dims: [ 5 ] },
        { name: "SCORES" data_type: TYPE_FP32 dims: [ 5 ] }
      ]
      ensemble_scheduling {
        step [
          {
            model_name: "preprocess"
            model_version: -1
            input_map { key: "INPUT_0" value: "RAW_IMAGE" }
            output_map { key: "OUTPUT_0" value: "preprocessed_image" }
          },
          {
            model_name: "classifier"
            model_version: 1
            input_map { key: "input" value: "preprocessed_image" }
            output_map { key: "logits" value: "class_logits" }
          },
          {
            model_name: "postprocess"
            model_version: -1
            input_map [ { key: "LOGITS" value: "class_logits" } ]
            output_map [
              { key: "TOP_LABELS" value: "LABELS" },
              { key: "TOP_SCORES" value: "SCORES" }
            ]
          }
        ]
      }
    `,
      { uri },
    );
  });

  it('wants every ensemble input read and every output written', () => {
    checkFindings(
      fixture`
      platform: "ensemble"
      input [ { name: "IMAGE" data_type: TYPE_FP32 dims: [ 3 ] }, { name: "MASK" data_type: TYPE_FP32 dims: [ 3 ] } ]
      #                                                                   ^^^^^^ error[triton/ensemble-tensors]: ensemble input 'MASK' for ensemble 'pipeline' is not used. Read it in a step's input_map (value: "MASK"), or remove the input.
      output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 5 ] }, { name: "BOXES" data_type: TYPE_FP32 dims: [ 4 ] } ]
      #                                                                     ^^^^^^^ error[triton/ensemble-tensors]: output 'BOXES' for ensemble 'pipeline' is not written. Write it in a step's output_map (value: "BOXES"), or remove the output.
      ensemble_scheduling { step [ { model_name: "detector" input_map { key: "x" value: "IMAGE" } output_map { key: "y" value: "SCORES" } } ] }
    `,
      { uri },
    );
  });

  it('lets a tensor be written only once, naming the step that wrote it first', () => {
    checkFindings(
      fixture`
      platform: "ensemble"
      input [ { name: "IMAGE" data_type: TYPE_FP32 dims: [ 3 ] } ]
      output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 5 ] } ]
      ensemble_scheduling {
        step { model_name: "a" input_map { key: "x" value: "IMAGE" } output_map { key: "y" value: "SCORES" } }
        step {
          model_name: "b"
          input_map { key: "x" value: "IMAGE" }
          output_map { key: "y" value: "SCORES" }
      #                                ^^^^^^^^ error[triton/ensemble-tensors]: ensemble tensor 'SCORES' can appear in an output map only once for ensemble 'pipeline': step 1 (a) already writes it. Map this output to another tensor name.
          output_map { key: "z" value: "SCORES" }
      #                                ^^^^^^^^ error[triton/ensemble-tensors]: ensemble tensor 'SCORES' can appear in an output map only once for ensemble 'pipeline': step 1 (a) already writes it. Map this output to another tensor name.
        }
      }
    `,
      { uri },
    );
  });

  it('warns of the mapping a key written twice drops: Triton keeps the last and loads the ensemble', () => {
    checkFindings(
      fixture`
      platform: "ensemble"
      input [ { name: "IMAGE" data_type: TYPE_FP32 dims: [ 3 ] }, { name: "SIZE" data_type: TYPE_INT32 dims: [ 2 ] } ]
      output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 5 ] } ]
      ensemble_scheduling {
        step {
          model_name: "classifier"
          input_map { key: "image" value: "SIZE" }
      #                    ^^^^^^^ warning[triton/ensemble-tensors]: input 'image' is mapped twice in step 1 (classifier): the last mapping (to 'IMAGE') wins and this one (to 'SIZE') is dropped. Remove one of them.
          input_map { key: "image" value: "IMAGE" }
          input_map { key: "size" value: "SIZE" }
          output_map [ { key: "scores" value: "old_scores" }, { key: "scores" value: "SCORES" } ]
      #                       ^^^^^^^^ warning[triton/ensemble-tensors]: output 'scores' is mapped twice in step 1 (classifier): the last mapping (to 'SCORES') wins and this one (to 'old_scores') is dropped. Remove one of them.
        }
      }
    `,
      { uri },
    );
  });

  it('finds intermediate tensors that no step reads', () => {
    checkFindings(
      fixture`
      platform: "ensemble"
      input [ { name: "IMAGE" data_type: TYPE_FP32 dims: [ 3 ] } ]
      output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 5 ] } ]
      ensemble_scheduling { step [
        { model_name: "preprocess" input_map { key: "raw" value: "IMAGE" } output_map [ { key: "image" value: "pixels" }, { key: "debug" value: "debug_view" } ] },
      #                                                                                                                                         ^^^^^^^^^^^^ error[triton/ensemble-tensors]: ensemble tensor 'debug_view' is unused in ensemble 'pipeline': step 1 (preprocess) writes it, but no step reads it and it is not an ensemble output. Read it in another step's input_map, add it to output, or remove this mapping.
        { model_name: "classifier" input_map { key: "image" value: "pixels" } output_map { key: "scores" value: "SCORES" } }
      ] }
    `,
      { uri },
    );
  });

  it('finds step inputs that nothing produces, suggesting a near name', () => {
    checkFindings(
      fixture`
      platform: "ensemble"
      input [ { name: "IMAGE" data_type: TYPE_FP32 dims: [ 3 ] } ]
      output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 5 ] } ]
      ensemble_scheduling { step [
        { model_name: "preprocess" input_map { key: "raw" value: "IMAGE" } output_map { key: "image" value: "pixels" } },
        { model_name: "classifier" input_map { key: "image" value: "pixel" } output_map { key: "scores" value: "SCORES" } },
      #                                                            ^^^^^^^ error[triton/ensemble-tensors]: step 2 (classifier) reads ensemble tensor 'pixel', which is neither an ensemble input nor written by any step: it is never produced, so the step never runs. Did you mean 'pixels'?
        { model_name: "crop" input_map [ { key: "image" value: "pixels" }, { key: "box" value: "regions" } ] output_map { key: "crop" value: "SCORES_CROP" } }
      #                                                                                        ^^^^^^^^^ error[triton/ensemble-tensors]: step 3 (crop) reads ensemble tensor 'regions', which is neither an ensemble input nor written by any step: it is never produced, so the step never runs. Read an ensemble input or a tensor that another step writes in its output_map.
      #                                                                                                                                      ^^^^^^^^^^^^^ error[triton/ensemble-tensors]: ensemble tensor 'SCORES_CROP' is unused in ensemble 'pipeline': step 3 (crop) writes it, but no step reads it and it is not an ensemble output. Read it in another step's input_map, add it to output, or remove this mapping.
      ] }
    `,
      { uri },
    );
  });

  it('wants the steps to form a DAG', () => {
    checkFindings(
      fixture`
      platform: "ensemble"
      input [ { name: "IMAGE" data_type: TYPE_FP32 dims: [ 3 ] } ]
      output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 5 ] } ]
      ensemble_scheduling { step [
        { model_name: "a" input_map [ { key: "image" value: "IMAGE" }, { key: "state" value: "c_out" } ] output_map { key: "out" value: "a_out" } },
      #                                                                                      ^^^^^^^ error[triton/ensemble-tensors]: circular data flow in ensemble 'pipeline': step 1 (a) reads 'c_out' from step 3 (c), which reads 'b_out' from step 2 (b), which reads 'a_out' from step 1 (a). Steps must form a DAG: feed one of them from an ensemble input or from a step outside the cycle.
        { model_name: "b" input_map { key: "in" value: "a_out" } output_map [ { key: "out" value: "b_out" }, { key: "scores" value: "SCORES" } ] },
        { model_name: "c" input_map { key: "in" value: "b_out" } output_map { key: "out" value: "c_out" } }
      ] }
    `,
      { uri },
    );
    checkFindings(
      fixture`
      platform: "ensemble"
      input [ { name: "IMAGE" data_type: TYPE_FP32 dims: [ 3 ] } ]
      output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 5 ] } ]
      ensemble_scheduling { step [
        { model_name: "rnn" input_map [ { key: "x" value: "IMAGE" }, { key: "h" value: "hidden" } ] output_map [ { key: "h_next" value: "hidden" }, { key: "y" value: "SCORES" } ] }
      #                                                                                ^^^^^^^^ error[triton/ensemble-tensors]: circular data flow in ensemble 'pipeline': step 1 (rnn) reads 'hidden' from itself. Steps must form a DAG: feed one of them from an ensemble input or from a step outside the cycle.
      ] }
    `,
      { uri },
    );
  });

  it('finds no cycle through an ensemble input that a step writes back, as it is ready from the start', () => {
    checkFindings(
      fixture`
      platform: "ensemble"
      input [ { name: "IMAGE" data_type: TYPE_FP32 dims: [ 3 ] } ]
      output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 5 ] } ]
      ensemble_scheduling { step [
        { model_name: "a" input_map { key: "x" value: "IMAGE" } output_map [ { key: "x_out" value: "IMAGE" }, { key: "y" value: "SCORES" } ] }
      ] }
    `,
      { uri },
    );
  });

  it('follows no tensors while a step is incomplete, as Triton stops there', () => {
    checkFindings(
      fixture`
      platform: "ensemble"
      input [ { name: "IMAGE" data_type: TYPE_FP32 dims: [ 3 ] } ]
      output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 5 ] } ]
      ensemble_scheduling { step [ { model_name: "a" input_map { key: "x" value: "IMAGE" } } ] }
      #                            ^ error[triton/ensemble]: step 1 of ensemble pipeline must specify 'output_map'.
    `,
      { uri },
    );
  });

  it('counts what fields hold, as Triton does: an empty name or map is missing, an empty list of instances is none', () => {
    checkFindings(
      fixture`
      platform: "ensemble"
      input [ { name: "IMAGE" data_type: TYPE_FP32 dims: [ 3 ] } ]
      output [ { name: "SCORES" data_type: TYPE_FP32 dims: [ 5 ] } ]
      instance_group [ ]
      model_warmup [ ]
      ensemble_scheduling { step [
        { model_name: "" input_map { key: "x" value: "IMAGE" } output_map { key: "y" value: "SCORES" } },
      # ^ error[triton/ensemble]: step 1 of ensemble pipeline must specify 'model_name'.
        { model_name: "b" input_map [ ] output_map [ ] }
      # ^ error[triton/ensemble]: step 2 of ensemble pipeline must specify 'input_map', 'output_map'.
      ] }
    `,
      { uri },
    );
  });

  it('leaves configs of other platforms alone', () => {
    checkFindings(
      fixture`
      backend: "python"
      input [ { name: "IMAGE" data_type: TYPE_FP32 dims: [ 3 ] } ]
    `,
      { uri },
    );
  });
});
