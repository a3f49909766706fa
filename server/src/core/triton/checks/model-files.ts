// The files Triton loads: a model needs a numbered version folder, and each version folder the
// platform's model file. Model files are often fetched at deploy time and absent from a
// checkout, so these are warnings. Versions named by a `specific` version policy must exist.
import type { TritonCheck } from './check';
import { backendOf, defaultModelFiles } from '../platforms';

export const modelFiles: TritonCheck = {
  id: 'triton/model-files',
  description: 'A model has version folders, each with the model file its platform loads, and every version its policy names.',
  check(config, context) {
    const versions = context.repository?.versions();
    if (!versions) return;
    const anchor = config.anchor('platform', 'backend', 'name');
    if (!versions.length) {
      context.report(anchor.start, anchor.end, 'warning', this.id, `model '${context.modelName}' has no version folder: Triton loads versions from numbered folders beside config.pbtxt (${context.modelName}/1/). Create one and place the model file in it.`);
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
        context.report(where.start, where.end, 'warning', this.id, `version ${version.name} of model '${context.modelName}' has no ${file}: Triton fails to load it unless the file is in ${context.modelName}/${version.name}/ when the server starts.`);
      }
    }
    const specific = config.message1('version_policy')?.message1('specific');
    for (const wanted of specific?.scalars('versions') ?? []) {
      if (wanted.number === undefined || versions.some((version) => version.version === wanted.number)) continue;
      context.report(wanted.start, wanted.end, 'warning', this.id, `version policy of model '${context.modelName}' names version ${wanted.text}, which has no folder: Triton serves only the versions it finds. Create ${context.modelName}/${wanted.text}/ or remove the version.`);
    }
  },
};
