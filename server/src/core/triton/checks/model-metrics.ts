// A metric control overrides the settings of one metric family, so it must name the family,
// and the histogram it sets must have bucket boundaries.
import type { TritonCheck } from './check';

export const modelMetrics: TritonCheck = {
  id: 'triton/model-metrics',
  description: 'Each metric_control names a metric family, and its histogram options have buckets.',
  check(config, context) {
    const model = context.modelName;
    for (const control of config.message1('model_metrics')?.messages('metric_control') ?? []) {
      const identifier = control.message1('metric_identifier');
      if (!identifier?.string('family')) {
        // The smallest range that says what is missing: the empty family, the identifier, or the control.
        const family = identifier?.scalar('family');
        const named = control.field('metric_identifier');
        const [start, end] = family ? [family.start, family.end] : named ? [named.nameStart, named.nameEnd] : [control.message.start, control.message.start + 1];
        context.report(start, end, 'error', this.id, `metric control of model ${model} must specify metric_identifier with a non-empty family. Set metric_identifier { family: "…" } to the metric family to override.`);
      }
      const histogram = control.field('histogram_options');
      if (histogram && !control.message1('histogram_options')?.scalars('buckets').length) {
        const buckets = control.message1('histogram_options')?.field('buckets') ?? histogram;
        context.report(buckets.nameStart, buckets.nameEnd, 'error', this.id, `histogram options of model ${model} must specify at least one bucket. List the bucket boundaries in ascending order, e.g. buckets: [ 1, 10, 100 ].`);
      }
    }
  },
};
