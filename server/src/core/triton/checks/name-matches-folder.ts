// Triton loads a model only when the `name` in its config equals its folder's name. An empty
// name is taken as the folder's, so Triton accepts it, but it reads as a forgotten value.
import { replaceString } from '../pbtxt-edits';
import type { TritonCheck } from './check';

export const nameMatchesFolder: TritonCheck = {
  id: 'triton/name-mismatch',
  description: "A config's name must equal its model folder's name, and is never empty.",
  check(config, context) {
    const name = config.scalar('name');
    if (!name || name.token !== 'string' || !context.folderName || name.string === context.folderName) return;
    const fix = { title: `Change name to "${context.folderName}"`, edits: [replaceString(name, context.folderName)], preferred: true };
    if (name.string === '') {
      context.report(name.start, name.end, 'warning', this.id, `model name is empty: Triton names the model after its folder, '${context.folderName}'. Write name: "${context.folderName}", or remove name.`, [fix]);
      return;
    }
    context.report(name.start, name.end, 'error', this.id, `unexpected directory name '${context.folderName}' for model '${name.string}', directory name must equal model name. Rename the folder or set name: "${context.folderName}".`, [fix]);
  },
};
