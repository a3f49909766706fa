// Hosts for tests: the repository's generated schemas, and optionally a set of files by URI.
import { join } from 'node:path';
import { builtinSchemasAt } from '../../server/src/builtin-schemas';
import type { CoreHost } from '../../server/src/core/host';

export const repositorySchemas = builtinSchemasAt(join(__dirname, '..', '..', '..', 'schemas'));

/** A host with the generated schemas and the given files (URI → text); nothing else exists. */
export function testHost(files: Record<string, string> = {}): CoreHost {
  return {
    fileExists: (uri) => uri in files,
    readFile: (uri) => files[uri],
    schemas: repositorySchemas,
  };
}
