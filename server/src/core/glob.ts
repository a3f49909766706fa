// Glob patterns as settings write them (`**/training/*.yaml`, `jobs/{a,b}.yml`), matched
// against workspace-relative paths. Small enough that a dependency would cost more.

const cache = new Map<string, RegExp>();

function toRegExp(glob: string): RegExp {
  let out = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      out += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '{') {
      out += '(?:';
      inBraces = true;
    } else if (ch === '}' && inBraces) {
      out += ')';
      inBraces = false;
    } else if (ch === ',' && inBraces) out += '|';
    else out += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * Whether a relative path (forward slashes) matches a glob. A glob without a slash matches
 * the file name in any folder, as `*.yaml` does in VS Code's `files.associations`.
 */
export function matchesGlob(relativePath: string, glob: string): boolean {
  const pattern = glob.replace(/^\.\//, '');
  let regexp = cache.get(pattern);
  if (!regexp) {
    regexp = toRegExp(pattern);
    cache.set(pattern, regexp);
  }
  const subject = pattern.includes('/') ? relativePath : relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return regexp.test(subject);
}
