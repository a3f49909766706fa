// Folding ranges of a Triton config: every message `{…}`/`<…>` and list `[…]` that spans
// lines, and every run of two or more whole-line `#` comments. A closing bracket keeps its line
// visible, so a folded block still reads `input [ … ]`.
import type { FoldingRange } from '../types';
import type { PbDocument, PbMessage, PbValue } from './pbtxt-ast';

function collect(value: PbValue | null, document: PbDocument, out: FoldingRange[]): void {
  if (!value || value.kind === 'scalar') return;
  const closed = value.kind === 'message' ? value.closed : document.text[value.end - 1] === ']';
  const startLine = document.lines.positionAt(value.start).line;
  const lastLine = document.lines.positionAt(value.end).line;
  const endLine = closed ? lastLine - 1 : lastLine;
  if (endLine > startLine) out.push({ startLine, endLine });
  if (value.kind === 'list') value.items.forEach((item) => collect(item, document, out));
  else fields(value, document, out);
}

function fields(message: PbMessage, document: PbDocument, out: FoldingRange[]): void {
  for (const field of message.fields) collect(field.value, document, out);
}

/** Runs of consecutive lines that hold nothing but a comment. */
function commentRuns(document: PbDocument): FoldingRange[] {
  const runs: FoldingRange[] = [];
  let run: FoldingRange | undefined;
  for (const comment of document.comments) {
    const { line, character } = document.lines.positionAt(comment.start);
    if (document.lines.lineText(line).slice(0, character).trim() !== '') continue;
    if (run && line === run.endLine + 1) run.endLine = line;
    else {
      if (run && run.endLine > run.startLine) runs.push(run);
      run = { startLine: line, endLine: line, kind: 'comment' };
    }
  }
  if (run && run.endLine > run.startLine) runs.push(run);
  return runs;
}

/** Folding ranges in line order, one per start line (the outermost where a list and its first message open together). */
export function foldPbtxt(document: PbDocument): FoldingRange[] {
  const blocks: FoldingRange[] = [];
  fields(document.root, document, blocks);
  const byStart = new Map<number, FoldingRange>();
  for (const range of [...blocks, ...commentRuns(document)]) {
    const known = byStart.get(range.startLine);
    if (!known || range.endLine > known.endLine) byStart.set(range.startLine, range);
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}
