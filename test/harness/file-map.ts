// A set of files by URI, as tests describe a workspace: what exists, the text of a file and the
// entries of a folder. Folders are those the URIs pass through; a URI ending in `/` is an empty folder.

export type FileMap = Record<string, string>;

/** The entries of the folder `uri`; undefined when no file lies under it. */
export function listFolder(files: FileMap, uri: string): { name: string; directory: boolean }[] | undefined {
  const prefix = `${uri}/`;
  const children = new Map<string, boolean>();
  for (const path of Object.keys(files)) {
    if (!path.startsWith(prefix) || path === prefix) continue;
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf('/');
    const name = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
    children.set(name, slash >= 0 || (children.get(name) ?? false));
  }
  return children.size ? [...children].map(([name, directory]) => ({ name, directory })) : undefined;
}

/** What a stat says of `uri`: a file, a folder (some file lies under it), or undefined. */
export function statOf(files: FileMap, uri: string): { directory: boolean } | undefined {
  if (uri in files) return { directory: false };
  if (`${uri}/` in files || listFolder(files, uri)) return { directory: true };
  return undefined;
}
