// The syntax tree of a protobuf text format file (a Triton `config.pbtxt`), with exact source
// offsets: what the validator, completion, hover, outline and formatter read. No schema here.
import type { LineIndex } from '../text-lines';
import type { Finding } from '../types';

interface PbNode {
  /** Offsets into the file's text: start inclusive, end exclusive. */
  start: number;
  end: number;
}

export interface PbMessage extends PbNode {
  kind: 'message';
  /** The opening bracket; absent for the file's root, which has no braces. */
  open?: '{' | '<';
  /** False when the closing bracket is missing (reported); `end` is then the end of the last field. */
  closed: boolean;
  fields: PbField[];
}

export interface PbScalar extends PbNode {
  kind: 'scalar';
  token: 'identifier' | 'string' | 'integer' | 'float';
  /** The source text of the whole span: a leading `-`, quotes, and every adjacent string literal. */
  text: string;
  /** The decoded value of a string (adjacent literals concatenated; bytes read as UTF-8). */
  string?: string;
  /**
   * The numeric value of an integer or float (negated when `negative`); hex and octal decoded.
   * Also set for the identifiers `inf`, `infinity` and `nan` (any case): Infinity or NaN.
   */
  number?: number;
  /** The exact value of an integer beyond ±2^53 (uint64 and int64 fields). */
  bigint?: bigint;
  /** Written with a leading `-`. */
  negative: boolean;
}

export interface PbList extends PbNode {
  kind: 'list';
  items: (PbScalar | PbMessage)[];
}

export type PbValue = PbScalar | PbMessage | PbList;

export interface PbField {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Offset of the `:` when written. */
  colon?: number;
  /** Null when the value is missing or unreadable (the error is reported). */
  value: PbValue | null;
  /** From the name to the end of the value, including the separator when there is one. */
  start: number;
  end: number;
  /** Offset of a `;` or `,` written after the value. */
  separator?: number;
}

export interface PbComment {
  start: number;
  end: number;
  /** The source text, from `#` to the end of the line (line break excluded). */
  text: string;
}

export interface PbDocument {
  text: string;
  /** Index over `text`: every offset of the tree converts through it. */
  lines: LineIndex;
  /** The file's top-level fields: a message without braces spanning the whole text. */
  root: PbMessage;
  comments: PbComment[];
  /** Syntax errors, in source order. */
  findings: Finding[];
}
