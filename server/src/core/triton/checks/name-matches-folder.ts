// Triton loads a model only when the `name` in its config equals its folder's name.
import { replaceString } from '../pbtxt-edits';
import type { TritonCheck } from './check';

export const nameMatchesFolder: TritonCheck = {
  id: 'triton/name-mismatch',
  description: "A config's name must equal its model folder's name.",
  check(config, context) {
    const name = config.scalar('name');
    if (!name || name.token !== 'string' || !context.folderName || name.string === '' || name.string === context.folderName) return;
    const fix = { title: `Change name to "${context.folderName}"`, edits: [replaceString(name, context.folderName)], preferred: true };
    context.report(name.start, name.end, 'error', this.id, `unexpected directory name '${context.folderName}' for model '${name.string}', directory name must equal model name. Rename the folder or set name: "${context.folderName}".`, [fix]);
  },
};
