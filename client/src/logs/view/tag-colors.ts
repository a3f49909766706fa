// The colour of a line's tag: one of the theme's terminal ANSI colours, so tags read well in every
// theme (light, dark, high contrast) as a terminal's output does. Stable: the same tag has the same
// colour in every view and every session. A role picks where to start in the palette and the index
// steps through it, so worker-0 … worker-9 of one job never share a colour. Red is left to failures.
// Pure.

/** The ANSI colours a tag may take, as VS Code names their theme colours (`terminal.ansiBlue`). */
export const TAG_COLORS = [
  'ansiBlue',
  'ansiGreen',
  'ansiMagenta',
  'ansiCyan',
  'ansiYellow',
  'ansiBrightBlue',
  'ansiBrightGreen',
  'ansiBrightMagenta',
  'ansiBrightCyan',
  'ansiBrightYellow',
] as const;

function hash(text: string): number {
  // FNV-1a: a few lines, stable across runs and platforms.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** `worker-3` → role `worker`, index 3; `head` → role `head`, index 0. */
export function splitTag(tag: string): { role: string; index: number } {
  const match = /^(.*\D)-(\d+)$/.exec(tag);
  return match ? { role: match[1], index: Number(match[2]) } : { role: tag, index: 0 };
}

/** The index in TAG_COLORS of a tag's colour (the webview's CSS class `tag-<index>`). */
export function tagColorIndex(tag: string): number {
  const { role, index } = splitTag(tag);
  return (hash(role) + index) % TAG_COLORS.length;
}

/** The CSS variable of a tag's colour: `--vscode-terminal-ansiCyan`. */
export function tagColor(tag: string): string {
  return `--vscode-terminal-${TAG_COLORS[tagColorIndex(tag)]}`;
}
