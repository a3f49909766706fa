// The core's host for a process on the local machine (the language server, the CLI): files
// and folders by `file:` URI through the file system. Other schemes are unknown to it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinSchemasAt } from './builtin-schemas';
import type { CoreHost } from './core/host';

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The host over the local file system, with the generated schemas found in `schemasDir`. */
export function nodeHost(schemasDir: string): CoreHost {
  return {
    fileExists(uri) {
      const path = pathOf(uri);
      return path !== undefined && existsSync(path);
    },
    readFile(uri) {
      const path = pathOf(uri);
      try {
        return path === undefined ? undefined : readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    listDirectory(uri) {
      const path = pathOf(uri);
      try {
        if (path === undefined) return undefined;
        return readdirSync(path, { withFileTypes: true }).map((entry) => ({
          name: entry.name,
          // A symbolic link counts as what it points to: model files are often links into a cache.
          directory: entry.isDirectory() || (entry.isSymbolicLink() && statSync(join(path, entry.name), { throwIfNoEntry: false })?.isDirectory() === true),
        }));
      } catch {
        return undefined;
      }
    },
    schemas: builtinSchemasAt(schemasDir),
  };
}

