// Rule tests: cases with the rule's findings annotated (other codes ignored), and quick fixes
// checked end to end — the fixed text is as expected, the finding is gone and none is new.
import * as assert from 'node:assert/strict';
import { checkFindings } from './check';
import { sharedService } from './cursor';
import { applyFix, parseRange } from './fixes';
import { FIXTURE_URI } from './hosts';

const URI = FIXTURE_URI;

/** Asserts exactly the annotated findings of `ruleId` (every other code is not looked at). */
export function checkRule(ruleId: string, annotatedSource: string): void {
  checkFindings(annotatedSource, { only: ruleId });
}

const describeFinding = (f: { code: string; message: string }) => `${f.code}: ${f.message}`;

/**
 * Applies the fix titled `title` at the `$0` cursor; the result must equal `expected` and have no finding
 * the original lacked, nor this rule's finding at the cursor.
 */
export function checkRuleFix(ruleId: string, source: string, title: string, expected: string): void {
  const service = sharedService();
  const { text, range } = parseRange(source);
  const before = service.validate({ uri: URI, text }).findings;
  const fixed = applyFix(source, URI, title, service);
  assert.equal(fixed, expected);
  const after = service.validate({ uri: URI, text: fixed }).findings;
  const fixedFinding = before.find(
    (f) => f.code === ruleId && f.range.start.line <= range.start.line && f.range.end.line >= range.start.line,
  );
  assert.ok(fixedFinding, `a ${ruleId} finding at the cursor before the fix`);
  const beforeMessages = new Set(before.filter((f) => f !== fixedFinding).map(describeFinding));
  const fresh = after.filter((f) => !beforeMessages.has(describeFinding(f)));
  assert.deepEqual(fresh.map(describeFinding), [], 'the fix leaves no new finding, and removes the one it fixes');
  service.forget(URI);
}
