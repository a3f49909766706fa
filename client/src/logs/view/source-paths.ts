// Which workspace file a path in a traceback means. A container's path (`/workspace/train.py`,
// `/app/src/model/train.py`) is not the workspace's, so files are found by name and the one that
// shares the longest tail of folders with the written path wins (the shorter path on a tie). Pure:
// the caller lists the candidates (vscode.workspace.findFiles).

const segments = (path: string) => path.split(/[\\/]+/).filter((s) => s && s !== '.');

/** The file name of a written path, or undefined when it cannot name a workspace file (`<string>`, a glob character). */
export function sourceBasename(written: string): string | undefined {
  if (/[\\/]$/.test(written)) return undefined;
  const name = segments(written).pop();
  if (!name || /[*?[\]{}<>]/.test(name) || !/\.[A-Za-z0-9]+$/.test(name)) return undefined;
  return name;
}

/** The glob that finds the candidates of a written path. */
export function sourceGlob(written: string): string | undefined {
  const name = sourceBasename(written);
  return name ? `**/${name}` : undefined;
}

function sharedTail(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** The best candidate (workspace-relative or absolute paths), or undefined when none has the file's name. */
export function bestSourceMatch(written: string, candidates: readonly string[]): string | undefined {
  const want = segments(written);
  let best: { path: string; shared: number; length: number } | undefined;
  for (const path of candidates) {
    const have = segments(path);
    const shared = sharedTail(want, have);
    if (shared === 0) continue;
    if (!best || shared > best.shared || (shared === best.shared && have.length < best.length))
      best = { path, shared, length: have.length };
  }
  return best?.path;
}
