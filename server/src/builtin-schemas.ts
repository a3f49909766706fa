// Reads the generated schemas shipped beside the server (schemas/ in the extension), each
// file once, on first need: most sessions touch a handful of kinds, not all fifty.
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
