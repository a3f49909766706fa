// The analysis core's own vocabulary: positions, ranges and findings. It mirrors the LSP
// shapes (zero-based lines, UTF-16 columns) so converting to LSP is trivial, but it does not
// depend on any protocol package, so tests and the bench use it directly (a command-line checker will too).

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface RelatedLocation {
  range: Range;
  message: string;
}

/** One problem found in a file, at the smallest range that shows it. */
export interface Finding {
  range: Range;
  severity: Severity;
  message: string;
  /** Stable id such as `yaml/duplicate-key`; shown to users and used for suppression. */
  code: string;
  related?: RelatedLocation[];
  /** A page that explains the finding (a rule's documentation), linked from the code. */
  href?: string;
  /** Mechanical corrections, offered as quick fixes; only where the intent is clear. */
  fixes?: Fix[];
}

/** A correction of a finding: edits to the finding's own file. */
export interface Fix {
  /** What the fix does, as a menu reads it: `Change to "TYPE_FP32"`. */
  title: string;
  edits: TextEdit[];
  /** The one obvious fix, which an editor may apply without asking (VS Code's auto fix). */
  preferred?: boolean;
}

/** A fix offered for a range of a file, with the finding it corrects. */
export interface CodeAction {
  title: string;
  kind: 'quickfix';
  finding: Finding;
  edits: TextEdit[];
  preferred: boolean;
}

/** Lines an editor can fold: a block from its opening line, or a run of comment lines. */
export interface FoldingRange {
  startLine: number;
  /** The last line hidden with the block; a closing bracket's own line stays visible. */
  endLine: number;
  kind?: 'comment';
}

/** One completion proposal, in core terms; the server converts it to LSP. */
export interface Completion {
  label: string;
  kind: 'property' | 'value' | 'kind' | 'snippet';
  /** Short text shown beside the label: the type, or the apiVersion. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** What replaces `range`; a snippet (with `$1`, `${1|a,b|}`, `$0`) when `snippet` is set. */
  insertText: string;
  snippet: boolean;
  range: Range;
  sortText?: string;
  filterText?: string;
}

/** Markdown shown on hover, and the range it describes. */
export interface Hover {
  markdown: string;
  range: Range;
}

/** An outline entry: documents at the top, their keys below. */
export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: 'document' | 'object' | 'array' | 'field';
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

/** A replacement of a range of a file by new text. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A line of information above a range (a workload's GPU summary), with no action of its own. */
export interface CodeLens {
  range: Range;
  title: string;
}
