// Knows every schema the server can validate against: the generated ones shipped in
// schemas/ (found by apiVersion and kind through the index), schemas built from the user's
// CRDs, and JSON schema files named by settings or modelines. Loads each file on first need.
import type { ValidateFunction } from 'ajv';
import type { SchemaIndex } from './schema-index';

/** One line of schemas/index.json, or a kind from a user's CRD. */
export interface KindEntry {
  apiVersion: string;
  kind: string;
  /** The `$id` of its schema. */
  id: string;
  group: string;
  version: string;
  plural?: string;
  namespaced?: boolean;
  /** Where it came from: an upstream file, or the URI of the user's CRD. */
  source: string;
}

/** Reads the generated schemas: the index and the JSON files it names, by path under schemas/. */
export interface BuiltinSchemas {
  readJson(path: string): unknown;
  /**
   * The validator the build compiled for a generated schema (`kinds/<name>.json`), if there is one
   * and it was compiled from these very schemas; otherwise the schema is compiled when first needed.
   */
  precompiled?: (path: string) => ValidateFunction | undefined;
}

export type JsonSchema = Record<string, unknown>;

export const BUILTIN_BASE = 'https://schemas.mlinfra.dev/';

export class SchemaRegistry {
  private readonly builtinKinds: KindEntry[];
  private userKinds: KindEntry[] = [];
  /** Every kind, each by apiVersion and kind, and the groups naming each kind: built on first need, again after the user's CRDs change. */
  private lookup: { all: KindEntry[]; byName: Map<string, KindEntry>; groups: Map<string, Set<string>> } | undefined;
  private readonly loaded = new Map<string, JsonSchema>();
  private readonly userSchemas = new Map<string, JsonSchema>();
  /** Bumped whenever the set of schemas changes, so cached validations know they are stale. */
  generation = 0;
  /** What each generation changed: some schema ids, or everything (null). */
  private readonly changes: { generation: number; ids: string[] | null }[] = [];

  constructor(private readonly builtin: BuiltinSchemas | undefined) {
    const index = builtin ? (builtin.readJson('index.json') as SchemaIndex | undefined) : undefined;
    this.builtinKinds = (index?.kinds ?? []).map((entry) => ({ ...entry, id: BUILTIN_BASE + entry.schema }));
  }

  /** Every kind, the user's CRDs first so that they can override a built-in one. */
  kinds(): readonly KindEntry[] {
    return this.index().all;
  }

  find(apiVersion: string, kind: string): KindEntry | undefined {
    return this.index().byName.get(`${apiVersion} ${kind}`);
  }

  /** Whether kinds of this name come from more than one group (Volcano's Job and Kubernetes' Job). */
  nameShared(kind: string): boolean {
    return (this.index().groups.get(kind)?.size ?? 0) > 1;
  }

  /** Every document asks for its kind: a lookup, not a scan of every kind. */
  private index(): NonNullable<SchemaRegistry['lookup']> {
    if (this.lookup) return this.lookup;
    const all = [...this.userKinds, ...this.builtinKinds];
    const byName = new Map<string, KindEntry>();
    const groups = new Map<string, Set<string>>();
    for (const entry of all) {
      // The first wins: a user's CRD over a built-in kind.
      const name = `${entry.apiVersion} ${entry.kind}`;
      if (!byName.has(name)) byName.set(name, entry);
      groups.set(entry.kind, (groups.get(entry.kind) ?? new Set()).add(entry.group));
    }
    this.lookup = { all, byName, groups };
    return this.lookup;
  }

  /** Replaces the kinds built from the user's CRDs. */
  setUserKinds(kinds: { entry: KindEntry; schema: JsonSchema }[]): void {
    const changed = this.userKinds.map((entry) => entry.id);
    for (const id of changed) {
      this.loaded.delete(id);
      this.userSchemas.delete(id);
    }
    this.userKinds = kinds.map(({ entry }) => entry);
    this.lookup = undefined;
    for (const { entry, schema } of kinds) this.userSchemas.set(entry.id, schema);
    // Built-in schemas never refer to the user's, so only these need compiling again.
    this.changed([...changed, ...this.userKinds.map((entry) => entry.id)]);
  }

  /** Adds (or replaces) a schema read from a file, by its URI. */
  setFileSchema(id: string, schema: JsonSchema): void {
    this.userSchemas.set(id, schema);
    this.loaded.delete(id);
    this.changed([id]);
  }

  /** Records that how documents find schemas changed (settings), though no schema did. */
  touch(): void {
    this.changed([]);
  }

  /** The ids changed after a generation, or null when everything may have. */
  changedSince(generation: number): string[] | null {
    const ids: string[] = [];
    // Changes older than those kept are unknown: everything may have changed.
    if (this.changes.length && this.changes[0].generation > generation + 1) return null;
    for (const change of this.changes) {
      if (change.generation <= generation) continue;
      if (change.ids === null) return null;
      ids.push(...change.ids);
    }
    return ids;
  }

  private changed(ids: string[] | null): void {
    this.generation++;
    this.changes.push({ generation: this.generation, ids });
    if (this.changes.length > 100) this.changes.splice(0, this.changes.length - 100);
  }

  /** Whether the shipped kinds come compiled from the build, and no kind of the user's needs compiling. */
  allCompiledAhead(): boolean {
    return this.builtin?.precompiled !== undefined && this.userKinds.length === 0;
  }

  /** The build's validator for a generated schema; never for the user's, whose ids lie elsewhere. */
  precompiled(id: string): ValidateFunction | undefined {
    if (!this.builtin?.precompiled || !id.startsWith(BUILTIN_BASE) || this.userSchemas.has(id)) return undefined;
    return this.builtin.precompiled(id.slice(BUILTIN_BASE.length));
  }

  /** The schema document with this `$id` (no fragment), loading a generated file on first use. */
  document(id: string): JsonSchema | undefined {
    const cached = this.loaded.get(id) ?? this.userSchemas.get(id);
    if (cached) return cached;
    if (!this.builtin || !id.startsWith(BUILTIN_BASE)) return undefined;
    const schema = this.builtin.readJson(id.slice(BUILTIN_BASE.length)) as JsonSchema | undefined;
    if (schema) this.loaded.set(id, schema);
    return schema;
  }
}
