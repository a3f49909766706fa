// Nothing reads the disk synchronously on the server's thread: the server's code imports only
// node:fs/promises, and no call ends in `Sync(`. The one exception is said, with its reason, in
// its file: the schemas shipped with the extension (builtin-schemas.ts), and the validators the
// build compiled from them, which precompiled-validators.ts loads with `require`.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const SHIPPED_SCHEMAS = 'server/src/builtin-schemas.ts';

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('asynchronous file access in the server', () => {
  it('has no synchronous file system call outside the shipped schemas', () => {
    const files = sources('server/src');
    assert.ok(files.includes(SHIPPED_SCHEMAS) && files.includes('server/src/node-host.ts'));
    const offenders = files
      .filter((file) => file !== SHIPPED_SCHEMAS)
      .flatMap((file) => {
        const text = readFileSync(join(root, file), 'utf8');
        // A call such as readdirSync( or existsSync(, and the synchronous module itself (node:fs/promises is fine).
        const sync = /\b[a-z]\w*Sync\s*\(|from\s+['"](?:node:)?fs['"]|require\(['"](?:node:)?fs['"]\)/g;
        return [...text.matchAll(sync)].map((match) => `${file}: ${match[0]}`);
      });
    assert.deepEqual(offenders, []);
  });
});
