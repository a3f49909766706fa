// Runs the rules over one YAML document: the document becomes a workload view (when it is one)
// and each rule reports into findings in the document's coordinates, fixes included.
import type { DocumentContent, DocumentFinding } from '../document';
import { toFixes } from '../offset-edits';
import { NO_CLAIMS, type ClaimIndex } from '../workloads/index';
import { ruleView } from '../workloads/manifest-view';
import { FAILURE_SEVERITY, failureMessage } from './failure';
import type { Rule, RuleContext, RuleWorkspace } from './rule';

/**
 * Runs `rules` over the document; `workspace` is what workspace-scoped rules may read, `claims`
 * the DRA objects around it, and `log` hears of a rule that throws (which leaves a hint where it
 * broke and the others' findings).
 */
export function runRules(
  document: DocumentContent,
  rules: readonly Rule[],
  workspace?: RuleWorkspace,
  log?: (ruleId: string, error: unknown) => void,
  claims: ClaimIndex = NO_CLAIMS,
): DocumentFinding[] {
  const found = ruleView(document.root);
  if (!found) return [];
  const workload = found.view;
  const findings: DocumentFinding[] = [];
  // One context for the document, reporting for the rule that runs: rules run one at a time,
  // and hundreds of documents times dozens of rules make a context per rule add up.
  let rule: Rule = rules[0];
  const context: RuleContext = {
    text: document.text,
    workspace,
    claims,
    report(at, message, options = {}) {
      const finding: DocumentFinding = {
        range: document.lines.range(at.start, at.end),
        severity: options.severity ?? rule.severity,
        code: rule.id,
        message,
      };
      if (options.fixes?.length) finding.fixes = toFixes(document.lines, options.fixes);
      findings.push(finding);
    },
  };
  for (rule of rules) {
    if (rule.kinds ? !rule.kinds.includes(workload.groupKind) : !found.workload) continue;
    try {
      rule.check(workload, context);
    } catch (error) {
      // One broken rule must not hide the others' findings; say where it broke.
      const where = workload.kindNode;
      const range = document.lines.range(where.start, where.end);
      findings.push({ range, severity: FAILURE_SEVERITY, code: rule.id, message: failureMessage('rule', rule.id, error) });
      log?.(rule.id, error);
    }
  }
  return findings;
}
