// The places a line points at in source files: Python's traceback frames, `File "train.py", line
// 42, in main`. The view resolves the path in the workspace (an absolute container path such as
// /workspace/train.py by its trailing parts) and leaves unknown files as plain text.
import type { SourceLink } from './log-entry';

const FRAME = /File "([^"<>]+\.py)", line (\d+)/g;

export function sourceLinks(text: string): SourceLink[] | undefined {
  if (!text.includes('File "')) return undefined;
  let links: SourceLink[] | undefined;
  for (const match of text.matchAll(FRAME)) {
    const start = match.index;
    (links ??= []).push({ start, end: start + match[0].length, path: match[1], line: Number(match[2]) });
  }
  return links;
}
