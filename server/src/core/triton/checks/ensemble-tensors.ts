// The tensor flow inside one ensemble config: Triton refuses an ensemble whose inputs are not
// read, whose outputs are not written, or whose tensors are written twice or never used, and a
// step whose input is never produced (a typo, a cycle) can never run. This looks only at this
// config; whether the steps' models declare those inputs and outputs is checked across files.
import type { PbScalar } from '../pbtxt-ast';
import type { ConfigNode } from '../config-view';
import { didYouMean } from '../../did-you-mean';
import { missingStepFields } from '../ensemble-steps';
import { defineCheck, type CheckContext } from './check';

/** One `{ key: … value: … }` entry of a step's input_map or output_map. */
interface MapEntry {
  /** The step model's tensor. */
  key: PbScalar & { string: string };
  /** The ensemble tensor. */
  value: PbScalar & { string: string };
}

interface Step {
  label: string;
  /** The entries protobuf keeps: for a key written twice, the last one. */
  inputs: MapEntry[];
  outputs: MapEntry[];
}

function isString(scalar: PbScalar | undefined): scalar is PbScalar & { string: string } {
  return scalar?.string !== undefined;
}

/** A map's entries as protobuf keeps them (the last duplicate key wins), reporting the dropped ones. */
function readMap(step: ConfigNode, field: 'input_map' | 'output_map', label: string, context: CheckContext): MapEntry[] {
  const byKey = new Map<string, MapEntry[]>();
  for (const entry of step.messages(field)) {
    const key = entry.scalar('key');
    const value = entry.scalar('value');
    // Entries that are not string pairs are the structure check's to report.
    if (!isString(key) || !isString(value)) continue;
    byKey.set(key.string, [...(byKey.get(key.string) ?? []), { key, value }]);
  }
  const kept: MapEntry[] = [];
  for (const [key, entries] of byKey) {
    const last = entries[entries.length - 1];
    for (const dropped of entries.slice(0, -1)) {
      // Triton loads it (protobuf keeps the last entry): a warning, and an error only if what is
      // dropped leaves a tensor unread or unwritten, which the checks below find.
      context.report(
        dropped.key.start,
        dropped.key.end,
        `${field === 'input_map' ? 'input' : 'output'} '${key}' is mapped twice in ${label}: the last mapping ` +
          `(to '${last.value.string}') wins and this one (to '${dropped.value.string}') is dropped. Remove one ` +
          `of them.`,
        { severity: 'warning' },
      );
    }
    kept.push(last);
  }
  return kept;
}

/** Tensor names of the config's inputs or outputs, with the name strings for ranges. */
function declared(config: ConfigNode, section: 'input' | 'output'): Map<string, PbScalar> {
  const names = new Map<string, PbScalar>();
  for (const tensor of config.messages(section)) {
    const name = tensor.scalar('name');
    if (isString(name) && !names.has(name.string)) names.set(name.string, name);
  }
  return names;
}

