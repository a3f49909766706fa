// A well-known training failure as it shows in a container's log: an id, what it is in a few words,
// the expression that recognises its lines, real-looking lines it must recognise (the tests read
// them), and where one of our rules explains a common cause, that rule. One pattern per file; the
// registry (index.ts) lists them in the order they are tried.
import type { FailureMatch } from '../log-entry';

export interface FailurePattern {
  /** Equal to the file's name: `cuda-oom`. */
  id: string;
  title: string;
  /** Tested against each line's text; the registry's quick check must let its lines through. */
  pattern: RegExp;
  /** A rule of ours (`gpu/shm-missing`) whose page explains a common cause. */
  rule?: string;
  /** Lines as frameworks print them, each of which the pattern must match. */
  examples: string[];
}

/** The page of a rule, relative to the extension's folder (the view makes it a link). */
export function rulePage(rule: string): string {
  return `docs/rules/${rule}.md`;
}

export function toMatch(pattern: FailurePattern): FailureMatch {
  return pattern.rule
    ? { id: pattern.id, title: pattern.title, rule: { id: pattern.rule, page: rulePage(pattern.rule) } }
    : { id: pattern.id, title: pattern.title };
}
