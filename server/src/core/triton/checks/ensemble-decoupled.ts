// A decoupled model may send any number of responses to one request, and inside an ensemble
// each response goes on through the steps after it as a request of its own. A step can only pair
// tensors that came out of the same stream: Triton refuses an ensemble whose step (or whose set of
// outputs) reads tensors that originate from different decoupled models, or from a decoupled
// model and the ensemble's own inputs. A model counts as decoupled when its config says so, or
// when it is an ensemble containing one; a model whose config is unknown counts as not
// decoupled, which can only hide a finding, never invent one.
import { defineCheck, type CheckContext } from './check';
import type { ConfigNode } from '../config-view';
import type { PbScalar } from '../pbtxt-ast';
import type { RepositoryView } from '../repository/model-repository';

interface Step {
  label: string;
  name: string;
  nameValue: PbScalar;
  decoupled: boolean;
  /** Ensemble tensors the step reads (input_map values) and writes (output_map values). */
  reads: string[];
  writes: string[];
}

/** Where a tensor's stream begins: the ensemble's request, or the responses of one decoupled step. */
type Origin = { step: Step } | 'request';

/** Whether the model `name` is decoupled, by its config, or as an ensemble that contains a decoupled model. */
function isDecoupled(name: string, repository: RepositoryView, seen: Set<string>): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  const model = repository.model(name);
  const config = typeof model === 'object' ? model.config : undefined;
  if (!config) return false;
  if (config.message1('model_transaction_policy')?.flag('decoupled')) return true;
  if (config.string('platform') !== 'ensemble') return false;
  return stepsOf(config).some((step) => {
    const inner = step.string('model_name');
    return inner !== undefined && isDecoupled(inner, repository, seen);
  });
}

const stepsOf = (config: ConfigNode) => config.message1('ensemble_scheduling')?.messages('step') ?? [];

const values = (step: ConfigNode, map: 'input_map' | 'output_map') =>
  step.messages(map).flatMap((entry) => {
    const value = entry.string('value');
    return value === undefined ? [] : [value];
  });

const describeOrigin = (origin: Origin) =>
  origin === 'request' ? "the ensemble's request" : `decoupled model '${origin.step.name}' (${origin.step.label})`;

/** "'a' from X, 'b' from Y": one tensor for each origin among `tensors`. */
function origins(tensors: string[], originOf: Map<string, Origin>): string {
  const seen = new Map<Origin, string>();
  for (const tensor of tensors) {
    const origin = originOf.get(tensor)!;
    if (!seen.has(origin)) seen.set(origin, tensor);
  }
  return [...seen].map(([origin, tensor]) => `'${tensor}' comes from ${describeOrigin(origin)}`).join(', ');
}

const differ = (tensors: string[], originOf: Map<string, Origin>) => new Set(tensors.map((tensor) => originOf.get(tensor))).size > 1;

