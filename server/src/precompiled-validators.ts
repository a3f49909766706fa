// Loads the validators the build compiled ahead of time (dist/validators, written by
// schemas/precompile from the shipped schemas): one module per kind, which requires the shared
// modules it uses, on the first check of that kind; Node's module cache keeps each once. They
// are used only if compiled from the very schemas they stand beside: their stamp holds the hash
// of schemas/index.json, which holds the hash of every generated schema.
import type { ValidateFunction } from 'ajv';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** A kind's module exports its validator as `validate`. */
interface KindModule {
  validate?: ValidateFunction;
}

/**
 * The loader of the build's validators in `folder`, given the text of their stamp.json; undefined when
 * there are none, or none compiled from the schemas whose index.json reads `indexText`.
 */
export function precompiledValidators(
  folder: string,
  stampText: string,
  indexText: string,
): ((path: string) => ValidateFunction | undefined) | undefined {
  let stamp: { schemas?: unknown };
  try {
    stamp = JSON.parse(stampText) as { schemas?: unknown };
  } catch {
    return undefined;
  }
  if (stamp.schemas !== createHash('sha256').update(indexText).digest('hex')) return undefined;
  // A require of the folder's own modules, outside the server's bundle.
  const load = createRequire(join(folder, 'stamp.json'));
  return (path) => {
    const name = /^kinds\/([\w.-]+)\.json$/.exec(path)?.[1];
    if (!name) return undefined;
    try {
      return (load(`./kinds/${name}.js`) as KindModule).validate;
    } catch {
      // Missing or broken: the schema is compiled at run time instead.
      return undefined;
    }
  };
}
