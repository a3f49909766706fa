// Writes each chunk of ajv's generated code as a CommonJS module: the values it defines, in the
// code ajv generated for them, preceded by the imports of what it uses from other chunks and
// followed by the exports other chunks import. A kind's module exports its validator as `validate`.
import { posix } from 'node:path';
import { functionOf, isCopied, usesOf, type Chunk, type Value } from './chunks';

/** The module beside the chunks that holds ajv's runtime helpers (string length, deep equality…). */
export const RUNTIME_MODULE = 'runtime.js';

/** How ajv's code imports a runtime helper: `require("ajv/dist/runtime/equal").default`. */
const RUNTIME_IMPORT = /^require\("ajv\/dist\/runtime\/(\w+)"\)\.default$/;

function relative(from: string, to: string): string {
  const path = posix.relative(posix.dirname(from), to);
  return path.startsWith('.') ? path : `./${path}`;
}

/** The code that defines a value in the module `file`; `helpers` collects the runtime helpers it imports. */
function definition(value: Value, file: string, helpers: Set<string>): string {
  if (value.prefix === 'validate') {
    const source = functionOf(value)?.source;
    if (!source) throw new Error(`ajv kept no code for ${value.str}`);
    return source.evaluated ? `${source.validateCode}${value.str}.evaluated = ${source.evaluated.toString()};` : source.validateCode;
  }
  if (value.prefix === 'wrapper' || value.prefix === 'root') return `const ${value.str} = {validate: ${usesOf(value)[0].str}};`;
  const code = value.value?.code?.toString();
  if (code === undefined) throw new Error(`ajv has no code for ${value.str}`);
  if (!code.includes('require(')) return `const ${value.str} = ${code};`;
  const helper = RUNTIME_IMPORT.exec(code)?.[1];
  if (!helper) throw new Error(`${value.str} imports something other than ajv's runtime: ${code}`);
  helpers.add(helper);
  return `const ${value.str} = require(${JSON.stringify(relative(file, RUNTIME_MODULE))}).${helper};`;
}

/** Each chunk's module source by its file, and the runtime helpers they import. */
export function moduleSources(chunks: Chunk[]): { sources: Map<string, string>; helpers: Set<string> } {
  const owner = new Map<Value, Chunk>();
  for (const chunk of chunks) for (const value of chunk.values) owner.set(value, chunk);
  // What each chunk uses of others, and so what each must export.
  const imports = new Map<Chunk, Map<Chunk, Set<Value>>>();
  const exported = new Map<Chunk, Set<Value>>();
  const copies = new Map<Chunk, Value[]>();
  for (const chunk of chunks) {
    const from = new Map<Chunk, Set<Value>>();
    const copied = new Set<Value>();
    const uses = [...chunk.values.flatMap(usesOf), ...(chunk.root ? [chunk.root] : [])];
    for (const used of uses) {
      if (isCopied(used)) {
        copied.add(used);
        continue;
      }
      const other = owner.get(used);
      if (!other) throw new Error(`${used.str}, used in ${chunk.file}, is in no chunk`);
      if (other === chunk) continue;
      from.set(other, (from.get(other) ?? new Set()).add(used));
      exported.set(other, (exported.get(other) ?? new Set()).add(used));
    }
    imports.set(chunk, from);
    copies.set(chunk, [...copied]);
  }
  const helpers = new Set<string>();
  const sources = new Map<string, string>();
  for (const chunk of chunks) {
    const lines = ['"use strict";'];
    for (const [other, values] of imports.get(chunk) ?? []) {
      const names = [...values].map((value) => value.str).join(', ');
      lines.push(`const {${names}} = require(${JSON.stringify(relative(chunk.file, other.file))});`);
    }
    for (const value of [...(copies.get(chunk) ?? []), ...chunk.values]) lines.push(definition(value, chunk.file, helpers));
    for (const value of exported.get(chunk) ?? []) lines.push(`exports.${value.str} = ${value.str};`);
    if (chunk.root) lines.push(`exports.validate = ${chunk.root.str};`);
    sources.set(chunk.file, `${lines.join('\n')}\n`);
  }
  return { sources, helpers };
}
