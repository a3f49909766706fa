// A metric control overrides the settings of one metric family, so it must name the family,
// and the histogram it sets must have bucket boundaries.
import { defineCheck } from './check';

export const tritonModelMetrics = defineCheck({
  id: 'triton/model-metrics',
  severity: 'error',
  description: 'Each metric_control names a metric family, and its histogram options have buckets.',
  docs: {
    why:
      'A `metric_control` overrides the options of one metric family (the buckets of a latency histogram, say), ' +
      'so Triton refuses one that does not name the family, and histogram options without buckets.',
    fix: 'Name the family in `metric_identifier { family: "…" }` and list the histogram\'s bucket boundaries in ascending order.',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/metrics.md (histograms, per-model metric configuration).',
    folder: 'detector',
    invalid: `backend: "python"
model_metrics {
  metric_control [
    {
      metric_identifier { family: "" }
#                                 ^^ error[triton/model-metrics]: metric control of model detector must specify metric_identifier with a non-empty family. Set metric_identifier { family: "…" } to the metric family to override.
      histogram_options { }
#     ^^^^^^^^^^^^^^^^^ error[triton/model-metrics]: histogram options of model detector must specify at least one bucket. List the bucket boundaries in ascending order, e.g. buckets: [ 1, 10, 100 ].
    }
  ]
}`,
    valid: `backend: "python"
model_metrics {
  metric_control [
    {
      metric_identifier { family: "nv_inference_first_response_histogram_ms" }
      histogram_options { buckets: [ 1, 10, 100, 500 ] }
    }
  ]
}`,
  },
  check(config, context) {
    const model = context.modelName;
    for (const control of config.message1('model_metrics')?.messages('metric_control') ?? []) {
      const identifier = control.message1('metric_identifier');
      if (!identifier?.string('family')) {
        // The smallest range that says what is missing: the empty family, the identifier, or the control.
        const family = identifier?.scalar('family');
        const named = control.field('metric_identifier');
        const [start, end] = family
          ? [family.start, family.end]
          : named
            ? [named.nameStart, named.nameEnd]
            : [control.message.start, control.message.start + 1];
        context.report(
          start,
          end,
          `metric control of model ${model} must specify metric_identifier with a non-empty family. Set metric_identifier ` +
            `{ family: "…" } to the metric family to override.`,
        );
      }
      const histogram = control.field('histogram_options');
      if (histogram && !control.message1('histogram_options')?.scalars('buckets').length) {
        const buckets = control.message1('histogram_options')?.field('buckets') ?? histogram;
        context.report(
          buckets.nameStart,
          buckets.nameEnd,
          `histogram options of model ${model} must specify at least one bucket. List the bucket boundaries ` +
            `in ascending order, e.g. buckets: [ 1, 10, 100 ].`,
        );
      }
    }
  },
});
