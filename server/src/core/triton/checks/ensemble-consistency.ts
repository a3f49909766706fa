// Every use of an ensemble tensor must agree with its first declaration, in data type and shape,
// as Triton checks when it loads the ensemble. "First" is Triton's order: the ensemble's inputs,
// then its outputs, then each step in turn, its model's inputs (in the order that model declares
// them) before its outputs. The ensemble's own tensors count with their reshape when they have
// one; a step's model counts with its dims, reshape or not. Shapes agree when their dims match
// (-1 matches any size), or when they match once a batching model's -1 is put in front. A use
// whose model leaves its tensors to auto-complete is not judged, and when such a use comes first
// the tensor is not judged at all: what it would be compared with is unknown. A step model whose
// max_batch_size is 0 may batch or not, as auto-complete decides: it disagrees only if both do.
import type { ConfigNode } from '../config-view';
import type { PbScalar } from '../pbtxt-ast';
import type { RepositoryView } from '../repository/model-repository';
import { defineCheck, type CheckContext } from './check';

/** One declaration of an ensemble tensor: by the ensemble itself, or by a step's model through a map. */
interface Use {
  /** The model its type and shape are inferred from, as Triton names it. */
  model: string;
  /** Who declares it, for the message: "the ensemble's input raw", "output pixels of preprocess (step 1)". */
  who: string;
  /** What that one does with the tensor: declares, reads or writes it. */
  does: string;
  dataType?: string;
  dims?: number[];
  /** Whether the model batches; undefined when its max_batch_size is 0 and auto-complete may set it. */
  batching?: boolean;
  /** The map value naming the tensor, where a finding goes; the ensemble's own declarations have none. */
  at?: PbScalar;
}

/** Dims as Triton compares them: equal length, and equal where neither is -1. */
const agree = (a: number[], b: number[]) => a.length === b.length && a.every((dim, i) => dim === -1 || b[i] === -1 || dim === b[i]);

/** The full shape: the batch dimension in front of the dims of a model that batches. */
const full = (use: Use, batching: boolean) => (batching ? [-1, ...use.dims!] : use.dims!);

/** Triton's DimsListToString. */
const show = (dims: number[]) => `[${dims.join(',')}]`;

function shapesAgree(first: Use, use: Use): boolean {
  if (agree(first.dims!, use.dims!)) return true;
  // A model whose batching is unknown may batch or not: disagreeing means disagreeing either way.
  const options = (batching: boolean | undefined) => (batching === undefined ? [false, true] : [batching]);
  return options(first.batching).some((a) => options(use.batching).some((b) => agree(full(first, a), full(use, b))));
}

/** The type and shape a tensor's config gives it: `reshape` when the ensemble's own tensor has one. */
function declared(tensor: ConfigNode, withReshape: boolean): Pick<Use, 'dataType' | 'dims'> {
  const reshape = withReshape ? tensor.message1('reshape') : undefined;
  const dims = reshape ? reshape.scalars('shape') : tensor.field('dims') ? tensor.scalars('dims') : undefined;
  const numbers = dims?.map((dim) => dim.number);
  const dataType = tensor.word('data_type');
  return {
    dataType: dataType?.startsWith('TYPE_') ? dataType : undefined,
    dims: numbers?.every((dim) => dim !== undefined && Number.isInteger(dim)) ? (numbers as number[]) : undefined,
  };
}

/** A map's entries as protobuf keeps them: for a key written twice, the last one. */
function mapEntries(step: ConfigNode, field: 'input_map' | 'output_map'): { key: string; value: PbScalar & { string: string } }[] {
  const byKey = new Map<string, PbScalar & { string: string }>();
  for (const entry of step.messages(field)) {
    const key = entry.string('key');
    const value = entry.scalar('value');
    if (key !== undefined && value?.string !== undefined) byKey.set(key, value as PbScalar & { string: string });
  }
  return [...byKey].map(([key, value]) => ({ key, value }));
}

/** The config of a step's model, with what it declares; undefined when the repository does not say. */
function stepModel(name: string, repository: RepositoryView) {
  const model = repository.model(name);
  const config = typeof model === 'object' ? model.config : undefined;
  if (!config) return undefined;
  const maxBatchSize = config.number('max_batch_size') ?? 0;
  // An ensemble is not auto-completed. Another model's 0, written or not, is protobuf's default,
  // which auto-complete may replace with the batch size its model file (or model.py) supports.
  const isEnsemble = config.string('platform') === 'ensemble';
  const batching = maxBatchSize > 0 ? true : isEnsemble ? false : undefined;
  const byName = (section: 'input' | 'output') => {
    const tensors = config.messages(section).filter((tensor) => tensor.string('name') !== undefined);
    // A config that declares none leaves them to auto-complete: unknown, not empty.
    return tensors.length ? tensors : undefined;
  };
  return { batching, inputs: byName('input'), outputs: byName('output') };
}

