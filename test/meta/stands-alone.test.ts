// A clone is all a user needs: no file of the project reads outside the repository. The upstream
// specifications the generator and the tests read are vendored in schemas/upstream, each with its
// source and licence.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** The files git tracks that hold code or configuration (not the vendored data or generated output). */
function codeFiles(): string[] {
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
  const code = /\.(ts|mjs|js|cjs|json|sh)$|^\.ci\/|^\.[a-z]+ignore$/;
  const data = /^(schemas\/upstream|test\/fixtures)\//;
  // This file is left out: it spells the pattern it looks for.
  return files.filter((file) => code.test(file) && !data.test(file) && file !== 'test/meta/stands-alone.test.ts');
}

describe('the repository stands alone', () => {
  it('has no path that leaves the repository for a sibling folder', () => {
    // `../shared` as a path, or the same built with path.join: the folder beside our own checkouts.
    const outside = /\.\.\/shared\b|'\.\.',\s*'shared'|"\.\.",\s*"shared"/;
    const found = codeFiles().filter((file) => existsSync(join(root, file)) && outside.test(readFileSync(join(root, file), 'utf8')));
    assert.deepEqual(found, []);
  });

  it('vendors every upstream specification with its source and licence', () => {
    const sources = readFileSync(join(root, 'schemas', 'upstream', 'SOURCES.md'), 'utf8');
    for (const file of ['kubernetes/swagger.json', 'triton/model_config.proto', 'crds/ray.io_rayjobs.yaml']) {
      assert.ok(existsSync(join(root, 'schemas', 'upstream', file)), `schemas/upstream/${file}`);
    }
    for (const licence of ['Apache-2.0.txt', 'triton-common-BSD-3-Clause.txt']) {
      assert.ok(existsSync(join(root, 'schemas', 'upstream', 'licenses', licence)), licence);
    }
    assert.ok(sources.includes('licenses/'), 'SOURCES.md names the licence texts');
    assert.match(sources, /\| file \| upstream repository \| path \| commit \|/);
  });
});
