// What a GPU rule or a Triton check that throws leaves behind, the same for both: a hint where
// it broke (its other findings, and every other rule's, stay), and a line for the server's log
// with the stack, for a bug report.
import type { Severity } from '../types';

/** The hint's severity: a failure is mlinfra's problem, not the file's. */
export const FAILURE_SEVERITY: Severity = 'hint';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The hint's message: `mlinfra: rule gpu/x failed on this document (…). Please report it.` */
export function failureMessage(what: 'rule' | 'check', id: string, error: unknown): string {
  return `mlinfra: ${what} ${id} failed on this ${what === 'rule' ? 'document' : 'config'} (${reason(error)}). Please report it.`;
}

/** The logged line: `Rule gpu/x failed on file:///…: TypeError: …` and the stack. */
export function failureLog(what: 'rule' | 'check', id: string, uri: string, error: unknown): string {
  const thrown = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : reason(error);
  return `${what === 'rule' ? 'Rule' : 'Check'} ${id} failed on ${uri}: ${thrown}`;
}
