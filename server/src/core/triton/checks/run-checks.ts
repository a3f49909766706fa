// Runs the Triton checks over one parsed config: each check reports into findings in the
// config's coordinates, fixes included. A check that throws is contained as a rule is: the
// failure is shown at the config's name and logged, and the other checks still run.
import { FAILURE_SEVERITY, failureLog, failureMessage } from '../../rules/failure';
import type { Finding } from '../../types';
import { ConfigNode } from '../config-view';
import type { PbDocument } from '../pbtxt-ast';
import { toFixes } from '../pbtxt-edits';
import type { RepositoryView } from '../repository/model-repository';
import type { CheckContext, TritonCheck } from './check';

export interface CheckRun {
  /** The config's URI, for the log. */
  uri: string;
  /** The name of the folder holding the config, when it has one. */
  folderName?: string;
  /** The model repository around the config, for the cross-file checks. */
  repository?: RepositoryView;
  /** Where a check's failure is written with its stack, for a bug report. */
  log?: (message: string) => void;
}

/** Runs `checks` over the config; their findings carry the check's id as code. */
export function runChecks(document: PbDocument, checks: readonly TritonCheck[], run: CheckRun): Finding[] {
  const lines = document.lines;
  const config = new ConfigNode(document.root);
  const findings: Finding[] = [];
  // One context for the config, reporting for the check that runs: checks run one at a time.
  let check: TritonCheck = checks[0];
  const context: CheckContext = {
    modelName: config.string('name') || run.folderName || 'model',
    folderName: run.folderName,
    repository: run.repository,
    text: document.text,
    report(start, end, message, options = {}) {
      const finding: Finding = { range: lines.range(start, end), severity: options.severity ?? check.severity, code: check.id, message };
      if (options.fixes?.length) finding.fixes = toFixes(lines, options.fixes);
      findings.push(finding);
    },
  };
  for (check of checks) {
    try {
      check.check(config, context);
    } catch (error) {
      // One broken check must not hide the others' findings; say where it broke.
      const where = config.anchor('name', 'platform', 'backend');
      const range = lines.range(where.start, where.end);
      findings.push({ range, severity: FAILURE_SEVERITY, code: check.id, message: failureMessage('check', check.id, error) });
      run.log?.(failureLog('check', check.id, run.uri, error));
    }
  }
  return findings;
}
