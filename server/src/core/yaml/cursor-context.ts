// Works out where the cursor is in a YAML document from its lines and indentation alone, so
// completion works in the half-typed text that parsers reject: which mapping the cursor is
// in (its path), whether a key or a value is being typed, and which keys are already there.

export type Segment = string | number;

export interface CursorContext {
  /** Path of the mapping (or list) the cursor is in. */
  path: Segment[];
  /** What is being typed: a key of that mapping, or the value of `key`. */
  mode: 'key' | 'value';
  key?: string;
  /** The word typed so far, and the column it starts at (the range completion replaces). */
  prefix: string;
  prefixStart: number;
  /** Keys already present in the same mapping, which completion should not offer again. */
  siblings: Set<string>;
  /** The column keys of this mapping start at. */
  column: number;
  /** Whether the cursor's line starts a new list item (`- `). */
  newItem: boolean;
}

interface LineShape {
  /** Columns of each `- ` on the line, left to right. */
  dashes: number[];
  /** Column where the key (or plain content) starts. */
  column: number;
  key?: string;
}

const KEY = /^((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]][^#]*?))\s*:(?:\s|$)/;

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  return key.startsWith("'") ? key.slice(1, -1).replace(/''/g, "'") : key;
}

/** The shape of a line of block YAML; undefined for blank and comment lines. */
export function shapeOf(line: string): LineShape | undefined {
  const dashes: number[] = [];
  let column = 0;
  while (column < line.length && line[column] === ' ') column++;
  while (line[column] === '-' && (line[column + 1] === ' ' || column + 1 === line.length)) {
    dashes.push(column);
    column++;
    while (line[column] === ' ') column++;
  }
  const rest = line.slice(column);
  if (rest.startsWith('#') || (rest.trim() === '' && dashes.length === 0)) return undefined;
  const match = KEY.exec(rest);
  return { dashes, column, key: match ? unquote(match[1].trim()) : undefined };
}

/** Finds the path of the mapping whose keys start at `column`, by walking up from `line`. */
function parentPath(lines: string[], line: number, column: number, afterDash: boolean): Segment[] {
  const path: Segment[] = [];
  let target = column;
  let dashSeen = afterDash;
  for (let i = line - 1; i >= 0 && (target > 0 || dashSeen); i--) {
    const shape = shapeOf(lines[i]);
    if (!shape || /^(---|\.\.\.)(\s|$)/.test(lines[i])) {
      if (shape === undefined) continue;
      break;
    }
    if (shape.key !== undefined && (shape.column < target || (dashSeen && shape.column <= target && !shape.dashes.length))) {
      path.unshift(shape.key);
      target = shape.dashes.length ? shape.dashes[shape.dashes.length - 1] : shape.column;
      dashSeen = shape.dashes.length > 0;
      for (let d = shape.dashes.length - 1; d >= 0; d--) path.unshift(0);
      continue;
    }
    const dashes = shape.dashes.filter((d) => d < target);
    if (dashes.length) {
      for (let d = 0; d < dashes.length; d++) path.unshift(0);
      target = dashes[0];
      dashSeen = true;
    }
  }
  return path;
}

/** Keys at `column` in the same mapping as `line`: up to its parent, down to where it ends. */
function siblingKeys(lines: string[], line: number, column: number): Set<string> {
  const keys = new Set<string>();
  const scan = (from: number, step: number) => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      if (/^(---|\.\.\.)(\s|$)/.test(lines[i])) break;
      const shape = shapeOf(lines[i]);
      if (!shape) continue;
      const start = shape.dashes.length ? shape.dashes[0] : shape.column;
      if (shape.column === column && shape.key !== undefined) keys.add(shape.key);
      // A line left of the mapping, or a new list item at its column, ends it.
      if (start < column || (shape.dashes.length && shape.column === column)) break;
    }
  };
  scan(line - 1, -1);
  scan(line + 1, 1);
  return keys;
}

export function cursorContext(lines: string[], line: number, character: number): CursorContext {
  const before = lines[line].slice(0, character);
  const shape = shapeOf(before) ?? { dashes: [], column: before.length };
  const afterDash = shape.dashes.length > 0;
  const valueMatch = /^([^#]*?)\s*:\s+(\S*)$/.exec(before.slice(shape.column));
  const key = valueMatch ? unquote(valueMatch[1].trim()) : undefined;
  const path = parentPath(lines, line, afterDash ? shape.dashes[0] : shape.column, afterDash);
  for (let d = 0; d < shape.dashes.length; d++) path.push(0);
  const prefix = valueMatch ? valueMatch[2] : before.slice(shape.column);
  const siblings = afterDash ? new Set<string>() : siblingKeys(lines, line, shape.column);
  return {
    path: key !== undefined ? [...path, key] : path,
    mode: key !== undefined ? 'value' : 'key',
    key,
    prefix,
    prefixStart: character - prefix.length,
    siblings,
    column: shape.column,
    newItem: afterDash,
  };
}
