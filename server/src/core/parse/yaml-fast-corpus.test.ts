// The fast parser against the `yaml` library on real YAML: the repository's fixtures and examples,
// and the upstream CRDs (large, with long multi-line descriptions), which must all take the fast path.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { nestedMappings } from '../../../../test/harness/yaml-blocks';
import { firstModelDifference, libraryModel } from '../../../../test/harness/yaml-model';
import { splitDocuments } from './yaml-documents';
import { parseFast } from './yaml-fast';

const root = join(__dirname, '..', '..', '..', '..', '..');
const crdDir = join(root, 'schemas', 'upstream', 'crds');
/** CRDs up to this size are compared whole; the library needs about a second per megabyte. */
const WHOLE_LIMIT = 300_000;
/** Pieces of the larger ones, each compared once however many CRDs repeat it. */
const PIECE_LIMIT = 20_000;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

function documents(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return splitDocuments(text).map(({ start, end }) => text.slice(start, end));
}

// Vendored in the repository: a clone has them, so a missing folder fails the test instead of skipping.
const crds = yamlFiles(crdDir);
const counts = { fast: 0, library: 0 };

/** Compares the parsers on one document; false when the fast parser gave up. */
function agrees(text: string, where: string): boolean {
  const fast = parseFast(text);
  if (fast === undefined) return false;
  const library = libraryModel(text);
  assert.deepEqual(library.findings, [], `${where}: the fast parser read a document the library finds broken`);
  const difference = firstModelDifference(text, fast, library.root);
  if (difference) assert.equal(difference[0], difference[1], `${where}: the fast parser (actual) and the library (expected) differ`);
  return true;
}

describe('fast YAML parser on real files', () => {
  after(() => {
    console.log(`      corpus: ${counts.fast} documents took the fast path, ${counts.library} went to the library`);
  });

  it('agrees with the library on every document of the fixtures and examples', () => {
    const files = [...yamlFiles(join(root, 'test', 'fixtures')), ...yamlFiles(join(root, 'examples'))];
    assert.ok(files.length > 5);
    for (const file of files) {
      documents(file).forEach((text, i) => {
        if (agrees(text, `${relative(root, file)}, document ${i + 1}`)) counts.fast++;
        else counts.library++;
      });
    }
  });

  it('finds the upstream CRDs vendored in schemas/upstream', () => {
    assert.ok(crds.length > 10, `${crds.length} CRD files in ${crdDir}`);
  });

  it('reads every document of every CRD itself', () => {
    const given = crds.flatMap((file) =>
      documents(file).map((text, i) => [`${relative(crdDir, file)} #${i + 1}`, parseFast(text) === undefined] as const),
    );
    const fallbacks = given.filter(([, gaveUp]) => gaveUp).map(([name]) => name);
    counts.fast += given.length - fallbacks.length;
    counts.library += fallbacks.length;
    assert.deepEqual(fallbacks, []);
  });

  it('agrees with the library on the smaller CRDs, whole', () => {
    const small = crds.filter((file) => statSync(file).size <= WHOLE_LIMIT);
    assert.ok(small.length >= 3);
    for (const file of small) documents(file).forEach((text, i) => assert.ok(agrees(text, `${relative(crdDir, file)} #${i + 1}`)));
  });

  it('agrees with the library on every distinct piece of the larger CRDs', () => {
    const pieces = new Map<string, string>();
    for (const file of crds.filter((path) => statSync(path).size > WHOLE_LIMIT)) {
      for (const text of documents(file)) for (const piece of nestedMappings(text, PIECE_LIMIT)) pieces.set(piece, relative(crdDir, file));
    }
    let fast = 0;
    for (const [piece, file] of pieces) if (agrees(piece, `a piece of ${file}: ${JSON.stringify(piece.slice(0, 80))}`)) fast++;
    // A piece may be a lone scalar, which the fast parser leaves to the library; the rest it reads.
    assert.ok(fast > pieces.size * 0.9, `${fast} of ${pieces.size} pieces took the fast path`);
  });
});
