// Triton's documentation, examples and tests hold model configurations that Triton loads; they
// are vendored in test/fixtures/triton-corpus, one model repository per folder, with placeholder
// model files. Every Triton check runs over each config as the server runs it (the files read from
// disk as the language server reads them) and must report no error: an error there contradicts
// Triton. What the checks say short of an error is listed below, so that a change shows in review.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diskChecker } from '../harness/hosts';

const CORPUS = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'triton-corpus');

/** Findings short of an error, by repository: `model/config.pbtxt:line:column severity[code]: message`. */
const NOT_ERRORS: Record<string, string[]> = {};

/** The model repositories of the corpus, each with the models that have a config. */
function repositories(): { name: string; models: string[] }[] {
  const folders = (path: string) => readdirSync(path).filter((name) => statSync(join(path, name)).isDirectory());
  return folders(CORPUS)
    .filter((name) => name !== 'licenses')
    .sort()
    .map((name) => ({
      name,
      models: folders(join(CORPUS, name)).filter((model) => existsSync(join(CORPUS, name, model, 'config.pbtxt'))),
    }));
}

describe('the Triton corpus', () => {
  const check = diskChecker();
  const corpus = repositories();

  it('holds more than a hundred configs, each with its source', () => {
    const sources = readFileSync(join(CORPUS, 'SOURCES.md'), 'utf8');
    const models = corpus.flatMap((repository) => repository.models.map((model) => `${repository.name}/${model}`));
    assert.ok(models.length > 100, `${models.length} configs`);
    assert.deepEqual(
      models.filter((model) => !sources.includes(`| ${model} |`)),
      [],
      'every config has its row in SOURCES.md',
    );
  });

  for (const repository of corpus) {
    it(`${repository.name}: no error`, async () => {
      const errors: string[] = [];
      const others: string[] = [];
      for (const model of repository.models) {
        const file = join(CORPUS, repository.name, model, 'config.pbtxt');
        const { findings } = await check({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') });
        for (const { range, severity, code, message } of findings) {
          const line = `${model}/config.pbtxt:${range.start.line + 1}:${range.start.character + 1} ${severity}[${code}]: ${message}`;
          (severity === 'error' ? errors : others).push(line);
        }
      }
      assert.deepEqual(errors, []);
      assert.deepEqual(others, NOT_ERRORS[repository.name] ?? []);
    });
  }
});