export const tritonEnsembleTensors = defineCheck({
  id: 'triton/ensemble-tensors',
  severity: 'error',
  description:
    'Ensemble tensor flow: inputs read, outputs written, each tensor written once and used, every step input produced, no cycle.',
  docs: {
    why:
      'Inside an ensemble, data flows through named tensors: each is an ensemble input or is written by exactly ' +
      'one step, and each is read by a step or is an ensemble output. Triton refuses an ensemble whose inputs ' +
      'are not read, whose outputs are not written, or whose tensors are written twice or never used; a step ' +
      'that reads a tensor nobody writes (a typo, or steps that wait on each other in a cycle) would never run.',
    fix:
      "Map each ensemble input into some step's `input_map`, write each ensemble output in some step's " +
      '`output_map`, give each written tensor its own name, and feed each step from an ensemble input or another ' +
      "step's output, so that the steps form a DAG.",
    source:
      "Triton Inference Server core, `src/ensemble_scheduler/ensemble_utils.cc` (the ensemble's tensor graph); " +
      'docs/user_guide/ensemble_models.md.',
    folder: 'pipeline',
    invalid: `platform: "ensemble"
max_batch_size: 8
input [ { name: "raw" data_type: TYPE_UINT8 dims: [ -1 ] } ]
output [ { name: "scores" data_type: TYPE_FP32 dims: [ 1000 ] } ]
ensemble_scheduling {
  step [
    {
      model_name: "preprocess"
      input_map { key: "raw" value: "raw" }
      output_map { key: "pixels" value: "image" }
#                                       ^^^^^^^ error[triton/ensemble-tensors]: ensemble tensor 'image' is unused in ensemble 'pipeline': step 1 (preprocess) writes it, but no step reads it and it is not an ensemble output. Read it in another step's input_map, add it to output, or remove this mapping.
    },
    {
      model_name: "classifier"
      input_map { key: "data_0" value: "images" }
#                                      ^^^^^^^^ error[triton/ensemble-tensors]: step 2 (classifier) reads ensemble tensor 'images', which is neither an ensemble input nor written by any step: it is never produced, so the step never runs. Did you mean 'image'?
      output_map { key: "fc6_1" value: "scores" }
    }
  ]
}`,
    valid: `platform: "ensemble"
max_batch_size: 8
input [ { name: "raw" data_type: TYPE_UINT8 dims: [ -1 ] } ]
output [ { name: "scores" data_type: TYPE_FP32 dims: [ 1000 ] } ]
ensemble_scheduling {
  step [
    {
      model_name: "preprocess"
      input_map { key: "raw" value: "raw" }
      output_map { key: "pixels" value: "image" }
    },
    {
      model_name: "classifier"
      input_map { key: "data_0" value: "image" }
      output_map { key: "fc6_1" value: "scores" }
    }
  ]
}`,
  },
  check(config, context) {
    if (config.string('platform') !== 'ensemble') return;
    const stepNodes = config.message1('ensemble_scheduling')?.messages('step') ?? [];
    // Triton stops at a missing step or an incomplete one (reported by the ensemble check)
    // before it follows tensors; so does this, rather than pile consequences onto that error.
    if (!stepNodes.length || stepNodes.some((step) => missingStepFields(step).length)) return;
    const ensemble = context.modelName;
    const steps: Step[] = stepNodes.map((node, index) => {
      const modelName = node.string('model_name');
      const label = `step ${index + 1}${modelName ? ` (${modelName})` : ''}`;
      return { label, inputs: readMap(node, 'input_map', label, context), outputs: readMap(node, 'output_map', label, context) };
    });
    const inputs = declared(config, 'input');
    const outputs = declared(config, 'output');

    // Who writes each tensor: the first writer; a second one is an error in Triton.
    const writers = new Map<string, { step: number; entry: MapEntry }>();
    steps.forEach((step, index) => {
      for (const entry of step.outputs) {
        const tensor = entry.value.string;
        const first = writers.get(tensor);
        if (first) {
          context.report(
            entry.value.start,
            entry.value.end,
            `ensemble tensor '${tensor}' can appear in an output map only once for ensemble '${ensemble}': ${steps[first.step].label} ` +
              `already writes it. Map this output to another tensor name.`,
          );
        } else writers.set(tensor, { step: index, entry });
      }
    });

    // Every step input must come from an ensemble input or some step's output.
    const read = new Set<string>();
    steps.forEach((step, index) => {
      for (const entry of step.inputs) {
        const tensor = entry.value.string;
        read.add(tensor);
        if (inputs.has(tensor) || writers.has(tensor)) continue;
        // A near name the step could read: not one of its own outputs, which would make a cycle.
        const others = [...writers].filter(([, writer]) => writer.step !== index).map(([name]) => name);
        const suggestion = didYouMean(tensor, [...inputs.keys(), ...others]);
        context.report(
          entry.value.start,
          entry.value.end,
          `${step.label} reads ensemble tensor '${tensor}', which is neither an ensemble input nor written ` +
            `by any step: it is never produced, so the step never runs. ${suggestion ? `Did you mean '${suggestion}'?` : 'Read an ensemble input or a tensor that another step writes in its output_map.'}`,
        );
      }
    });

    for (const [name, scalar] of inputs) {
      if (!read.has(name))
        context.report(
          scalar.start,
          scalar.end,
          `ensemble input '${name}' for ensemble '${ensemble}' is not used. Read it in a step's input_map (value: ` +
            `"${name}"), or remove the input.`,
        );
    }
    for (const [name, scalar] of outputs) {
      if (!writers.has(name))
        context.report(
          scalar.start,
          scalar.end,
          `output '${name}' for ensemble '${ensemble}' is not written. Write it in a step's output_map (value: ` +
            `"${name}"), or remove the output.`,
        );
    }
    for (const [tensor, { step, entry }] of writers) {
      if (!read.has(tensor) && !outputs.has(tensor)) {
        context.report(
          entry.value.start,
          entry.value.end,
          `ensemble tensor '${tensor}' is unused in ensemble '${ensemble}': ${steps[step].label} writes it, ` +
            `but no step reads it and it is not an ensemble output. Read it in another step's input_map, add it ` +
            `to output, or remove this mapping.`,
        );
      }
    }

    reportCycles(steps, writers, inputs, ensemble, context);
  },
});

