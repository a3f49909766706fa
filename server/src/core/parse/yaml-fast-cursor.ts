// The fast parser's position in a document's text: line navigation, comments, and plain scalars
// on one line. Anything it does not recognise throws GIVE_UP, and the library parses instead.
import type { MapEntry, ScalarNode, YamlNode } from '../document';
import { resolvePlain } from './yaml-scalars';

/** Thrown (never an Error: no stack to capture) when the fast parser leaves a document to the library. */
export const GIVE_UP = Object.freeze({ giveUp: true });

export function giveUp(): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- a sentinel the caller catches to fall back; no stack wanted
  throw GIVE_UP;
}

export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;

/** How a plain scalar's text on one line ended. */
export const enum Stop {
  LineEnd,
  Comment,
  /** At a `:` followed by a space or the line end: the scalar is a mapping key. */
  Colon,
}

/**
 * Characters the fast path does not handle: tabs (indentation rules differ), control characters,
 * a BOM, and the characters YAML 1.1 reads as line breaks. A lone CR too, checked apart: one
 * character class is what a regular expression scans fastest.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const UNSUPPORTED = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;
const LONE_CR = /\r(?!\n)/;

/** False when the text holds a character the fast parser leaves to the library. */
export function supportedCharacters(text: string): boolean {
  return !UNSUPPORTED.test(text) && !(text.includes('\r') && LONE_CR.test(text));
}

export class Cursor {
  readonly length: number;
  /** Offset in the text. After `nextContentLine`, the first non-space character of a line. */
  pos = 0;
  /** Column of `pos` after `nextContentLine`; -1 at the end of the document. */
  col = 0;
  /** Start of the line of `pos` after `nextContentLine`: columns of nodes later on the line count from it. */
  lineStart = 0;
  /** How and where the last plain scalar scan stopped; set by `scanPlainLine`. */
  stop: Stop = Stop.LineEnd;
  stopAt = 0;
  /** Where an empty value stands (after its `:` or `-` and the spaces): the end of a collection ending with it. */
  emptyAt = 0;
  /** Entries and items of the collections being read, nested ones above their parents' (see blockMap). */
  readonly entries: MapEntry[] = [];
  readonly items: (YamlNode | null)[] = [];
  /**
   * How many of `entries` and `items` are in use. The arrays keep their length: shrinking an
   * array (setting its length) costs more than the writes it saves.
   */
  entriesTop = 0;
  itemsTop = 0;
  /** True once the document's `---` or first content is behind: another `---` is not ours to read. */
  private started = false;

  /** `checked`: the caller knows `text` holds none of the unsupported characters. */
  constructor(
    readonly text: string,
    checked: boolean,
  ) {
    this.length = text.length;
    if (!checked && !supportedCharacters(text)) giveUp();
  }

  code(offset: number): number {
    return this.text.charCodeAt(offset);
  }

  /** True at a line break or the end of the text. */
  isLineEnd(offset: number): boolean {
    const ch = this.text.charCodeAt(offset);
    return ch === LF || ch === CR || offset >= this.length;
  }

  /** True at a space, a line break or the end of the text: what must follow a `:` or `-` indicator. */
  isBlank(offset: number): boolean {
    const ch = this.text.charCodeAt(offset);
    return ch === SPACE || ch === LF || ch === CR || offset >= this.length;
  }

  skipSpaces(offset: number): number {
    while (this.text.charCodeAt(offset) === SPACE) offset++;
    return offset;
  }

  /** The offset just after the line break ending the line that holds `offset`. */
  nextLineStart(offset: number): number {
    const lf = this.text.indexOf('\n', offset);
    return lf === -1 ? this.length : lf + 1;
  }

  /** A document marker (`---` or `...`) at a line start. */
  isMarker(offset: number, ch: number): boolean {
    const text = this.text;
    return (
      text.charCodeAt(offset) === ch && text.charCodeAt(offset + 1) === ch && text.charCodeAt(offset + 2) === ch && this.isBlank(offset + 3)
    );
  }

  /** After a node: only spaces and a comment may remain on the line. Then moves to the next content line. */
  finishLine(offset: number): void {
    // A comment needs a space before it; anything else after a complete node is an error.
    this.nextContentLine(this.restOfLine(offset));
  }

  /**
   * Moves to the first non-space character of the next line, from a line start, that is not
   * blank or a comment. A `...` line ends the document: the rest may hold comments only.
   */
  nextContentLine(lineStart: number): void {
    let start = lineStart;
    while (start < this.length) {
      const first = this.skipSpaces(start);
      if (!this.isLineEnd(first) && this.code(first) !== HASH) {
        if (first === start) {
          if (this.isMarker(start, 46 /* . */)) {
            this.finishDocument(start + 3);
            return;
          }
          const dashes = this.isMarker(start, DASH);
          // Directives are the library's, and so is a second `---`.
          if (this.code(start) === 37 /* % */ || (dashes && this.started)) giveUp();
          if (dashes) {
            // The document's own `---`: only a comment may follow it on its line.
            this.started = true;
            start = this.restOfLine(start + 3);
            continue;
          }
        }
        this.started = true;
        this.pos = first;
        this.col = first - start;
        this.lineStart = start;
        return;
      }
      start = this.nextLineStart(first);
    }
    this.pos = this.length;
    this.col = -1;
  }

  /** Skips spaces and a comment after a token that must end its line; returns the next line's start. */
  private restOfLine(afterToken: number): number {
    const after = this.skipSpaces(afterToken);
    if (!this.isLineEnd(after) && (this.code(after) !== HASH || after === afterToken)) giveUp();
    return this.nextLineStart(after);
  }

  private finishDocument(afterMarker: number): void {
    this.started = true;
    this.nextContentLine(this.restOfLine(afterMarker));
    // Content (or a directive) after the document end marker is the library's to judge.
    if (this.col !== -1) giveUp();
  }

  /**
   * Scans a plain scalar's text on one line from `start` (block context): up to a `: ` (a key),
   * a ` #` comment or the line end. Returns the offset after its last non-space character and
   * sets `stop`.
   */
  scanPlainLine(start: number): number {
    const text = this.text;
    let end = start;
    for (let i = start; ; i++) {
      const ch = text.charCodeAt(i);
      if (ch === SPACE) continue;
      if (ch === LF || ch === CR || i >= this.length) {
        this.stop = Stop.LineEnd;
      } else if (ch === COLON && this.isBlank(i + 1)) {
        this.stop = Stop.Colon;
      } else if (ch === HASH && text.charCodeAt(i - 1) === SPACE) {
        this.stop = Stop.Comment;
      } else {
        end = i + 1;
        continue;
      }
      this.stopAt = i;
      return end;
    }
  }

  /** The stop of the last scan (a method, so that type narrowing does not outlive a scan). */
  stopped(): Stop {
    return this.stop;
  }

  plainScalar(start: number, end: number, value: string): ScalarNode {
    return { kind: 'scalar', start, end, value: resolvePlain(value), quoted: false };
  }
}

/** Characters that cannot start a plain scalar (YAML indicators), by char code. */
export const INDICATOR = new Uint8Array(128);
for (const ch of '-?:,[]{}#&*!|>\'"%@`') INDICATOR[ch.charCodeAt(0)] = 1;
