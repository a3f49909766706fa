// Every snippet a newcomer inserts expands, with its default values, to a document the
// language service finds nothing wrong with.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../server/src/core/language-service';
import { testHost } from '../harness/hosts';

const root = join(__dirname, '..', '..', '..');

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** Expands a snippet body as an editor does when the user accepts every default. */
export function expandSnippet(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1') // choices: the first
    .replace(/\$\{\d+:([^}]*)\}/g, '$1') // placeholders: the default
    .replace(/\$\d+/g, ''); // bare tab stops
}

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { snippets: Array<{ language: string; path: string }> } };
const contributions = packageJson.contributes.snippets;
// A Triton config sits in its model's folder, named as the snippet's default model name.
const fileNames: Record<string, string> = { yaml: 'snippet.yaml', pbtxt: 'model/config.pbtxt' };

describe('snippets', () => {
  it('expands placeholders, choices and tab stops', () => {
    assert.equal(expandSnippet(['a: ${1:x}', 'b: ${2|p,q|}', '$0']), 'a: x\nb: p\n');
  });

  for (const { language, path } of contributions) {
    const snippets = JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, Snippet>;
    for (const [name, snippet] of Object.entries(snippets)) {
      it(`${language} snippet "${name}" expands to a document with no problems`, () => {
        assert.match(snippet.prefix, /^mlinfra-[a-z0-9-]+$/);
        assert.ok(snippet.description.length > 10, 'has a description');
        const text = expandSnippet(snippet.body);
        const service = createLanguageService(testHost());
        assert.deepEqual(service.validate({ uri: `file:///w/${fileNames[language]}`, text, languageId: language }).findings, []);
      });
    }
  }
});
