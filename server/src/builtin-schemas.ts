// Reads the generated schemas shipped beside the server (schemas/ in the extension), each
// file once, on first need: most sessions touch a handful of kinds, not all fifty.
// The one synchronous read of the server, on purpose: these files are part of the installed
// extension (on the local disk beside dist/server.js, never a workspace's or the editor's),
// each is read at most once, and the schema compiler needs them in the middle of a check;
// loading them asynchronously would delay every first check of a kind for no gain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltinSchemas } from './core/schema/schema-registry';

export function builtinSchemasAt(folder: string): BuiltinSchemas {
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
