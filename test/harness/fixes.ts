// Quick-fix fixtures: a document with a `$0` cursor (or a `$0…$0` range) on a problem; the
// fix is looked up by its title, applied, and the test compares the text it gives.
import * as assert from 'node:assert/strict';
import type { LanguageService } from '../../server/src/core/language-service';
import { LineIndex } from '../../server/src/core/text-lines';
import type { CodeAction, Range, TextEdit } from '../../server/src/core/types';
import { sharedService } from './cursor';

/** The document without its markers, and the range they mark (empty for a lone `$0`). */
export function parseRange(source: string): { text: string; range: Range } {
  const first = source.indexOf('$0');
  if (first < 0) throw new Error('fixture has no $0 cursor marker');
  const second = source.indexOf('$0', first + 2);
  const text = source.replace(/\$0/g, '');
  const lines = new LineIndex(text);
  const start = lines.positionAt(first);
  return { text, range: { start, end: second < 0 ? start : lines.positionAt(second - 2) } };
}

/** Applies edits as an editor does: all against the original text, which they must not overlap in. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start);
  spans.forEach((span, i) => assert.ok(i === 0 || spans[i - 1].end <= span.start, `edits overlap: ${JSON.stringify(spans)}`));
  let out = text;
  for (const span of [...spans].reverse()) out = out.slice(0, span.start) + span.newText + out.slice(span.end);
  return out;
}

/** The quick fixes offered at the fixture's cursor or range. */
export function codeActionsAt(source: string, uri: string, service: LanguageService = sharedService()): CodeAction[] {
  const { text, range } = parseRange(source);
  return service.codeActions({ uri, text }, range);
}

/** The text after applying the fix of this title at the fixture's cursor; fails listing the titles offered when there is none. */
export function applyFix(source: string, uri: string, title: string, service: LanguageService = sharedService()): string {
  const { text } = parseRange(source);
  const actions = codeActionsAt(source, uri, service);
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no fix "${title}" here; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  return applyEdits(text, action.edits);
}
