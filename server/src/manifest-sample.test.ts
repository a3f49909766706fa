import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { headOf, sampleManifests } from './manifest-sample';

describe('workspace manifest sample', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'mlinfra-sample-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps the whole documents of a cut head, and a whole small file as it is', () => {
    assert.equal(headOf('kind: Job\n---\nkind: Po', false), 'kind: Job\n');
    assert.equal(headOf('kind: Job\nmetadata:\n  na', false), 'kind: Job\nmetadata:\n');
    assert.equal(headOf('kind: Job\n---\nkind: Pod', true), 'kind: Job\n---\nkind: Pod');
  });

  it('reads the heads of YAML files breadth first, skipping dependencies, hidden folders and other files', async () => {
    mkdirSync(join(root, 'jobs', 'deep'), { recursive: true });
    mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(root, '.github'), { recursive: true });
    writeFileSync(join(root, 'train.yaml'), 'kind: PyTorchJob\n');
    writeFileSync(join(root, 'jobs', 'deep', 'ray.yml'), 'kind: RayJob\n');
    writeFileSync(join(root, 'jobs', 'notes.md'), '# notes\n');
    writeFileSync(join(root, 'node_modules', 'pkg', 'x.yaml'), 'kind: Pod\n');
    writeFileSync(join(root, '.github', 'ci.yaml'), 'on: push\n');
    writeFileSync(join(root, 'big.yaml'), `kind: Job\n---\n${'# filler\n'.repeat(100)}`);
    const sample = await sampleManifests([pathToFileURL(root).href], { files: 10, entries: 100, headBytes: 64, depth: 6 });
    assert.deepEqual(
      sample.map(({ uri, text }) => [uri.slice(pathToFileURL(root).href.length), text]),
      [
        ['/big.yaml', 'kind: Job\n'],
        ['/train.yaml', 'kind: PyTorchJob\n'],
        ['/jobs/deep/ray.yml', 'kind: RayJob\n'],
      ],
    );
  });

  it('stops at its limits and ignores folders it cannot read', async () => {
    for (let i = 0; i < 5; i++) writeFileSync(join(root, `job-${i}.yaml`), 'kind: Job\n');
    assert.equal((await sampleManifests([pathToFileURL(root).href], { files: 2, entries: 100, headBytes: 64, depth: 1 })).length, 2);
    assert.deepEqual(await sampleManifests([pathToFileURL(join(root, 'missing')).href, 'untitled:x']), []);
  });
});
