// The files Triton loads: a model needs a numbered version folder, and each version folder the
// platform's model file. Model files are often fetched at deploy time and absent from a
// checkout, so these are warnings. Versions named by a `specific` version policy must exist.
import { defineCheck } from './check';
import { backendOf, defaultModelFiles } from '../platforms';

export const tritonModelFiles = defineCheck({
  id: 'triton/model-files',
  severity: 'warning',
  description: 'A model has version folders, each with the model file its platform loads, and every version its policy names.',
  docs: {
    why:
      'Triton loads a model from numbered version folders beside config.pbtxt, each holding the model file its ' +
      'platform or backend reads (`model.onnx`, `model.plan`, `model.pt`… or `default_model_filename`), and ' +
      'serves only the versions its version policy names and finds. A missing folder or file is found only when ' +
      'the server starts and the model fails to load. Model files are often fetched at deploy time and absent ' +
      'from a checkout, hence a warning.',
    fix:
      'Create the version folder (`<model>/1/`) and place the model file in it under the name its platform ' +
      'expects, or set `default_model_filename`; name only existing versions in a `specific` version policy. ' +
      'Turn the check off (`"triton/model-files": "off"`) for repositories whose model files are fetched at ' +
      'deploy time.',
    source:
      "Triton Inference Server core, `src/model_repository_manager/` and the backends' default model file names; " +
      'docs/user_guide/model_repository.md (repository layout, model files, version policy).',
    folder: 'detector',
    repository: {
      'detector/1/model.onnx': '',
    },
    invalid: `platform: "tensorrt_plan"
#         ^^^^^^^^^^^^^^^ warning[triton/model-files]: version 1 of model 'detector' has no 'model.plan': Triton fails to load it unless the file is in detector/1/ when the server starts.
version_policy { specific { versions: [ 1, 2 ] } }
#                                          ^ warning[triton/model-files]: version policy of model 'detector' names version 2, which has no folder: Triton serves only the versions it finds. Create detector/2/ or remove the version.`,
    valid: `platform: "onnxruntime_onnx"
version_policy { specific { versions: [ 1 ] } }`,
  },
  check(config, context) {
    const versions = context.repository?.versions();
    if (!versions) return;
    const anchor = config.anchor('platform', 'backend', 'name');
    if (!versions.length) {
      context.report(
        anchor.start,
        anchor.end,
        `model '${context.modelName}' has no version folder: Triton loads versions from numbered folders ` +
          `beside config.pbtxt (${context.modelName}/1/). Create one and place the model file in it.`,
      );
      return;
    }
    const platform = config.string('platform');
    const backend = backendOf(config);
    const filename = config.scalar('default_model_filename');
    const expected = defaultModelFiles(platform, backend, filename?.string);
    if (expected) {
      const where = filename ?? anchor;
      for (const version of versions) {
        if (version.entries.some((entry) => expected.includes(entry.name))) continue;
        const file = expected.map((name) => `'${name}'`).join(' or ');
        context.report(
          where.start,
          where.end,
          `version ${version.name} of model '${context.modelName}' has no ${file}: Triton fails to load it ` +
            `unless the file is in ${context.modelName}/${version.name}/ when the server starts.`,
        );
      }
    }
    const specific = config.message1('version_policy')?.message1('specific');
    for (const wanted of specific?.scalars('versions') ?? []) {
      if (wanted.number === undefined || versions.some((version) => version.version === wanted.number)) continue;
      context.report(
        wanted.start,
        wanted.end,
        `version policy of model '${context.modelName}' names version ${wanted.text}, which has no folder: ` +
          `Triton serves only the versions it finds. Create ${context.modelName}/${wanted.text}/ or remove the ` +
          `version.`,
      );
    }
  },
});
