// Quantities, GPU resources, pod requests and workload views have one home, common/model, which
// the server's core, the client and the demo cluster import. This keeps a second copy from
// creeping back (there were five, and they disagreed), and keeps the model pure.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const OUTSIDE_MODEL = ['server/src', 'client/src', 'cluster/src', 'bench', 'schemas/generator'].flatMap(sources);

describe('one workload model (common/model)', () => {
  it('is the only place that parses quantities or counts pods and GPUs', () => {
    // A function of these names, or a table of the binary suffixes, is a second model.
    const definitions =
      /\bfunction\s+(parseQuantity|podGpus|podRequests|containerGpus|workloadShape|gpusIn)\b|\bKi\b[^\n]*\bMi\b[^\n]*\bGi\b/;
    const found = OUTSIDE_MODEL.filter((file) => definitions.test(readFileSync(join(root, file), 'utf8')));
    assert.deepEqual(found, []);
  });

  it('imports nothing but itself: no Node, no editor, no protocol, no parser library', () => {
    const outside = sources('common/model').flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return [...text.matchAll(/from\s+'([^']+)'/g)]
        .map((m) => m[1])
        .filter((s) => (!s.startsWith('./') && !s.startsWith('../')) || s.startsWith('../../'))
        .map((s) => `${file}: ${s}`);
    });
    assert.deepEqual(outside, []);
  });
});
