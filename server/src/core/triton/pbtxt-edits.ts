// Quick fixes for Triton configs in source offsets, as the checks see the tree: replacing a
// value keeps its quotes, removing a field tidies the whitespace it leaves (its whole line when
// it stood alone), and the offsets become ranges once, through the document's line index.
import { replaceSpan, type OffsetEdit } from '../offset-edits';
import type { PbField, PbScalar } from './pbtxt-ast';

export { replaceSpan, toFixes, type OffsetEdit, type OffsetFix } from '../offset-edits';

/** Replaces a string scalar by another string, in the quotes it was written with. */
export function replaceString(scalar: PbScalar, value: string): OffsetEdit {
  const quote = scalar.text.startsWith("'") ? "'" : '"';
  const escaped = value.replace(/\\/g, '\\\\').replace(quote === '"' ? /"/g : /'/g, `\\${quote}`);
  return replaceSpan(scalar, `${quote}${escaped}${quote}`);
}

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t';
const isBreak = (ch: string | undefined) => ch === undefined || ch === '\n' || ch === '\r';

/** The span that removing one field deletes: its line when it stands alone there, else the field and the blanks on one side. */
function removalSpan(text: string, field: PbField): [number, number] {
  let before = field.start;
  while (isBlank(text[before - 1])) before--;
  let after = field.end;
  while (isBlank(text[after])) after++;
  const lineEnd = isBreak(text[after]);
  if (lineEnd && (before === 0 || isBreak(text[before - 1]))) {
    // The whole line goes, with its line break (or the one before it, on the last line).
    if (after < text.length) return [before, after + (text.startsWith('\r\n', after) ? 2 : 1)];
    return [before > 0 ? before - (text.startsWith('\r\n', before - 2) ? 2 : 1) : 0, after];
  }
  return lineEnd ? [before, field.end] : [field.start, after];
}

/** Deletes fields; spans that touch or overlap merge into one edit, so the edits never collide. */
export function removeFields(text: string, fields: PbField[]): OffsetEdit[] {
  const spans = fields.map((field) => removalSpan(text, field)).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged.map(([start, end]) => ({ start, end, newText: '' }));
}
