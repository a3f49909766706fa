// The user's say over the rules and the Triton checks: a severity per id (or `off`), from the
// `mlinfra.rules` setting, and suppression comments in the file; applied after they ran, so that
// the cached findings of a document stay valid when a setting changes.
import type { Finding, Severity } from '../types';
import { readSuppressions } from './suppression';

export type RuleLevel = Severity | 'off';

const LEVELS = new Set<string>(['off', 'error', 'warning', 'info', 'hint']);

/** Reads the setting's value; what it cannot use is returned as problems to show. */
export function parseRuleLevels(value: unknown, knownIds: readonly string[]): { levels: Map<string, RuleLevel>; problems: string[] } {
  const levels = new Map<string, RuleLevel>();
  const problems: string[] = [];
  if (value === undefined || value === null) return { levels, problems };
  if (typeof value !== 'object' || Array.isArray(value))
    return { levels, problems: ['mlinfra.rules must be an object of rule id to off, info, warning or error.'] };
  for (const [id, level] of Object.entries(value)) {
    if (!knownIds.includes(id)) problems.push(`mlinfra.rules: unknown rule "${id}".`);
    else if (typeof level !== 'string' || !LEVELS.has(level))
      problems.push(`mlinfra.rules: "${id}" must be off, info, warning or error, not ${JSON.stringify(level)}.`);
    else levels.set(id, level as RuleLevel);
  }
  return { levels, problems };
}

/** The rule findings of a file as the user wants them: levels applied, suppressed ones gone, each linked to its page. */
export function applyRuleSettings(
  findings: Finding[],
  fileText: string,
  levels: ReadonlyMap<string, RuleLevel>,
  docsBase: string | undefined,
): Finding[] {
  const suppressions = readSuppressions(fileText);
  const out: Finding[] = [];
  for (const finding of findings) {
    const level = levels.get(finding.code);
    if (level === 'off' || suppressions.silenced(finding.code, finding.range.start.line)) continue;
    out.push({ ...finding, severity: level ?? finding.severity, ...(docsBase ? { href: `${docsBase}${finding.code}.md` } : {}) });
  }
  return out;
}
