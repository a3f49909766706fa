// Hosts for tests: the repository's generated schemas, and optionally a set of files by URI.
import { join } from 'node:path';
import { builtinSchemasAt } from '../../server/src/builtin-schemas';
import type { CoreHost } from '../../server/src/core/host';

export const repositorySchemas = builtinSchemasAt(join(__dirname, '..', '..', '..', 'schemas'));

/**
 * A host with the generated schemas and the given files (URI → text); nothing else exists.
 * Folders are those the URIs pass through; a URI ending in `/` is an empty folder.
 */
export function testHost(files: Record<string, string> = {}): CoreHost {
  return {
    fileExists: (uri) => uri in files,
    readFile: (uri) => files[uri],
    listDirectory(uri) {
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
    },
    schemas: repositorySchemas,
  };
}
