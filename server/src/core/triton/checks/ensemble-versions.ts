// A step of an ensemble asks for one version of its model (`model_version`, -1 for any), and
// Triton loads the ensemble only when that model serves it: a version folder its version policy
// selects. An omitted model_version is protobuf's 0, a version hardly any model has. Where the
// step model's folders cannot be listed, or it has none yet (files pulled at deploy time),
// nothing is known and nothing is said.
import { defineCheck, type CheckContext } from './check';
import type { ConfigNode } from '../config-view';
import type { RepositoryView } from '../repository/model-repository';
import { servedVersions } from '../repository/version-policy';

const list = (versions: number[]) => versions.join(', ');

export const tritonEnsembleVersions = defineCheck({
  id: 'triton/ensemble-versions',
  severity: 'error',
  description: 'Each ensemble step asks for a version its model serves (its version folders, as its version policy selects them).',
  docs: {
    why:
      'A step runs the version of its model that `model_version` names, or the newest it serves for -1. Triton ' +
      'loads the ensemble only after that version has loaded, and a model serves only the version folders its ' +
      '`version_policy` selects (the newest one when it has none). A step without `model_version` asks for ' +
      'version 0, since that is protobuf\'s default: the ensemble then fails with "whose required version 0 is ' +
      'not loaded" although every model it names is ready.',
    fix:
      'Write `model_version: -1` in each step to use the newest version the model serves, or a version that ' +
      "has a folder and that the model's `version_policy` selects; or widen that policy (`all`, `latest { " +
      'num_versions: 2 }`, `specific { versions: [...] }`).',
    source:
      'Triton Inference Server core, `src/model_repository_manager/model_repository_manager.cc` (the versions an ' +
      'ensemble requires of its models) and `model_lifecycle.cc` (the versions a policy loads); ' +
      'docs/user_guide/model_configuration.md (version policy) and ensemble_models.md.',
    folder: 'pipeline',
    repository: {
      'preprocess/config.pbtxt': 'backend: "python"\n',
      'preprocess/1/model.py': '',
      'classifier/config.pbtxt': 'platform: "onnxruntime_onnx"\nversion_policy { latest { num_versions: 1 } }\n',
      'classifier/1/model.onnx': '',
      'classifier/2/model.onnx': '',
    },
    invalid: `platform: "ensemble"
input [ { name: "raw" data_type: TYPE_UINT8 dims: [ -1 ] } ]
output [ { name: "scores" data_type: TYPE_FP32 dims: [ 1000 ] } ]
ensemble_scheduling {
  step [
    {
      model_name: "preprocess"
#                 ^^^^^^^^^^^^ error[triton/ensemble-versions]: ensemble 'pipeline' depends on 'preprocess' whose required version 0 is not loaded: a step without model_version asks for version 0, and preprocess serves 1. Add model_version: -1 to use its newest version.
      input_map { key: "raw" value: "raw" }
      output_map { key: "pixels" value: "image" }
    },
    {
      model_name: "classifier"
      model_version: 1
#                    ^ error[triton/ensemble-versions]: ensemble 'pipeline' depends on 'classifier' whose required version 1 is not loaded: its version policy (latest 1) serves only 2 of its folders 1, 2. Set model_version: -1 or one of 2, or widen classifier's version_policy.
      input_map { key: "data_0" value: "image" }
      output_map { key: "fc6_1" value: "scores" }
    }
  ]
}`,
    valid: `platform: "ensemble"
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
      model_version: 2
      input_map { key: "data_0" value: "image" }
      output_map { key: "fc6_1" value: "scores" }
    }
  ]
}`,
  },
  check(config, context) {
    const repository = context.repository;
    if (!repository || config.string('platform') !== 'ensemble') return;
    for (const step of config.message1('ensemble_scheduling')?.messages('step') ?? []) checkStep(step, repository, context);
  },
});

function checkStep(step: ConfigNode, repository: RepositoryView, context: CheckContext): void {
  const nameValue = step.scalar('model_name');
  const name = nameValue?.string;
  if (!nameValue || name === undefined) return;
  const model = repository.model(name);
  // A missing model is triton/ensemble-models' finding; an unknown one tells nothing.
  if (typeof model !== 'object') return;
  const folders = repository.versionsOf(name);
  if (!folders?.length) return;
  const served = servedVersions(model.config, folders);
  const ensemble = context.modelName;
  const written = step.scalar('model_version');
  if (!served.versions.length) {
    context.report(
      nameValue.start,
      nameValue.end,
      `ensemble '${ensemble}' depends on '${name}' which has no loaded version: at least one version must be ` +
        `available under the version policy of model '${name}', and its policy (${served.policy}) selects none ` +
        `of its folders ${list(folders)}. Fix ${name}'s version_policy.`,
    );
    return;
  }
  // A model_version that is no number is the structure check's to report.
  if (written && written.number === undefined) return;
  const required = written?.number ?? 0;
  if (required === -1 || served.versions.includes(required)) return;
  if (!written) {
    context.report(
      nameValue.start,
      nameValue.end,
      `ensemble '${ensemble}' depends on '${name}' whose required version 0 is not loaded: a step without ` +
        `model_version asks for version 0, and ${name} serves ${list(served.versions)}. Add model_version: -1 ` +
        `to use its newest version.`,
    );
    return;
  }
  const why = folders.includes(required)
    ? `its version policy (${served.policy}) serves only ${list(served.versions)} of its folders ${list(folders)}`
    : `${name} has no folder ${name}/${required}/ and serves ${list(served.versions)}`;
  const widen = folders.includes(required) ? `widen ${name}'s version_policy` : `create ${name}/${required}/`;
  context.report(
    written.start,
    written.end,
    `ensemble '${ensemble}' depends on '${name}' whose required version ${required} is not loaded: ${why}. ` +
      `Set model_version: -1 or one of ${list(served.versions)}, or ${widen}.`,
  );
}
