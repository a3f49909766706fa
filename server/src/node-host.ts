// The file system of a process on the local machine (the language server, tests): files and
// folders by `file:` URI, read asynchronously so that the server's thread never blocks on the
// disk. Other schemes are unknown to it: the editor answers for those.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileSystem } from './core/host';

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function nodeFileSystem(): FileSystem {
  return {
    async readFile(uri) {
      const path = pathOf(uri);
      return path === undefined ? undefined : readFile(path, 'utf8').catch(() => undefined);
    },
    async readDirectory(uri) {
      const path = pathOf(uri);
      if (path === undefined) return undefined;
      const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined);
      if (!entries) return undefined;
      // A symbolic link counts as what it points to: model files are often links into a cache.
      const linksTo = async (name: string) => (await stat(join(path, name)).catch(() => undefined))?.isDirectory() === true;
      return Promise.all(
        entries.map(async (entry) => ({
          name: entry.name,
          directory: entry.isDirectory() || (entry.isSymbolicLink() && (await linksTo(entry.name))),
        })),
      );
    },
    async stat(uri) {
      const path = pathOf(uri);
      const found = path === undefined ? undefined : await stat(path).catch(() => undefined);
      return found && { directory: found.isDirectory() };
    },
  };
}
