// The generated schemas as the core's schema registry reads them, from the repository's schemas/
// folder. The core does no I/O: each program hands it a reader, as the language server does with
// server/src/builtin-schemas.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltinSchemas } from '../../../server/src/core/schema/index';

export function schemaFiles(schemasDir: string): BuiltinSchemas {
  return {
    readJson(path) {
      // Paths come from the schemas' own index and references; none may leave the folder.
      if (path.includes('..')) return undefined;
      try {
        return JSON.parse(readFileSync(join(schemasDir, path), 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
  };
}
