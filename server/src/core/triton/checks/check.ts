// What a Triton check is: metadata a user reads (id, default severity, one-line description, a
// page of documentation), like a GPU rule's, and a check over one config that reports findings
// with quick fixes. A check never parses and never sees the protocol: it reads the config's view.
import type { Severity } from '../../types';
import type { ConfigNode } from '../config-view';
import type { OffsetFix } from '../pbtxt-edits';
import type { RepositoryView } from '../repository/model-repository';

export interface CheckContext {
  /** The model as Triton names it: `name` when written, else the folder's name. */
  modelName: string;
  /** The folder holding config.pbtxt, when the URI has one. */
  folderName?: string;
  /** The model repository around the config, when the host can list folders; cross-file checks need it. */
  repository?: RepositoryView;
  /**
   * Reports a finding of the running check between two offsets of the config's text, with the
   * check's severity unless `severity` says otherwise; `fixes` are quick fixes, by offsets too.
   */
  report(start: number, end: number, message: string, options?: { fixes?: OffsetFix[]; severity?: Severity }): void;
  /** The config's text, for fixes that tidy around what they remove. */
  text: string;
}

/** The documentation page of a check, rendered into docs/rules/<id>.md. */
export interface CheckDocs {
  /** Why it matters: what Triton does with such a config, and when the user would otherwise find out. */
  why: string;
  /** How to fix it, in words (the quick fix, when there is one, is named). */
  fix: string;
  /** Where the behaviour is specified: the Triton source or documentation. */
  source: string;
  /** A config.pbtxt the check reports (with `# ^^^ severity[id]: message` annotations), and one it leaves alone. */
  invalid: string;
  valid: string;
  /** The model folder holding the examples' config: `models/<folder>/config.pbtxt`; `model` when absent. */
  folder?: string;
  /** Other files of the model repository `models/` around the examples (path → text), for the checks that read it. */
  repository?: Record<string, string>;
}

export interface TritonCheck {
  /** `triton/<file name>`: the code of its findings, the name of its page and its key in `mlinfra.rules`. */
  id: string;
  /** The severity of its findings unless a report says otherwise or the user's `mlinfra.rules` level does. */
  severity: Severity;
  /** One line, ending in a full stop. */
  description: string;
  docs: CheckDocs;
  check(config: ConfigNode, context: CheckContext): void;
}

/** Identity, for type checking (and the contextual type of `this` in `check`). */
export function defineCheck(check: TritonCheck): TritonCheck {
  return check;
}
