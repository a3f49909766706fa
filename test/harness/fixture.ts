// Fixtures as data: a document with annotation lines under the spans they describe,
//   `#   ^^^^ error[yaml/duplicate-key]: Duplicate key "a": ...`
// The carets sit under the columns of the range (a range at column 0 is annotated with a
// line that starts with the caret). Annotation lines are removed before analysis; the
// findings are then rendered the same way, so a failing test shows a readable diff.
import type { Finding, Range, Severity } from '../../server/src/core/types';

export interface ExpectedFinding {
  range: Range;
  severity: Severity;
  code: string;
  message: string;
}

export interface Fixture {
  /** The document without annotation lines. */
  text: string;
  expected: ExpectedFinding[];
}

const ANNOTATION = /^(\s*#?\s*)(\^+)\s+(error|warning|info|hint)\[([^\]]+)\](?: \(to (\d+):(\d+)\))?: (.*)$/;

/** Strips the indentation common to all non-blank lines and one leading and trailing newline. */
export function dedent(source: string): string {
  const body = source.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n');
  const indents = body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => /^ */.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return body
    .split('\n')
    .map((line) => line.slice(Math.min(common, /^ */.exec(line)![0].length)))
    .join('\n');
}

/** A template tag for fixtures written indented inside test code. */
export function fixture(strings: TemplateStringsArray, ...values: unknown[]): string {
  return dedent(String.raw({ raw: strings.raw }, ...values));
}

export function parseFixture(source: string): Fixture {
  const lines = source.split('\n');
  const kept: string[] = [];
  const expected: ExpectedFinding[] = [];
  for (const line of lines) {
    const match = ANNOTATION.exec(line);
    if (!match || kept.length === 0) {
      kept.push(line);
      continue;
    }
    const [, prefix, carets, severity, code, toLine, toColumn, message] = match;
    const lineNumber = kept.length - 1;
    const start = { line: lineNumber, character: prefix.length };
    const end = toLine
      ? { line: Number(toLine) - 1, character: Number(toColumn) - 1 }
      : { line: lineNumber, character: prefix.length + carets.length };
    expected.push({ range: { start, end }, severity: severity as Severity, code, message });
  }
  return { text: kept.join('\n'), expected };
}

function annotationLine(finding: ExpectedFinding, lineText: string): string {
  const { start, end } = finding.range;
  const singleLine = end.line === start.line;
  const width = Math.max(1, (singleLine ? end.character : lineText.length) - start.character);
  const prefix = start.character === 0 ? '' : `#${' '.repeat(start.character - 1)}`;
  const to = singleLine ? '' : ` (to ${end.line + 1}:${end.character + 1})`;
  return `${prefix}${'^'.repeat(width)} ${finding.severity}[${finding.code}]${to}: ${finding.message}`;
}

/** Renders a document with findings as annotation lines, in a canonical order. */
export function renderAnnotated(text: string, findings: readonly ExpectedFinding[]): string {
  const byLine = new Map<number, ExpectedFinding[]>();
  for (const finding of findings) {
    const list = byLine.get(finding.range.start.line) ?? [];
    list.push(finding);
    byLine.set(finding.range.start.line, list);
  }
  const out: string[] = [];
  text.split('\n').forEach((line, index) => {
    out.push(line);
    const here = (byLine.get(index) ?? []).sort((a, b) => a.range.start.character - b.range.start.character);
    for (const finding of here) out.push(annotationLine(finding, line));
  });
  return out.join('\n');
}

export function asExpected(findings: readonly Finding[]): ExpectedFinding[] {
  return findings.map(({ range, severity, code, message }) => ({ range, severity, code, message }));
}
