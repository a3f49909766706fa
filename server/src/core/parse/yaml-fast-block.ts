// Block scalars (`|` and `>`, with chomping and indentation indicators) for the fast parser.
// Which lines belong to the scalar follows the `yaml` library's lexer, and the value follows its
// resolveBlockScalar, so the two parsers agree to the character and on the range.
import type { ScalarNode } from '../document';
import { Cursor, HASH, giveUp } from './yaml-fast-cursor';

interface Line {
  /** Leading spaces. */
  indent: number;
  /** Offsets of the text after the indentation, without the line break. */
  from: number;
  to: number;
}

interface Header {
  folded: boolean;
  chomp: '' | '+' | '-';
  /** The indentation indicator, 0 when the indentation is detected from the first line. */
  indicator: number;
  /** Start of the line after the header. */
  body: number;
}

function readHeader(cursor: Cursor, start: number): Header {
  let chomp: Header['chomp'] = '';
  let indicator = 0;
  let i = start + 1;
  for (let k = 0; k < 2; k++) {
    const ch = cursor.code(i);
    if (!chomp && (ch === 43 /* + */ || ch === 45) /* - */) chomp = ch === 43 ? '+' : '-';
    else if (!indicator && ch >= 49 && ch <= 57) indicator = ch - 48;
    else break;
    i++;
  }
  if (!cursor.isBlank(i)) giveUp();
  const after = cursor.skipSpaces(i);
  if (!cursor.isLineEnd(after) && (cursor.code(after) !== HASH || after === i)) giveUp();
  return { folded: cursor.code(start) === 62 /* > */, chomp, indicator, body: cursor.nextLineStart(after) };
}

function lineAt(cursor: Cursor, start: number): Line {
  const from = cursor.skipSpaces(start);
  let to = from;
  while (!cursor.isLineEnd(to)) to++;
  return { indent: from - start, from, to };
}

/**
 * Reads a block scalar from its header (`|` or `>`). `parentCol` is the column of the collection
 * holding it: content must be indented deeper, and an indentation indicator counts from there.
 * Leaves the cursor on the next content line.
 */
export function readBlockScalar(cursor: Cursor, start: number, parentCol: number): ScalarNode {
  const header = readHeader(cursor, start);
  const lines: Line[] = [];
  let offset = header.body;
  let first = -1; // index of the first non-blank line
  while (offset < cursor.length) {
    const line = lineAt(cursor, offset);
    const blank = line.from === line.to;
    if (!blank) {
      if (first === -1) {
        const threshold = parentCol + (header.indicator || 1);
        if (line.indent < threshold) {
          // The scalar is empty; the library reports a line between the two indentations.
          if (header.indicator && line.indent > parentCol) giveUp();
          break;
        }
        first = lines.length;
      } else if (line.indent < (header.indicator ? parentCol + header.indicator : lines[first].indent)) {
        break;
      }
    }
    lines.push(line);
    offset = cursor.nextLineStart(line.to);
  }
  if (first === -1) return emptyBlockScalar(cursor, start, header, lines);
  const firstIndent = lines[first].indent;
  const trimIndent = header.indicator ? parentCol + header.indicator : firstIndent;
  for (let i = 0; i < first; i++) if (lines[i].indent > trimIndent) giveUp(); // more-indented leading blank lines
  // The lexer keeps trailing blank lines only when chomping with `+`, or when more indented than the first line.
  let count = lines.length;
  if (header.chomp !== '+') {
    while (count > first + 1 && lines[count - 1].from === lines[count - 1].to && lines[count - 1].indent <= firstIndent) count--;
  }
  const last = lines[count - 1];
  const end = cursor.nextLineStart(last.to);
  const endsWithBreak = cursor.code(end - 1) === 10;
  if (!endsWithBreak && last.from === last.to) giveUp(); // spaces ending the text: the lexer counts them its own way
  const value = blockValue(cursor, header, lines.slice(0, count), first, trimIndent, endsWithBreak);
  cursor.nextContentLine(end);
  return { kind: 'scalar', start, end, value, quoted: true };
}

function emptyBlockScalar(cursor: Cursor, start: number, header: Header, lines: Line[]): ScalarNode {
  // With `+` the value would be the line break after the header.
  if (header.chomp === '+') giveUp();
  // Blank lines after an empty block scalar change its range in ways not worth mirroring.
  if (lines.length > 0) giveUp();
  cursor.nextContentLine(header.body);
  return { kind: 'scalar', start, end: header.body, value: '', quoted: true };
}

/** The library's resolveBlockScalar over the scalar's lines. */
function blockValue(cursor: Cursor, header: Header, lines: Line[], first: number, trimIndent: number, endsWithBreak: boolean): string {
  const text = cursor.text;
  // The library splits the source on line breaks: a final one leaves an empty last line.
  if (endsWithBreak) lines.push({ indent: 0, from: 0, to: 0 });
  let chompStart = lines.length;
  while (chompStart > 0 && lines[chompStart - 1].from === lines[chompStart - 1].to) chompStart--;
  // Trailing blank lines indented past the content are content.
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i].indent > trimIndent) {
      chompStart = i + 1;
      break;
    }
  }
  let value = '\n'.repeat(first);
  let separator = '';
  let previousMoreIndented = false;
  for (let i = first; i < chompStart; ++i) {
    const { indent, from, to } = lines[i];
    const content = text.slice(from, to);
    const extra = indent > trimIndent ? ' '.repeat(indent - trimIndent) : '';
    if (!header.folded) {
      value += separator + extra + content;
      separator = '\n';
    } else if (indent > trimIndent) {
      if (separator === ' ') separator = '\n';
      else if (!previousMoreIndented && separator === '\n') separator = '\n\n';
      value += separator + extra + content;
      separator = '\n';
      previousMoreIndented = true;
    } else if (content === '') {
      if (separator === '\n') value += '\n';
      else separator = '\n';
    } else {
      value += separator + content;
      separator = ' ';
      previousMoreIndented = false;
    }
  }
  if (header.chomp === '+') {
    for (let i = chompStart; i < lines.length; ++i)
      value += '\n' + (lines[i].indent > trimIndent ? ' '.repeat(lines[i].indent - trimIndent) : '');
    if (!value.endsWith('\n')) value += '\n';
  } else if (header.chomp === '') {
    value += '\n';
  }
  return value;
}
