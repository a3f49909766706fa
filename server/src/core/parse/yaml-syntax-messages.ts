// Turns the `yaml` library's parse errors into messages a person understands, placed on the
// range that shows the cause (the opening quote of an unterminated string, the unclosed
// bracket, the over-indented key) rather than where the parser gave up.
import { visit, isCollection, isScalar, type Document, type YAMLError } from 'yaml';
import type { LineIndex } from '../text-lines';
import { libraryMessage } from './yaml-library-messages';
import type { Finding } from '../types';

/** A finding made from a library error, with the error's offsets to group its cascade. */
export interface SyntaxFinding extends Finding {
  span: [number, number];
  /** True when the cause was recognised; generic findings from the same origin are dropped. */
  specific: boolean;
}

interface Context {
  lines: LineIndex;
  document: Document.Parsed;
  severity: Finding['severity'];
  text(start: number, end: number): string;
}

const KEY_AT_LINE_START = /^(\s*(?:-\s+)*)([^\s#:'"][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s|$)/;
const LINE_START = /^(\s*(?:-\s+)*)(\S.*?)\s*(?:#.*)?$/;

function codeId(code: string): string {
  return `yaml/${code.toLowerCase().replace(/_/g, '-')}`;
}

function finding(
  ctx: Context,
  error: YAMLError,
  start: number,
  end: number,
  code: string,
  message: string,
  specific = true,
): SyntaxFinding {
  return { range: ctx.lines.range(start, Math.max(start, end)), severity: ctx.severity, code, message, span: error.pos, specific };
}

/** The column where a line's content starts, after indentation and sequence dashes. */
function contentColumn(text: string): number {
  return (LINE_START.exec(text)?.[1] ?? '').length;
}

/**
 * One line read as the continuation of another: either a key indented deeper than the
 * key above (whose value is already given), or a bare word above it that lacks its colon.
 */
function implicitKeyAcrossLines(error: YAMLError, ctx: Context): SyntaxFinding | undefined {
  const { lines } = ctx;
  const first = lines.positionAt(error.pos[0]).line;
  const last = lines.positionAt(error.pos[1]).line;
  if (last <= first) return undefined;
  const firstText = lines.lineText(first);
  const above = KEY_AT_LINE_START.exec(firstText);
  const offending = KEY_AT_LINE_START.exec(lines.lineText(last));
  if (offending && offending[1].length > (above ? above[1].length : contentColumn(firstText))) {
    const start = lines.lineStart(last) + offending[1].length;
    const what = above ? `"${above[2]}" above it, which already has a value` : 'the line above it';
    const message =
      `Bad indentation: "${offending[2]}" is indented more than ${what}. Align the keys, or nest "${offending[2]}" ` +
      `under a key that has no value.`;
    return finding(ctx, error, start, start + offending[2].length, 'yaml/bad-indentation', message);
  }
  if (!above) return missingColon(error, ctx, first);
  return undefined;
}

/** A line holding a bare word where a `key: value` entry belongs. */
function missingColon(error: YAMLError, ctx: Context, line: number): SyntaxFinding | undefined {
  const content = LINE_START.exec(ctx.lines.lineText(line));
  if (!content || content[2].includes(': ')) return undefined;
  const start = ctx.lines.lineStart(line) + content[1].length;
  const message = `Expected ":" after "${content[2]}": an entry of a mapping is written "key: value". Add the colon, or remove the line.`;
  return finding(ctx, error, start, start + content[2].length, 'yaml/missing-colon', message);
}

/** `key: a: b` — an unquoted value that contains ": ". */
function colonInValue(error: YAMLError, ctx: Context): SyntaxFinding | undefined {
  const { line } = ctx.lines.positionAt(error.pos[0]);
  const lineEnd = ctx.lines.lineEnd(line);
  const rest = ctx
    .text(error.pos[0], lineEnd)
    .replace(/\s+#.*$/, '')
    .trimEnd();
  if (!rest.includes(': ')) return undefined;
  const message =
    `This value contains ": ", which YAML reads as the start of another key. Put the value in quotes: ` + `"${rest.replace(/"/g, '\\"')}".`;
  return finding(ctx, error, error.pos[0], error.pos[0] + rest.length, 'yaml/colon-in-value', message);
}

/** A key that starts at a column where no mapping of the document has its keys. */
function misalignedKey(error: YAMLError, ctx: Context): SyntaxFinding {
  const { line } = ctx.lines.positionAt(error.pos[0]);
  const lineText = ctx.lines.lineText(line);
  const key = KEY_AT_LINE_START.exec(lineText);
  const column = key ? key[1].length : contentColumn(lineText);
  const start = ctx.lines.lineStart(line) + column;
  const name = key ? `"${key[2]}"` : 'This line';
  const length = key ? key[2].length : lineText.trimEnd().length - column;
  const message = `Bad indentation: ${name} does not line up with the keys of any mapping above it. Indent it like its siblings.`;
  return finding(ctx, error, start, start + Math.max(1, length), 'yaml/bad-indentation', message);
}

/** The value written in quotes YAML keeps as it is: single quotes, unless the text holds one (then double, escaped). */
function quoted(value: string): string {
  return value.includes("'") ? `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `'${value}'`;
}

/**
 * `image: {user}/app`, `args: [a]/b`, `x: "quoted" trailing`: a value that starts as a flow
 * collection or a quoted string and goes on after it ends. YAML reads the first part as the
 * whole node; what follows cannot belong to it. The fix is to quote the whole value.
 */
function textAfterValue(error: YAMLError, ctx: Context): SyntaxFinding | undefined {
  let node: { start: number; end: number; what: string } | undefined;
  visit(ctx.document, (_key, item) => {
    const range = (isScalar(item) || isCollection(item)) && item.range;
    if (!range || range[1] > error.pos[0] || range[1] <= (node?.end ?? -1)) return;
    if (isCollection(item) && item.flow) {
      const open = ctx.lines.text[range[0]];
      if (open === '{' || open === '[') node = { start: range[0], end: range[1], what: open === '{' ? 'a mapping' : 'a list' };
    } else if (isScalar(item) && (item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE')) {
      node = { start: range[0], end: range[1], what: 'a quoted string' };
    }
  });
  const { line } = ctx.lines.positionAt(error.pos[0]);
  if (!node || ctx.lines.positionAt(node.start).line !== line) return undefined;
  const lineEnd = ctx.lines.lineEnd(line);
  const value = ctx
    .text(node.start, lineEnd)
    .replace(/\s+#.*$/, '')
    .trimEnd();
  const first = ctx.text(node.start, node.end).trimEnd();
  const rest = ctx.text(node.end, node.start + value.length).trim();
  if (!rest) return undefined;
  const starts = node.what === 'a quoted string' ? `starts with a quote` : `starts with "${value[0]}"`;
  const message =
    `This value ${starts}, so YAML reads ${first} as ${node.what} and cannot go on with "${rest}" after it. ` +
    `Quote the whole value: ${quoted(value)}.`;
  const result = finding(ctx, error, node.start, node.start + value.length, 'yaml/text-after-value', message);
  result.fixes = [
    { title: `Quote the value: ${quoted(value)}`, edits: [{ range: result.range, newText: quoted(value) }], preferred: true },
  ];
  return result;
}

/** The unmatched `[` or `{` before an offset, found by scanning back over balanced pairs. */
function unclosedBracket(error: YAMLError, ctx: Context, open: '[' | '{'): SyntaxFinding | undefined {
  const close = open === '[' ? ']' : '}';
  let depth = 0;
  for (let i = error.pos[0] - 1; i >= 0; i--) {
    const ch = ctx.lines.text[i];
    if (ch === close) depth++;
    else if (ch === open && depth-- === 0) {
      const what = open === '[' ? 'list' : 'mapping';
      const message = `Unclosed "${open}": this ${what} is never closed with "${close}".`;
      return finding(ctx, error, i, i + 1, 'yaml/unclosed-bracket', message);
    }
  }
  return undefined;
}

/** The quoted scalar that runs to where the parser gave up: its opening quote is the cause. */
function unterminatedString(error: YAMLError, ctx: Context, quote: string): SyntaxFinding | undefined {
  let opening: number | undefined;
  visit(ctx.document, {
    Scalar(_key, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (isScalar(node) && quoted && node.range && node.range[0] <= error.pos[0]) opening = node.range[0];
    },
  });
  if (opening === undefined || ctx.lines.text[opening] !== quote) return undefined;
  const end = ctx.lines.lineEnd(ctx.lines.positionAt(opening).line);
  const message = `Unterminated string: the closing ${quote} is missing, so everything after it is read as part of this string.`;
  return finding(ctx, error, opening, end, 'yaml/unterminated-string', message);
}

function placed(error: YAMLError, ctx: Context): SyntaxFinding | undefined {
  switch (error.code) {
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return implicitKeyAcrossLines(error, ctx) ?? colonInValue(error, ctx);
    case 'MISSING_CHAR': {
      const quote = /Missing closing (["'])quote/.exec(error.message);
      if (quote) return unterminatedString(error, ctx, quote[1]);
      if (/followed by map values/.test(error.message)) {
        return implicitKeyAcrossLines(error, ctx) ?? missingColon(error, ctx, ctx.lines.positionAt(error.pos[0]).line);
      }
      return undefined;
    }
    case 'BAD_INDENT': {
      if (/same column/.test(error.message)) return misalignedKey(error, ctx);
      const bracket = /end with an? ([\]}])/.exec(error.message);
      return bracket ? unclosedBracket(error, ctx, bracket[1] === ']' ? '[' : '{') : undefined;
    }
    case 'UNEXPECTED_TOKEN':
      return /at node end/.test(error.message) ? textAfterValue(error, ctx) : undefined;
    default:
      return undefined;
  }
}

/** The finding for one library error. */
export function describeYamlError(
  error: YAMLError,
  lines: LineIndex,
  document: Document.Parsed,
  severity: Finding['severity'],
): SyntaxFinding {
  const ctx: Context = { lines, document, severity, text: (start, end) => lines.text.slice(start, end) };
  const specific = placed(error, ctx);
  if (specific) return specific;
  // Only these two are known to be the cause of whatever else the parser reports from the same place.
  const recognised = error.code === 'TAB_AS_INDENT' || error.code === 'BAD_DQ_ESCAPE';
  return finding(ctx, error, error.pos[0], error.pos[1], codeId(error.code), libraryMessage(error), recognised);
}
