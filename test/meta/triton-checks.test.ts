// Keeps the Triton checks under the rules' contract: every check file is registered once, sorted,
// under `triton/<file name>`; each has a page in docs/rules/triton/ identical to what its metadata
// renders, with examples that behave as the page says (one reported, one not). The codes that are
// no rule or check (syntax, schema, structure) are those the sources write, on a page of their own.
// MLINFRA_UPDATE_DOCS=1 rewrites the pages.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderCheckDoc, renderSyntaxDoc } from '../../server/src/core/rules/rule-docs';
import { RULES } from '../../server/src/core/rules/index';
import { SYNTAX_CODE_GROUPS, SYNTAX_PAGE } from '../../server/src/core/syntax-codes';
import type { TritonCheck } from '../../server/src/core/triton/checks/check';
import { TRITON_CHECKS } from '../../server/src/core/triton/checks/index';
import { checkFindings } from '../harness/check';
import { parseFixture } from '../harness/fixture';
import { testHost } from '../harness/hosts';

const ROOT = join(__dirname, '..', '..', '..');
const SERVER = join(ROOT, 'server', 'src');
const CHECKS_SOURCE = join(SERVER, 'core', 'triton', 'checks');
const DOCS = join(ROOT, 'docs', 'rules');
/** The files of the checks folder that are the framework, not checks. */
const FRAMEWORK = ['check.ts', 'index.ts', 'run-checks.ts'];

/** Compares a page with its rendering, or writes it when asked to. */
function assertPage(file: string, expected: string): void {
  const page = join(DOCS, file);
  if (process.env.MLINFRA_UPDATE_DOCS) {
    mkdirSync(dirname(page), { recursive: true });
    writeFileSync(page, expected);
  }
  assert.ok(existsSync(page), `docs/rules/${file} exists (MLINFRA_UPDATE_DOCS=1 npm run test:unit writes it)`);
  const hint = 'MLINFRA_UPDATE_DOCS=1 npm run test:unit rewrites it';
  assert.equal(readFileSync(page, 'utf8'), expected, `docs/rules/${file} is what the code renders (${hint})`);
}

/** Every TypeScript source of the server but the tests. */
function serverSources(folder = SERVER): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return serverSources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Checks an example of a check's page in the repository its page describes. */
function checkExample(check: TritonCheck, example: string): void {
  const repository = Object.entries(check.docs.repository ?? {}).map(([path, text]): [string, string] => [`file:///models/${path}`, text]);
  const uri = `file:///models/${check.docs.folder ?? 'model'}/config.pbtxt`;
  checkFindings(example, { uri, host: testHost(Object.fromEntries(repository)), only: check.id });
}

describe('Triton checks', () => {
  it('registers every check file once, sorted, under triton/<file name> as id', () => {
    const isCheck = (name: string) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !FRAMEWORK.includes(name);
    const files = readdirSync(CHECKS_SOURCE).filter(isCheck);
    const ids = TRITON_CHECKS.map((check) => check.id);
    assert.deepEqual([...ids].sort(), files.map((name) => `triton/${name.slice(0, -3)}`).sort());
    assert.deepEqual(ids, [...ids].sort(), 'the registry is sorted by id');
    assert.equal(new Set(ids).size, ids.length, 'no two checks share an id');
  });

  it('shares no id or code between the rules, the checks and the syntax and schema codes', () => {
    // They share the mlinfra.rules setting, the suppression comments and docs/rules/.
    const syntax = SYNTAX_CODE_GROUPS.flatMap((group) => group.codes.map((entry) => entry.code));
    const codes = [...RULES.map((rule) => rule.id), ...TRITON_CHECKS.map((check) => check.id), ...syntax];
    assert.deepEqual(
      codes.filter((code, index) => codes.indexOf(code) !== index),
      [],
    );
  });

  it('gives every check a severity, a description and its documentation page', () => {
    for (const check of TRITON_CHECKS) {
      assert.match(check.description, /^[A-Z].*\.$/, check.id);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(check.severity), check.id);
      assertPage(`${check.id}.md`, renderCheckDoc(check));
    }
  });

  for (const check of TRITON_CHECKS) {
    it(`${check.id}: its page's examples are reported as shown`, () => {
      assert.ok(parseFixture(check.docs.invalid).expected.length > 0, 'the reported example shows at least one finding');
      assert.deepEqual(parseFixture(check.docs.valid).expected, [], 'the example not reported shows none');
      checkExample(check, check.docs.invalid);
      checkExample(check, check.docs.valid);
    });
  }
});

describe('Syntax and schema codes', () => {
  const listed = SYNTAX_CODE_GROUPS.flatMap((group) => group.codes.map((entry) => entry.code));

  it('lists each code once, sorted within its group, on its page', () => {
    for (const group of SYNTAX_CODE_GROUPS) {
      const codes = group.codes.map((entry) => entry.code);
      assert.deepEqual(codes, [...codes].sort(), group.title);
      for (const entry of group.codes) assert.match(entry.meaning, /^[A-Z`].*\.$/, entry.code);
    }
    assert.equal(new Set(listed).size, listed.length);
    assertPage(SYNTAX_PAGE, renderSyntaxDoc());
  });

  it('lists every code the server writes that is no rule or check, and only those', () => {
    const written = new Set<string>();
    // The list itself is left out: it would find every code it lists.
    for (const file of serverSources().filter((path) => !path.endsWith('syntax-codes.ts'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'((?:yaml|schema|pbtxt|triton)\/[a-z0-9-]+)'/g)) written.add(match[1]);
    }
    const checks = new Set(TRITON_CHECKS.map((check) => check.id));
    assert.deepEqual([...written].filter((code) => !checks.has(code) && !listed.includes(code)).sort(), [], 'codes written but not listed');
    // yaml/<code> of the parser's own errors are made from its error codes, not written out.
    const unwritten = listed.filter((code) => !written.has(code) && !code.startsWith('yaml/'));
    assert.deepEqual(unwritten, [], 'codes listed but never written');
  });
});
