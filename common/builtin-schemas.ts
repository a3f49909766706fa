// Reads the generated schemas shipped beside the server (schemas/ in the extension), each
// file once, on first need: most sessions touch a handful of kinds, not all fifty. Shared by the
// language server and the demo cluster (cluster/), which validates what it is sent against them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The core's `BuiltinSchemas` (core/schema/schema-registry.ts), written out: common/ imports no core code. */
export interface SchemaFiles {
  readJson(path: string): unknown;
}

export function builtinSchemasAt(folder: string): SchemaFiles {
  return {
    readJson(path) {
      if (path.includes('..')) return undefined;
      try {
        return JSON.parse(readFileSync(join(folder, path), 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
  };
}
