// The `mlinfra.yaml.libraryParser` option: with it, the `yaml` library parses every document the
// fast parser would have read, and a user sees the same findings, outline and GPU summaries.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createLanguageService, type LanguageService, type SourceFile } from './language-service';
import { testHost } from '../../../test/harness/hosts';

const fixtures = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures');
// The module object the core's compiled code calls into (an `import *` would be a copy of it).
const yamlLibrary = createRequire(__filename)('yaml') as { parseAllDocuments: (...args: unknown[]) => unknown };

function manifests(): SourceFile[] {
  const kinds = join(fixtures, 'kinds');
  return readdirSync(kinds)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ uri: `file:///workspace/${name}`, text: readFileSync(join(kinds, name), 'utf8') }));
}

/** What a user sees of a file: its findings, its outline and its GPU summaries. */
function seen(service: LanguageService, file: SourceFile): unknown {
  return { findings: service.validate(file).findings, outline: service.outline(file), lenses: service.codeLenses(file) };
}

/** Runs `body` counting the documents handed to the `yaml` library. */
function libraryCalls(body: () => void): number {
  const original = yamlLibrary.parseAllDocuments;
  let calls = 0;
  yamlLibrary.parseAllDocuments = (...args: unknown[]) => {
    calls++;
    return original(...args);
  };
  try {
    body();
  } finally {
    yamlLibrary.parseAllDocuments = original;
  }
  return calls;
}

const job = (name: string) =>
  `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n` +
  `      containers:\n        - name: train\n          image: python:3.12\n`;

describe('the library parser option', function () {
  this.timeout(20000);
  const fast = createLanguageService(testHost());
  const library = createLanguageService(testHost());
  library.setLibraryParser(true);

  it('gives the same findings, outline and GPU summaries on every kind fixture, valid and invalid', () => {
    const files = manifests();
    assert.ok(files.length > 40, `only ${files.length} fixtures`);
    let byLibrary: unknown[] = [];
    let byFast: unknown[] = [];
    const libraryParsed = libraryCalls(() => (byLibrary = files.map((file) => seen(library, file))));
    const fastParsed = libraryCalls(() => (byFast = files.map((file) => seen(fast, file))));
    files.forEach((file, i) => assert.deepEqual(byLibrary[i], byFast[i], file.uri));
    // Not two library parses compared: the fast parser read nearly all of these documents.
    assert.ok(libraryParsed >= files.length, `${libraryParsed} documents parsed by the library with the option on`);
    assert.ok(fastParsed < files.length / 10, `${fastParsed} of ${files.length} files' documents left to the library without it`);
  });

  it('gives the same findings on a multi-document file with a syntax error in one document', () => {
    const file = { uri: 'file:///workspace/jobs.yaml', text: `${job('a')}---\n${job('b')}  parallelism 2\n---\n${job('c')}` };
    const findings = library.validate(file).findings;
    assert.ok(findings.length > 0, 'the broken document is reported');
    assert.deepEqual(findings, fast.validate(file).findings);
  });

  it('hands every document to the yaml library, none when off', () => {
    const text = `${job('a')}---\n${job('b')}---\n${job('c')}`;
    const service = createLanguageService(testHost());
    const file = { uri: 'file:///workspace/three.yaml', text };
    assert.equal(
      libraryCalls(() => service.validate(file)),
      0,
      'the fast parser reads clean manifests',
    );
    service.setLibraryParser(true);
    assert.equal(
      libraryCalls(() => service.validate(file)),
      3,
      'turned on: the same text is parsed again, by the library',
    );
    service.setLibraryParser(false);
    assert.equal(
      libraryCalls(() => service.validate(file)),
      0,
      'turned off again: the fast parser once more',
    );
  });
});