function report(context: CheckContext, tensor: string, first: Use, use: Use): void {
  const where = `${first.who[0].toUpperCase()}${first.who.slice(1)} ${first.does} the tensor first, and ${use.who} ${use.does} it`;
  const prefix = `in ensemble ${context.modelName}, ensemble tensor ${tensor}: inconsistent`;
  if (first.dataType && use.dataType && first.dataType !== use.dataType) {
    context.report(
      use.at!.start,
      use.at!.end,
      `${prefix} data type: ${first.dataType} is inferred from model ${first.model} while ${use.dataType} is inferred from ` +
        `model ${use.model}. ${where}: give both the same data type, or map one of them to another tensor.`,
    );
  } else if (first.dims && use.dims && !shapesAgree(first, use)) {
    context.report(
      use.at!.start,
      use.at!.end,
      `${prefix} shape: ${show(full(first, first.batching ?? false))} is inferred from model ${first.model} while ` +
        `${show(full(use, use.batching ?? false))} is inferred from model ${use.model}. ${where}: give both the same dims ` +
        `(-1 matches any size; a model that batches adds a -1 in front).`,
    );
  }
}

export const tritonEnsembleConsistency = defineCheck({
  id: 'triton/ensemble-consistency',
  severity: 'error',
  description: 'Every use of an ensemble tensor agrees in data type and shape with its first declaration.',
  docs: {
    why:
      "An ensemble tensor is declared many times: by the ensemble's input or output of that name, by the output of the " +
      'step that writes it and by the input of each step that reads it. Triton takes the first of these, in its order ' +
      "(the ensemble's inputs, its outputs, then each step's inputs and outputs in turn), and refuses to load the " +
      'ensemble when a later one has another data type, or a shape that does not match: equal dims where neither is ' +
      '-1, with or without the -1 a batching model puts in front. The ensemble counts with the `reshape` of its own ' +
      'inputs and outputs; a step counts with the `dims` of its model, whatever that model reshapes. A step model ' +
      'whose `max_batch_size` is 0 is reported only if it disagrees both ways, since auto-complete may set it from ' +
      'the model file (or `model.py`) when Triton loads it.',
    fix:
      'Give the two declarations the same `data_type`, and dims that match (use -1 where the size varies); or map ' +
      'the step to another tensor when they really are different data.',
    source:
      'Triton Inference Server core, `src/ensemble_scheduler/ensemble_utils.cc` (`ValidateTensorConsistency` and ' +
      'the order `ValidateEnsembleConfig` declares tensors in); docs/user_guide/ensemble_models.md.',
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
input [ { name: "raw" data_type: TYPE_STRING dims: [ -1 ] } ]
output [ { name: "scores" data_type: TYPE_FP32 dims: [ 10 ] } ]
ensemble_scheduling {
  step [
    {
      model_name: "preprocess"
      model_version: -1
      input_map { key: "raw" value: "raw" }
#                                   ^^^^^ error[triton/ensemble-consistency]: in ensemble pipeline, ensemble tensor raw: inconsistent data type: TYPE_STRING is inferred from model pipeline while TYPE_UINT8 is inferred from model preprocess. The ensemble's input raw declares the tensor first, and input raw of preprocess (step 1) reads it: give both the same data type, or map one of them to another tensor.
      output_map { key: "pixels" value: "image" }
    },
    {
      model_name: "classifier"
      model_version: -1
      input_map { key: "data_0" value: "image" }
      output_map { key: "fc6_1" value: "scores" }
#                                      ^^^^^^^^ error[triton/ensemble-consistency]: in ensemble pipeline, ensemble tensor scores: inconsistent shape: [-1,10] is inferred from model pipeline while [-1,1000] is inferred from model classifier. The ensemble's output scores declares the tensor first, and output fc6_1 of classifier (step 2) writes it: give both the same dims (-1 matches any size; a model that batches adds a -1 in front).
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
    const batching = maxBatchSize === undefined ? false : maxBatchSize > 0;
    // Each tensor's first declaration; 'unknown' when that one cannot be read.
    const first = new Map<string, Use | 'unknown'>();
    const declare = (tensor: string, use: Use | 'unknown') => {
      const known = first.get(tensor);
      if (known === undefined) first.set(tensor, use);
      else if (known !== 'unknown' && use !== 'unknown') report(context, tensor, known, use);
    };
    for (const section of ['input', 'output'] as const) {
      for (const tensor of config.messages(section)) {
        const name = tensor.string('name');
        if (name === undefined || first.has(name)) continue;
        first.set(name, {
          model: ensemble,
          who: `the ensemble's ${section} ${name}`,
          does: 'declares',
          batching,
          ...declared(tensor, true),
        });
      }
    }
    (config.message1('ensemble_scheduling')?.messages('step') ?? []).forEach((step, index) => {
      const name = step.string('model_name');
      const inputs = mapEntries(step, 'input_map');
      const outputs = mapEntries(step, 'output_map');
      const model = name === undefined ? undefined : stepModel(name, repository);
      const use = (tensor: ConfigNode, section: 'input' | 'output', at: PbScalar): Use => ({
        model: name!,
        who: `${section} ${tensor.string('name')} of ${name} (step ${index + 1})`,
        does: section === 'input' ? 'reads' : 'writes',
        batching: model!.batching,
        at,
        ...declared(tensor, false),
      });
      // Inputs in the order the model declares them, as Triton walks them; a key it does not declare
      // (triton/ensemble-models' finding) or a model whose inputs are unknown gives nothing to compare.
      for (const tensor of model?.inputs ?? []) {
        for (const entry of inputs) if (entry.key === tensor.string('name')) declare(entry.value.string, use(tensor, 'input', entry.value));
      }
      for (const entry of inputs) declare(entry.value.string, 'unknown');
      for (const entry of outputs) {
        const tensor = model?.outputs?.find((output) => output.string('name') === entry.key);
        declare(entry.value.string, tensor ? use(tensor, 'output', entry.value) : 'unknown');
      }
    });
  },
});