/**
 * Steps must form a DAG: in a cycle each step waits for another's output and none ever runs.
 * A depth-first search over "reads from" edges; each back edge closes a cycle, reported once
 * on its lowest step, at the input it reads from the next step of the cycle.
 */
function reportCycles(
  steps: Step[],
  writers: Map<string, { step: number }>,
  inputs: Map<string, PbScalar>,
  ensemble: string,
  context: CheckContext,
): void {
  // An ensemble input is ready from the start, even when a step writes it back: no edge.
  const edges = steps.map((step) =>
    step.inputs.flatMap((entry) => {
      const writer = inputs.has(entry.value.string) ? undefined : writers.get(entry.value.string);
      return writer ? [{ to: writer.step, entry }] : [];
    }),
  );
  const state: ('new' | 'open' | 'done')[] = steps.map(() => 'new');
  // The open path: each step with the edge taken out of it.
  const path: { step: number; entry?: MapEntry }[] = [];
  const inReportedCycle = new Set<number>();
  const visit = (step: number): void => {
    state[step] = 'open';
    path.push({ step });
    for (const edge of edges[step]) {
      path[path.length - 1].entry = edge.entry;
      if (state[edge.to] === 'open') {
        const cycle = path.slice(path.findIndex((p) => p.step === edge.to)) as { step: number; entry: MapEntry }[];
        if (cycle.some((p) => inReportedCycle.has(p.step))) continue;
        cycle.forEach((p) => inReportedCycle.add(p.step));
        // Start the description at the lowest step, so it reads in source order.
        const lowest = cycle.reduce((best, p, i) => (p.step < cycle[best].step ? i : best), 0);
        const ordered = [...cycle.slice(lowest), ...cycle.slice(0, lowest)];
        const hops = ordered.map((p, i) => {
          const from = ordered[(i + 1) % ordered.length].step;
          return `reads '${p.entry.value.string}' from ${from === p.step ? 'itself' : steps[from].label}`;
        });
        const first = ordered[0];
        context.report(
          first.entry.value.start,
          first.entry.value.end,
          `circular data flow in ensemble '${ensemble}': ${steps[first.step].label} ${hops.join(', which ')}. ` +
            `Steps must form a DAG: feed one of them from an ensemble input or from a step outside the cycle.`,
        );
      } else if (state[edge.to] === 'new') visit(edge.to);
    }
    path.pop();
    state[step] = 'done';
  };
  steps.forEach((_, step) => {
    if (state[step] === 'new') visit(step);
  });
}
