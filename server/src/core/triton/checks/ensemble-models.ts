// An ensemble against the models it names, as Triton checks it when it loads the ensemble:
// each step's model exists in the repository, maps only inputs and outputs that model
// declares, feeds every input it requires, allows the ensemble's batch size, and no ensemble
// contains itself through others (whether the tensors agree in type and shape is
// triton/ensemble-consistency's). A model whose config leaves inputs, outputs or max_batch_size
// to auto-complete is not judged on what it omits, nor a Python model whose model.py completes
// its config on the names it may add.
import { didYouMean } from '../../did-you-mean';
import { mayAddTensors } from '../ensemble-steps';
import { defineCheck, type CheckContext } from './check';
import type { ConfigNode } from '../config-view';
import type { PbScalar } from '../pbtxt-ast';
import type { RepositoryView } from '../repository/model-repository';

function tensors(config: ConfigNode, section: 'input' | 'output'): Map<string, ConfigNode> {
  const byName = new Map<string, ConfigNode>();
  for (const tensor of config.messages(section)) {
    const name = tensor.string('name');
    if (name !== undefined) byName.set(name, tensor);
  }
  return byName;
}

/** Every `{ key: … value: … }` entry of a map field, with its scalars. */
function entries(step: ConfigNode, map: 'input_map' | 'output_map'): { key: PbScalar; value: PbScalar }[] {
  return step.messages(map).flatMap((entry) => {
    const key = entry.scalar('key');
    const value = entry.scalar('value');
    return key?.string !== undefined && value?.string !== undefined ? [{ key, value }] : [];
  });
}

/** The chain of ensembles from `name` back to `target` through steps, if there is one. */
function pathTo(target: string, name: string, repository: RepositoryView, seen: Set<string>): string[] | undefined {
  if (name === target) return [name];
  if (seen.has(name)) return undefined;
  seen.add(name);
  const model = repository.model(name);
  if (typeof model !== 'object' || model.config?.string('platform') !== 'ensemble') return undefined;
  for (const step of model.config.message1('ensemble_scheduling')?.messages('step') ?? []) {
    const next = step.string('model_name');
    const rest = next === undefined ? undefined : pathTo(target, next, repository, seen);
    if (rest) return [name, ...rest];
  }
  return undefined;
}

