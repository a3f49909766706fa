// Triton loads a model only when the `name` in its config equals its folder's name. An empty
// name is taken as the folder's, so Triton accepts it, but it reads as a forgotten value.
import { replaceString } from '../pbtxt-edits';
import { defineCheck } from './check';

export const tritonNameMismatch = defineCheck({
  id: 'triton/name-mismatch',
  severity: 'error',
  description: "A config's name must equal its model folder's name, and is never empty.",
  docs: {
    why:
      'Triton names a model after its folder and refuses a config whose `name` says otherwise, so the model ' +
      'never loads; renaming a folder without the config is the usual cause. An empty name is taken as the ' +
      "folder's, which Triton accepts, but it reads as a forgotten value (a warning).",
    fix: "Make `name` equal the folder's name (the quick fix writes it), rename the folder, or remove `name`.",
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/model_configuration.md (name, platform and backend).',
    folder: 'detector',
    invalid: `name: "detector_v2"
#     ^^^^^^^^^^^^^ error[triton/name-mismatch]: unexpected directory name 'detector' for model 'detector_v2', directory name must equal model name. Rename the folder or set name: "detector".
backend: "python"`,
    valid: `name: "detector"
backend: "python"`,
  },
  check(config, context) {
    const name = config.scalar('name');
    if (!name || name.token !== 'string' || !context.folderName || name.string === context.folderName) return;
    const fix = { title: `Change name to "${context.folderName}"`, edits: [replaceString(name, context.folderName)], preferred: true };
    if (name.string === '') {
      context.report(
        name.start,
        name.end,
        `model name is empty: Triton names the model after its folder, '${context.folderName}'. Write name: ` +
          `"${context.folderName}", or remove name.`,
        { fixes: [fix], severity: 'warning' },
      );
      return;
    }
    context.report(
      name.start,
      name.end,
      `unexpected directory name '${context.folderName}' for model '${name.string}', directory name must ` +
        `equal model name. Rename the folder or set name: "${context.folderName}".`,
      { fixes: [fix] },
    );
  },
});
