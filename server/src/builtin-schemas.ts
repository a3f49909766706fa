// Reads the generated schemas shipped beside the server (schemas/ in the extension), each
// file once, on first need: most sessions touch a handful of kinds, not all fifty.
// The one synchronous read of the server, on purpose: these files are part of the installed
// extension (on the local disk beside dist/server.js, never a workspace's or the editor's),
// each is read at most once, and the schema compiler needs them in the middle of a check;
// loading them asynchronously would delay every first check of a kind for no gain. The same
// holds for the validators the build compiled from them (`validators`, dist/validators).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltinSchemas } from './core/schema/schema-registry';
import { precompiledValidators } from './precompiled-validators';

function readText(folder: string, path: string): string | undefined {
  if (path.includes('..')) return undefined;
  try {
    return readFileSync(join(folder, path), 'utf8');
  } catch {
    return undefined;
  }
}

export function builtinSchemasAt(folder: string, validators?: string): BuiltinSchemas {
  // Read now: the registry reads the index first thing, and the validators' stamp must match it.
  const index = readText(folder, 'index.json');
  const stamp = validators === undefined ? undefined : readText(validators, 'stamp.json');
  const precompiled =
    validators !== undefined && stamp !== undefined && index !== undefined ? precompiledValidators(validators, stamp, index) : undefined;
  return {
    readJson(path) {
      const text = path === 'index.json' ? index : readText(folder, path);
      try {
        return text === undefined ? undefined : (JSON.parse(text) as unknown);
      } catch {
        return undefined;
      }
    },
    ...(precompiled ? { precompiled } : {}),
  };
}
