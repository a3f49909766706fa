// Keeps the rules honest: every rule file is registered once under an id equal to its path,
// has a test beside it, a page in docs/rules/ identical to what its metadata renders, and
// examples in that page that behave as the page says. MLINFRA_UPDATE_DOCS=1 rewrites the pages.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import { renderRuleDoc } from '../../server/src/core/rules/rule-docs';
import { WORKLOAD_KINDS } from '../../server/src/core/workloads';
import { checkFindings } from '../harness/check';

const ROOT = join(__dirname, '..', '..', '..');
const RULES_SOURCE = join(ROOT, 'server', 'src', 'core', 'rules');
const DOCS = join(ROOT, 'docs', 'rules');

/** Rule ids from the files: `<group>/<name>.ts` in a subfolder of core/rules. */
function ruleFiles(): string[] {
  return readdirSync(RULES_SOURCE)
    .filter((group) => statSync(join(RULES_SOURCE, group)).isDirectory())
    .flatMap((group) =>
      readdirSync(join(RULES_SOURCE, group))
        .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
        .map((name) => `${group}/${name.slice(0, -3)}`),
    );
}

describe('rules', () => {
  it('registers every rule file once, sorted, under its path as id', () => {
    const ids = RULES.map((rule) => rule.id);
    assert.deepEqual([...ids].sort(), ruleFiles().sort());
    assert.deepEqual(ids, [...ids].sort(), 'the registry is sorted by id');
  });

  it("names only workload kinds mlinfra reads, or kinds it has a schema for, in a rule's kinds", () => {
    const index = JSON.parse(readFileSync(join(ROOT, 'schemas', 'index.json'), 'utf8')) as { kinds: { group: string; kind: string }[] };
    const schemaKinds = index.kinds.map(({ group, kind }) => `${group}/${kind}`);
    for (const rule of RULES)
      for (const kind of rule.kinds ?? [])
        assert.ok(WORKLOAD_KINDS.includes(kind) || schemaKinds.includes(kind), `${rule.id}: ${kind} is a workload kind or has a schema`);
  });

  it('gives every rule a description, a test and its documentation page', () => {
    for (const rule of RULES) {
      assert.match(rule.description, /^[A-Z].*\.$/, rule.id);
      assert.ok(existsSync(join(RULES_SOURCE, `${rule.id}.test.ts`)), `${rule.id} has a test beside it`);
      const page = join(DOCS, `${rule.id}.md`);
      const expected = renderRuleDoc(rule);
      if (process.env.MLINFRA_UPDATE_DOCS) {
        mkdirSync(dirname(page), { recursive: true });
        writeFileSync(page, expected);
      }
      assert.ok(existsSync(page), `docs/rules/${rule.id}.md exists (MLINFRA_UPDATE_DOCS=1 npm run test:unit writes it)`);
      assert.equal(
        readFileSync(page, 'utf8'),
        expected,
        `docs/rules/${rule.id}.md is what the rule's metadata renders (MLINFRA_UPDATE_DOCS=1 npm run test:unit rewrites it)`,
      );
    }
  });

  for (const rule of RULES) {
    it(`${rule.id}: its page's examples are reported as shown`, () => {
      checkFindings(rule.docs.invalid, { only: rule.id });
      checkFindings(rule.docs.valid, { only: rule.id });
    });
  }
});
