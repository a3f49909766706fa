// Edits as checks write them, by offsets into the text they read (a Triton config, one YAML
// document), turned into the core's line and character ranges once, through the text's line index.
import type { LineIndex } from './text-lines';
import type { Fix } from './types';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** A fix as a check writes it: edits by offsets into the checked text. */
export interface OffsetFix {
  title: string;
  edits: OffsetEdit[];
  preferred?: boolean;
}

/** Replaces a node's whole span. */
export function replaceSpan(node: { start: number; end: number }, newText: string): OffsetEdit {
  return { start: node.start, end: node.end, newText };
}

/** Offset fixes as the core's fixes, in line and character ranges. */
export function toFixes(lines: LineIndex, fixes: OffsetFix[]): Fix[] {
  return fixes.map((fix) => {
    const out: Fix = {
      title: fix.title,
      edits: fix.edits.map((edit) => ({ range: lines.range(edit.start, edit.end), newText: edit.newText })),
    };
    if (fix.preferred) out.preferred = true;
    return out;
  });
}
