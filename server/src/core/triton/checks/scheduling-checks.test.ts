// Scheduling settings (dynamic batching priorities, sequence batching): one failing config per rule
// with its exact finding, and valid configs that must stay silent.
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';

const uri = 'file:///repo/detector/config.pbtxt';

describe('Triton dynamic batching priorities', () => {
  it('wants the default level and every queue policy level within [1, priority_levels]', () => {
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 8
      dynamic_batching {
        priority_levels: 2
        default_priority_level: 3
        #                       ^ error[triton/dynamic-batching]: default priority level must be in range [1, 2] for detector (found 3).
        priority_queue_policy { key: 0 value { max_queue_size: 4 } }
        #                            ^ error[triton/dynamic-batching]: priority queue policy must have priority level in range [1, 2] for detector (found 0).
        priority_queue_policy [ { key: 2 value { } }, { key: 3 value { } } ]
        #                                                    ^ error[triton/dynamic-batching]: priority queue policy must have priority level in range [1, 2] for detector (found 3).
      }
    `,
      { uri },
    );
  });

  it('wants a default level once priority levels are on', () => {
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 8
      dynamic_batching { priority_levels: 2 }
      #                  ^^^^^^^^^^^^^^^ error[triton/dynamic-batching]: default priority level must be in range [1, 2] for detector: default_priority_level is not set. Add default_priority_level, the level of requests that do not give one.
    `,
      { uri },
    );
  });

  it('warns that priority settings do nothing without priority_levels', () => {
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 8
      dynamic_batching {
        default_priority_level: 1
        ^^^^^^^^^^^^^^^^^^^^^^ warning[triton/dynamic-batching]: default_priority_level has no effect for detector without priority_levels. Set priority_levels, or remove default_priority_level.
        priority_queue_policy { key: 1 value { max_queue_size: 4 } }
        ^^^^^^^^^^^^^^^^^^^^^ warning[triton/dynamic-batching]: priority_queue_policy has no effect for detector without priority_levels. Set priority_levels, or remove priority_queue_policy.
      }
    `,
      { uri },
    );
  });

  it('allows one level and no delayed timeouts when preserving order', () => {
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 8
      dynamic_batching {
        preserve_ordering: true
        priority_levels: 3
        #                ^ error[triton/dynamic-batching]: Only one priority level is allowed when 'preserve_ordering' is true for detector. Set priority_levels: 1, or turn preserve_ordering off.
        default_priority_level: 1
        default_queue_policy { timeout_action: DELAY default_timeout_microseconds: 1000 }
        #                                      ^^^^^ error[triton/dynamic-batching]: Queue policy can not have DELAY as timeout action when 'preserve_ordering' is true for detector. Use timeout_action: REJECT, or turn preserve_ordering off.
        priority_queue_policy { key: 2 value { timeout_action: 1 default_timeout_microseconds: 50 } }
        #                                                      ^ error[triton/dynamic-batching]: Queue policy can not have DELAY as timeout action when 'preserve_ordering' is true for detector. Use timeout_action: REJECT, or turn preserve_ordering off.
        priority_queue_policy { key: 3 value { timeout_action: DELAY } }
      }
    `,
      { uri },
    );
  });

  it('accepts valid priority and ordering settings', () => {
    checkFindings(
      fixture`
      platform: "tensorrt_plan"
      max_batch_size: 16
      dynamic_batching {
        preferred_batch_size: [ 4, 8 ]
        max_queue_delay_microseconds: 100
        priority_levels: 3
        default_priority_level: 2
        default_queue_policy { timeout_action: DELAY default_timeout_microseconds: 1000 allow_timeout_override: true }
        priority_queue_policy [ { key: 1 value { max_queue_size: 16 } }, { key: 3 value { timeout_action: REJECT default_timeout_microseconds: 10 } } ]
      }
    `,
      { uri },
    );
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 8
      dynamic_batching {
        preserve_ordering: True
        priority_levels: 1
        default_priority_level: 1
        default_queue_policy { timeout_action: DELAY }
        priority_queue_policy { key: 1 value { timeout_action: REJECT default_timeout_microseconds: 100 } }
      }
    `,
      { uri },
    );
  });
});

describe('Triton sequence batching', () => {
  it('wants each control tensor named, with one kind, and each kind on one tensor', () => {
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 8
      sequence_batching {
        control_input [ { control [ { kind: CONTROL_SEQUENCE_READY int32_false_true: [ 0, 1 ] } ] } ]
        #               ^ error[triton/sequence-batching]: sequence batching control tensor must have a name for detector. Set name to the model input that receives the control.
        control_input {
          name: "START"
          control [ { kind: CONTROL_SEQUENCE_START int32_false_true: [ 0, 1 ] }, { kind: CONTROL_SEQUENCE_END int32_false_true: [ 0, 1 ] } ]
          #                                                                              ^^^^^^^^^^^^^^^^^^^^ error[triton/sequence-batching]: sequence batching control tensor 'START' is specified for multiple control kinds for detector. Give each control kind its own tensor.
        }
        control_input { name: "START" control { kind: CONTROL_SEQUENCE_END int32_false_true: [ 0, 1 ] } }
        #                     ^^^^^^^ error[triton/sequence-batching]: sequence batching control tensor 'START' is specified for multiple control kinds for detector. Give each control kind its own tensor.
        control_input { name: "START_2" control { kind: CONTROL_SEQUENCE_START bool_false_true: [ false, true ] } }
        #                                               ^^^^^^^^^^^^^^^^^^^^^^ error[triton/sequence-batching]: sequence batching specifies multiple CONTROL_SEQUENCE_START tensors for detector. Keep CONTROL_SEQUENCE_START on one control tensor.
      }
    `,
      { uri },
    );
  });

  it('wants START, READY and END as one [false, true] pair', () => {
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 8
      sequence_batching {
        control_input { name: "READY" control { kind: CONTROL_SEQUENCE_READY } }
        #                                             ^^^^^^^^^^^^^^^^^^^^^^ error[triton/sequence-batching]: sequence batching must specify either 'int32_false_true', 'fp32_false_true' or 'bool_false_true' for CONTROL_SEQUENCE_READY for detector. Add one with the false value, then the true value, e.g. int32_false_true: [ 0, 1 ].
        control_input { name: "END" control { kind: CONTROL_SEQUENCE_END int32_false_true: [ 0, 1 ] fp32_false_true: [ 0, 1 ] } }
        #                                                                                           ^^^^^^^^^^^^^^^ error[triton/sequence-batching]: sequence batching must specify only one of 'int32_false_true', 'fp32_false_true' or 'bool_false_true' for CONTROL_SEQUENCE_END for detector. Remove fp32_false_true.
        control_input { name: "START" control { int32_false_true: [ 1 ] } }
        #                                       ^^^^^^^^^^^^^^^^ error[triton/sequence-batching]: sequence batching control 'int32_false_true' must have exactly 2 entries for CONTROL_SEQUENCE_START for detector (found 1): the false value, then the true value.
      }
    `,
      { uri },
    );
  });

  it('wants CORRID typed as an integer or string, without a [false, true] pair', () => {
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 8
      sequence_batching {
        control_input { name: "CORRID" control { kind: CONTROL_SEQUENCE_CORRID data_type: TYPE_FP32 int32_false_true: [ 0, 1 ] } }
        #                                                                                 ^^^^^^^^^ error[triton/sequence-batching]: unexpected data type for control CONTROL_SEQUENCE_CORRID for detector. Allowed data types are TYPE_UINT64, TYPE_INT64, TYPE_UINT32, TYPE_INT32 and TYPE_STRING.
        #                                                                                           ^^^^^^^^^^^^^^^^ error[triton/sequence-batching]: sequence batching must not specify either 'int32_false_true', 'fp32_false_true' or 'bool_false_true' for CONTROL_SEQUENCE_CORRID for detector. Remove int32_false_true; data_type gives the correlation id's type.
      }
    `,
      { uri },
    );
    checkFindings(
      fixture`
      backend: "python"
      sequence_batching {
        control_input { name: "CORRID" control { kind: CONTROL_SEQUENCE_CORRID } }
        #                                              ^^^^^^^^^^^^^^^^^^^^^^^ error[triton/sequence-batching]: unexpected data type for control CONTROL_SEQUENCE_CORRID for detector (data_type is not set). Allowed data types are TYPE_UINT64, TYPE_INT64, TYPE_UINT32, TYPE_INT32 and TYPE_STRING.
      }
    `,
      { uri },
    );
  });

  it('wants oldest preferred sizes in [1, max_batch_size] and direct slot utilization in [0, 1]', () => {
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 8
      sequence_batching { oldest { max_candidate_sequences: 16 preferred_batch_size: [ 0, 4, 16 ] } }
      #                                                                                ^ error[triton/sequence-batching]: sequence batching preferred batch size must be positive for detector (found 0).
      #                                                                                      ^^ error[triton/sequence-batching]: sequence batching preferred batch size must be <= max batch size for detector: 16 is above max_batch_size 8.
    `,
      { uri },
    );
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 8
      sequence_batching { direct { max_queue_delay_microseconds: 100 minimum_slot_utilization: 1.5 } }
      #                                                                                        ^^^ error[triton/sequence-batching]: sequence batching minimum slot utilization must be in range [0, 1] for detector (found 1.5): it is the fraction of batch slots that must be ready, e.g. 0.5.
    `,
      { uri },
    );
  });

  it('accepts a complete stateful model', () => {
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 8
      sequence_batching {
        max_sequence_idle_microseconds: 5000000
        oldest { max_candidate_sequences: 32 preferred_batch_size: [ 4, 8 ] max_queue_delay_microseconds: 100 }
        control_input [
          { name: "START" control [ { kind: CONTROL_SEQUENCE_START fp32_false_true: [ 0, 1 ] } ] },
          { name: "READY" control [ { kind: CONTROL_SEQUENCE_READY bool_false_true: [ false, true ] } ] },
          { name: "END" control [ { kind: 2 int32_false_true: [ 0, 1 ] } ] },
          { name: "CORRID" control [ { kind: CONTROL_SEQUENCE_CORRID data_type: TYPE_UINT64 } ] }
        ]
        state [ { input_name: "INPUT_STATE" output_name: "OUTPUT_STATE" data_type: TYPE_INT32 dims: [ 1 ] } ]
      }
    `,
      { uri },
    );
    // Sequence batching works without batching, and a string correlation id is fine.
    checkFindings(
      fixture`
      backend: "python"
      max_batch_size: 0
      sequence_batching {
        direct { minimum_slot_utilization: 0.5 }
        control_input { name: "CORRID" control { kind: CONTROL_SEQUENCE_CORRID data_type: TYPE_STRING } }
      }
    `,
      { uri },
    );
  });
});