export const tritonEnsembleModels = defineCheck({
  id: 'triton/ensemble-models',
  severity: 'error',
  description: "An ensemble's steps name models of the repository and agree with their inputs, outputs and batch sizes.",
  docs: {
    why:
      'Each step of an ensemble runs another model of the repository: Triton refuses the ensemble when a step ' +
      'names a model that is not there, maps a tensor to an input or from an output the model does not declare, ' +
      "leaves a required input unmapped, allows a larger batch than a step's model, or contains itself. The " +
      'ensemble then fails to load, after the models it names have loaded. (Whether the tensors agree in data type ' +
      'and shape is what triton/ensemble-consistency checks.)',
    fix:
      'Name models of the same repository in `model_name`, and map their inputs and outputs by the names their ' +
      "configs declare. Keep the ensemble's `max_batch_size` at or below each step's.",
    source:
      'Triton Inference Server core, `src/ensemble_scheduler/ensemble_utils.cc` (the checks of an ensemble ' +
      'against the configs of its models); docs/user_guide/ensemble_models.md.',
    folder: 'pipeline',
    repository: {
      'preprocess/config.pbtxt': `backend: "python"
max_batch_size: 8
input [ { name: "raw" data_type: TYPE_UINT8 dims: [ -1 ] } ]
output [ { name: "pixels" data_type: TYPE_FP32 dims: [ 3, 224, 224 ] } ]
`,
      'preprocess/1/model.py': '',
      'classifier/config.pbtxt': `platform: "onnxruntime_onnx"
max_batch_size: 8
input [ { name: "data_0" data_type: TYPE_FP32 dims: [ 3, 224, 224 ] } ]
output [ { name: "fc6_1" data_type: TYPE_FP32 dims: [ 1000 ] } ]
`,
      'classifier/1/model.onnx': '',
    },
    invalid: `platform: "ensemble"
max_batch_size: 8
input [ { name: "raw" data_type: TYPE_UINT8 dims: [ -1 ] } ]
output [ { name: "scores" data_type: TYPE_FP32 dims: [ 1000 ] } ]
ensemble_scheduling {
  step [
    {
      model_name: "preprocess"
      model_version: -1
      input_map { key: "raw" value: "raw" }
      output_map { key: "pixel" value: "image" }
#                       ^^^^^^^ error[triton/ensemble-models]: in ensemble pipeline, ensemble tensor image is mapped from non-existing output pixel in model preprocess. Did you mean 'pixels'?
    },
    {
      model_name: "clasifier"
#                 ^^^^^^^^^^^ error[triton/ensemble-models]: ensemble pipeline contains models that are not available or ambiguous: clasifier. Did you mean 'classifier'?
      model_version: -1
      input_map { key: "data_0" value: "image" }
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
      model_version: -1
      input_map { key: "raw" value: "raw" }
      output_map { key: "pixels" value: "image" }
    },
    {
      model_name: "classifier"
      model_version: -1
      input_map { key: "data_0" value: "image" }
      output_map { key: "fc6_1" value: "scores" }
    }
  ]
}`,
  },
  check(config, context) {
    const repository = context.repository;
    if (!repository || config.string('platform') !== 'ensemble') return;
    const ensemble = context.modelName;
    const maxBatchSize = config.number('max_batch_size');
    const steps = config.message1('ensemble_scheduling')?.messages('step') ?? [];
    const resolved = steps.map((step) => resolveStep(step, context, repository));
    resolved.forEach((step) => {
      if (!step) return;
      for (const { key, value } of entries(step.node, 'output_map')) {
        if (step.outputs && !step.outputs.has(key.string!) && !step.mayAddTensors) {
          context.report(
            key.start,
            key.end,
            `in ensemble ${ensemble}, ensemble tensor ${value.string} is mapped from non-existing output ${key.string} ` +
              `in model ${step.name}.${hint(key.string!, step.outputs)}`,
          );
        }
      }
      const mapped = new Set<string>();
      for (const { key, value } of entries(step.node, 'input_map')) {
        mapped.add(key.string!);
        if (step.inputs && !step.inputs.has(key.string!) && !step.mayAddTensors) {
          context.report(
            key.start,
            key.end,
            `in ensemble ${ensemble}, ensemble tensor ${value.string} is mapping to non-existing input ${key.string} ` +
              `in model ${step.name}.${hint(key.string!, step.inputs)}`,
          );
        }
      }
      for (const [name, input] of step.inputs ?? []) {
        if (mapped.has(name) || input.flag('optional')) continue;
        context.report(
          step.nameValue.start,
          step.nameValue.end,
          `in ensemble ${ensemble}, input ${name} in model ${step.name} is not mapped to any ensemble tensors. Add ` +
            `input_map { key: "${name}" value: "…" } to this step, or mark the input optional in ${step.name}.`,
        );
      }
      // A step model that does not batch (max_batch_size 0) takes whatever the ensemble sends it as one request.
      if (maxBatchSize !== undefined && step.maxBatchSize !== undefined && step.maxBatchSize > 0 && maxBatchSize > step.maxBatchSize) {
        context.report(
          step.nameValue.start,
          step.nameValue.end,
          `ensemble ${ensemble} allows maximum batch size ${maxBatchSize}, but it contains model ${step.name} ` +
            `which only allows maximum batch size to be ${step.maxBatchSize}. Lower the ensemble's max_batch_size.`,
        );
      }
      const cycle = pathTo(ensemble, step.name, repository, new Set());
      if (cycle)
        context.report(
          step.nameValue.start,
          step.nameValue.end,
          `circular dependency between ensembles: ${[ensemble, ...cycle].join(' -> ')}. An ensemble cannot contain itself.`,
        );
    });
  },
});

interface ResolvedStep {
  node: ConfigNode;
  name: string;
  nameValue: PbScalar;
  /** Inputs and outputs the step's model declares; undefined when its config leaves them to auto-complete. */
  inputs?: Map<string, ConfigNode>;
  outputs?: Map<string, ConfigNode>;
  maxBatchSize?: number;
  /** Whether model.py's auto-complete may add inputs and outputs to those its config declares. */
  mayAddTensors: boolean;
}

function resolveStep(step: ConfigNode, context: CheckContext, repository: RepositoryView): ResolvedStep | undefined {
  const nameValue = step.scalar('model_name');
  const name = nameValue?.string;
  if (!nameValue || name === undefined) return undefined;
  const model = repository.model(name);
  if (model === 'missing') {
    const suggestion = didYouMean(name, repository.modelNames() ?? []);
    context.report(
      nameValue.start,
      nameValue.end,
      `ensemble ${context.modelName} contains models that are not available or ambiguous: ${name}. ${suggestion ? `Did you mean '${suggestion}'?` : 'Add the model to the repository or fix the name.'}`,
    );
    return undefined;
  }
  if (!model?.config) return undefined;
  const inputs = tensors(model.config, 'input');
  const outputs = tensors(model.config, 'output');
  return {
    node: step,
    name,
    nameValue,
    inputs: inputs.size ? inputs : undefined,
    outputs: outputs.size ? outputs : undefined,
    maxBatchSize: model.config.number('max_batch_size'),
    mayAddTensors: mayAddTensors(name, model.config, repository),
  };
}

function hint(name: string, declared: Map<string, unknown>): string {
  const suggestion = didYouMean(name, declared.keys());
  return suggestion ? ` Did you mean '${suggestion}'?` : ` It declares ${[...declared.keys()].map((n) => `'${n}'`).join(', ')}.`;
}
