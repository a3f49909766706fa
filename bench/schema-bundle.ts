// Turns one generated kind schema (whose $refs point into ../kubernetes/definitions.json) into a single
// self-contained schema file, so yaml-language-server validates with exactly what our server uses.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface KindEntry {
  apiVersion: string;
  kind: string;
  schema: string;
}

/** The kind file for apiVersion/kind from `<schemasDir>/index.json`; throws "run npm run schemas" when it is missing. */
export function findKindSchema(schemasDir: string, apiVersion: string, kind: string): string {
  const index = join(schemasDir, 'index.json');
  const hint = 'run `npm run schemas` first (the benchmark needs the generated schemas)';
  if (!existsSync(index)) throw new Error(`${relative(process.cwd(), index) || index} is missing: ${hint}`);
  const kinds = (JSON.parse(readFileSync(index, 'utf8')) as { kinds?: KindEntry[] }).kinds ?? [];
  const entry = kinds.find((k) => k.apiVersion === apiVersion && k.kind === kind);
  if (!entry) throw new Error(`${index} lists no schema for ${apiVersion} ${kind}: ${hint}`);
  const file = join(schemasDir, entry.schema);
  if (!existsSync(file)) throw new Error(`${file} (listed in index.json) is missing: ${hint}`);
  return file;
}

const LOCAL = '#/definitions/';

/**
 * Copies every definition the kind file needs, transitively, into its own `definitions` and rewrites
 * each $ref to the local form `#/definitions/<name>`. Definition names must be unique across files.
 */
export function bundleKindSchema(kindFile: string): JsonObject {
  const files = new Map<string, JsonObject>();
  const load = (file: string): JsonObject => {
    let json = files.get(file);
    if (!json) {
      if (!existsSync(file)) throw new Error(`schema file ${file} (referenced from ${kindFile}) is missing: run \`npm run schemas\``);
      json = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
      files.set(file, json);
    }
    return json;
  };
  const kindPath = resolve(kindFile);
  const kind = load(kindPath);
  const definitions: JsonObject = {};
  const origin = new Map<string, string>(); // definition name -> file it came from

  function need(name: string, file: string): void {
    const from = origin.get(name);
    if (from === file) return;
    if (from !== undefined) throw new Error(`definition ${name} exists in both ${from} and ${file}; cannot bundle into one file`);
    const source = (load(file).definitions as JsonObject | undefined)?.[name];
    if (source === undefined) throw new Error(`${file} has no definition ${name}`);
    origin.set(name, file);
    definitions[name] = null; // reserved before recursing, so cycles terminate
    definitions[name] = rewrite(source, file);
  }

  function rewrite(node: Json, file: string): Json {
    if (Array.isArray(node)) return node.map((item) => rewrite(item, file));
    if (node === null || typeof node !== 'object') return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$id') continue; // one document now; its own URI is the file's
      if (key === '$ref' && typeof value === 'string') out.$ref = localRef(value, file);
      else out[key] = rewrite(value, file);
    }
    return out;
  }

  function localRef(ref: string, file: string): string {
    const hash = ref.indexOf('#');
    const target = hash <= 0 ? file : resolve(dirname(file), ref.slice(0, hash));
    const pointer = hash < 0 ? '#' : ref.slice(hash);
    if (!pointer.startsWith(LOCAL) || pointer.slice(LOCAL.length).includes('/')) {
      throw new Error(`unsupported $ref ${ref} in ${file}: only "<file>#/definitions/<name>" can be bundled`);
    }
    need(decodeURIComponent(pointer.slice(LOCAL.length)), target);
    return pointer;
  }

  const { definitions: own, ...rest } = kind;
  // The kind file's own definitions (CRD-local pieces) come along whether or not they are referenced.
  for (const name of Object.keys((own as JsonObject | undefined) ?? {})) need(name, kindPath);
  const body = rewrite(rest, kindPath) as JsonObject;
  return { ...body, definitions };
}
