// What a GPU rule is: metadata a user reads (id, severity, one-line description, a page of
// documentation) and a check over the workload view that reports findings with quick fixes.
// A rule never parses YAML itself and never sees the protocol: it reads the view and reports.
import type { YamlNode } from '../document';
import type { CoreHost } from '../host';
import type { Severity } from '../types';
import type { ClaimIndex, WorkloadView } from '../workloads';
import type { OffsetFix } from './yaml-edits';

/** The documentation page of a rule, rendered into docs/rules/<id>.md. */
export interface RuleDocs {
  /** Why it matters: what breaks, and when the user would otherwise find out. */
  why: string;
  /** How to fix it, in words (the quick fix, when there is one, is named by the rule). */
  fix: string;
  /** Where the behaviour is specified: the Kubernetes, operator or NVIDIA source. */
  source: string;
  /** A manifest the rule reports (with `# ^^^ id` annotations), and one it leaves alone. */
  invalid: string;
  valid: string;
}

/** What a rule of `scope: 'workspace'` may read beyond its document. */
export interface RuleWorkspace {
  /** The file's URI. */
  uri: string;
  /** The roots of every document of the file (the checked one included). */
  documents: readonly (YamlNode | null)[];
  /** Files and folders around the file. */
  host: CoreHost;
}

export interface RuleContext {
  /** The document's text, for fixes that need indentation. */
  readonly text: string;
  /** Only for rules of `scope: 'workspace'`. */
  readonly workspace?: RuleWorkspace;
  /**
   * The DRA objects (claim templates, claims, device classes) of the file and its folder, for the
   * GPUs pods claim. Every rule has it: a document whose pods claim devices is checked again at
   * every check, like workspace-scoped rules; other documents get one that knows nothing.
   */
  readonly claims: ClaimIndex;
  /** Reports at a node (or a span of offsets into the document's text). */
  report(at: YamlNode | { start: number; end: number }, message: string, options?: { fixes?: OffsetFix[]; severity?: Severity }): void;
}

export interface Rule {
  /** `gpu/<what>` or `<operator>/<what>`; the code of its findings and the name of its page. */
  id: string;
  severity: Severity;
  /** One line, ending in a full stop. */
  description: string;
  /**
   * `document` (the default): the rule reads its document alone, and its findings are kept with
   * the document's content until it changes. `workspace`: it also reads the file's other
   * documents or files around it, so it runs on every check.
   */
  scope?: 'document' | 'workspace';
  /**
   * The workload kinds the rule checks, as `group/kind` (`batch.volcano.sh/Job`); every workload
   * kind when absent. An operator's rules name its kinds, so that they never run on another's
   * manifests. A kind that is not a workload (`resource.k8s.io/ResourceClaimTemplate`) may be
   * named too: the rule then reads that manifest's root, in a view with no pods.
   */
  kinds?: readonly string[];
  docs: RuleDocs;
  check(workload: WorkloadView, context: RuleContext): void;
}

/** Identity, for type checking and a place to hang future defaults. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