export const tritonEnsembleDecoupled = defineCheck({
  id: 'triton/ensemble-decoupled',
  severity: 'error',
  description: 'No ensemble step, nor the set of ensemble outputs, combines tensors that originate from different decoupled models.',
  docs: {
    why:
      'A decoupled model (`model_transaction_policy { decoupled: true }`) may send any number of responses to ' +
      'one request; in an ensemble, each response goes on through the following steps as a request of its own. ' +
      'A step then cannot combine a tensor from those responses with a tensor from another decoupled model, or ' +
      "with one that comes straight from the ensemble's request: Triton refuses to load such an ensemble. The " +
      "ensemble's outputs, sent together in one response, are held to the same rule. Triton's log says " +
      '"in ensemble E, step of model \'M\' receives inputs originated from different decoupled models", where M is ' +
      "not always the step's model: it is the first model, in the config's order, that maps the tensor the step " +
      'writes (the ensemble itself when that tensor is an ensemble output).',
    fix:
      'Feed each step, and write the outputs, from tensors of one stream: the responses of one decoupled model ' +
      '(and the steps after it), or the request when no decoupled model is on the way. Pass what a later step ' +
      'needs from the request through the decoupled model as an output, or split the pipeline in two ensembles.',
    source:
      'Triton Inference Server core, `src/ensemble_scheduler/ensemble_utils.cc` (the decoupled data flow of an ' +
      'ensemble); docs/user_guide/decoupled_models.md and ensemble_models.md.',
    folder: 'pipeline',
    repository: {
      'tokenizer/config.pbtxt': 'backend: "python"\nmax_batch_size: 0\n',
      'tokenizer/1/model.py': '',
      'generator/config.pbtxt': 'backend: "python"\nmax_batch_size: 0\nmodel_transaction_policy { decoupled: true }\n',
      'generator/1/model.py': '',
      'detokenizer/config.pbtxt': 'backend: "python"\nmax_batch_size: 0\n',
      'detokenizer/1/model.py': '',
    },
    invalid: `platform: "ensemble"
input [ { name: "PROMPT" data_type: TYPE_STRING dims: [ 1 ] } ]
output [ { name: "TEXT" data_type: TYPE_STRING dims: [ 1 ] } ]
ensemble_scheduling {
  step [
    {
      model_name: "tokenizer"
      model_version: -1
      input_map { key: "text" value: "PROMPT" }
      output_map { key: "ids" value: "prompt_ids" }
    },
    {
      model_name: "generator"
      model_version: -1
      input_map { key: "ids" value: "prompt_ids" }
      output_map { key: "ids" value: "token_ids" }
    },
    {
      model_name: "detokenizer"
#                 ^^^^^^^^^^^^^ error[triton/ensemble-decoupled]: in ensemble pipeline, step of model 'detokenizer' receives inputs originated from different decoupled models: 'token_ids' comes from decoupled model 'generator' (step 2), 'prompt_ids' comes from the ensemble's request. Feed this step from one stream only: pass what it needs from the request through generator as an output, or split the ensemble.
      model_version: -1
      input_map [ { key: "ids" value: "token_ids" }, { key: "prompt" value: "prompt_ids" } ]
      output_map { key: "text" value: "TEXT" }
    }
  ]
}`,
    valid: `platform: "ensemble"
input [ { name: "PROMPT" data_type: TYPE_STRING dims: [ 1 ] } ]
output [ { name: "TEXT" data_type: TYPE_STRING dims: [ 1 ] } ]
ensemble_scheduling {
  step [
    {
      model_name: "tokenizer"
      model_version: -1
      input_map { key: "text" value: "PROMPT" }
      output_map { key: "ids" value: "prompt_ids" }
    },
    {
      model_name: "generator"
      model_version: -1
      input_map { key: "ids" value: "prompt_ids" }
      output_map { key: "ids" value: "token_ids" }
    },
    {
      model_name: "detokenizer"
      model_version: -1
      input_map { key: "ids" value: "token_ids" }
      output_map { key: "text" value: "TEXT" }
    }
  ]
}`,
  },
  check(config, context) {
    const repository = context.repository;
    if (!repository || config.string('platform') !== 'ensemble') return;
    const steps: Step[] = [];
    stepsOf(config).forEach((node, index) => {
      const nameValue = node.scalar('model_name');
      const name = nameValue?.string;
      if (!nameValue || name === undefined) return;
      const decoupled = isDecoupled(name, repository, new Set([context.modelName]));
      steps.push({
        label: `step ${index + 1}`,
        name,
        nameValue,
        decoupled,
        reads: values(node, 'input_map'),
        writes: values(node, 'output_map'),
      });
    });
    // Without a decoupled step every tensor comes from the request: nothing to follow.
    if (!steps.some((step) => step.decoupled)) return;
    const originOf = new Map<string, Origin>();
    for (const input of config.messages('input')) {
      const name = input.string('name');
      if (name !== undefined) originOf.set(name, 'request');
    }
    // Run the steps as their inputs become known; a step whose inputs never are (a typo, a cycle)
    // is triton/ensemble-tensors' finding, as Triton never reaches it here either.
    const pending = new Set(steps);
    let progress = true;
    while (progress) {
      progress = false;
      for (const step of pending) {
        if (!step.reads.every((tensor) => originOf.has(tensor))) continue;
        pending.delete(step);
        progress = true;
        if (differ(step.reads, originOf)) report(context, step, originOf);
        const origin: Origin = step.decoupled ? { step } : (originOf.get(step.reads[0]) ?? 'request');
        for (const tensor of step.writes) if (!originOf.has(tensor)) originOf.set(tensor, origin);
      }
    }
    const written = config.messages('output').flatMap((output) => output.string('name') ?? []);
    if (written.every((tensor) => originOf.has(tensor)) && differ(written, originOf)) {
      const field = config.field('output')!;
      context.report(
        field.nameStart,
        field.nameEnd,
        `in ensemble ${context.modelName}, step of model '${context.modelName}' receives inputs originated from different ` +
          `decoupled models: the ensemble's outputs go out together, but ${origins(written, originOf)}. Write every ` +
          `output from one stream, or return the others from another ensemble.`,
      );
    }
  },
});

function report(context: CheckContext, step: Step, originOf: Map<string, Origin>): void {
  const streams = step.reads.map((tensor) => originOf.get(tensor));
  const decoupled = streams.find((origin) => origin !== 'request');
  // With the request among the streams, its tensors can ride along the decoupled model's responses.
  const fix =
    streams.includes('request') && decoupled
      ? `pass what it needs from the request through ${decoupled.step.name} as an output`
      : 'produce these tensors in one decoupled model';
  context.report(
    step.nameValue.start,
    step.nameValue.end,
    `in ensemble ${context.modelName}, step of model '${step.name}' receives inputs originated from different decoupled ` +
      `models: ${origins(step.reads, originOf)}. Feed this step from one stream only: ${fix}, or split the ensemble.`,
  );
}
