// The analysis core's own vocabulary: positions, ranges and findings. It mirrors the LSP
// shapes (zero-based lines, UTF-16 columns) so converting to LSP is trivial, but it does not
// depend on any protocol package, so the CLI and tests use it directly.

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
}
