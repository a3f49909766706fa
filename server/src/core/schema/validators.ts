// Compiles each schema with ajv once and keeps it: the first check of a kind pays for the
// compilation, every later one (every keystroke) only runs the compiled function. The shipped
// kinds' validators come compiled from the build (schemas/precompile) when the host has them:
// the code this compiler generates with these options (over the schemas without their
// descriptions, which it never reads), without the wait.
import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import type { JsonSchema, SchemaRegistry } from './schema-registry';

/** A schema that cannot be used: unreadable, or rejected by the compiler. */
export class UnusableSchemaError extends Error {}

/**
 * strict: false because Kubernetes schemas carry `format`s such as int32 that ajv does not
 * know; unicodeRegExp: false because upstream patterns are written for Go's RE2. No inlined
 * refs and no code optimisation: compiling a pod template takes a third of the time, and
 * validating stays fast (measured with npm run bench). The build compiles the shipped kinds
 * with these options too, so that both give the same errors.
 */
export const AJV_OPTIONS: Options = {
  allErrors: true,
  strict: false,
  verbose: true,
  validateFormats: false,
  unicodeRegExp: false,
  inlineRefs: false,
  code: { optimize: false },
};

/** `keepSource`: keep each function's code, for the build to write it out (schemas/precompile). */
function newAjv(keepSource: boolean): Ajv {
  return new Ajv({ ...AJV_OPTIONS, code: { ...AJV_OPTIONS.code, source: keepSource } });
}

/** Every `$ref` of a schema that points into another document, resolved against its id. */
function externalRefs(schema: unknown, base: string, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) externalRefs(item, base, found);
  } else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) {
        found.add(new URL(value, base).href.replace(/#.*$/, ''));
      } else if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples') {
        externalRefs(value, base, found);
      }
    }
  }
  return found;
}

export class Validators {
  /** Made on the first schema compiled here: with the build's validators, a session may compile none. */
  private compiler: Ajv | undefined;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly added = new Set<string>();
  private generation: number;

  constructor(
    private readonly registry: SchemaRegistry,
    private readonly options: { keepSource?: boolean } = {},
  ) {
    this.generation = registry.generation;
  }

  /** Validates a value against the schema with this id; returns ajv's errors (none when valid). */
  validate(id: string, value: unknown): ErrorObject[] {
    const validate = this.validator(id);
    validate(value);
    return validate.errors ?? [];
  }

  /** The validation function of the schema with this id: compiled by the build, or now, once. */
  validator(id: string): ValidateFunction {
    if (this.generation !== this.registry.generation) this.catchUp();
    const cached = this.compiled.get(id) ?? this.registry.precompiled(id);
    if (cached) {
      this.compiled.set(id, cached);
      return cached;
    }
    this.add(id, 0);
    try {
      const validate = this.ajv.getSchema(id);
      if (!validate) throw new UnusableSchemaError(`schema ${id} could not be compiled`);
      this.compiled.set(id, validate);
      return validate;
    } catch (error) {
      throw error instanceof UnusableSchemaError ? error : new UnusableSchemaError((error as Error).message);
    }
  }

  /** Readies a schema's validator ahead of need; a schema that cannot be used is left for a check to report. */
  prepare(id: string): void {
    try {
      this.validator(id);
    } catch (error) {
      if (!(error instanceof UnusableSchemaError)) throw error;
    }
  }

  /**
   * Compiles a definition ahead of need (`<document id>#/definitions/<name>`): every kind that
   * refers to it then compiles in a tenth of the time.
   */
  warm(ref: string): void {
    if (this.generation !== this.registry.generation) this.catchUp();
    this.add(ref.replace(/#.*$/, ''), 0);
    this.ajv.getSchema(ref);
  }

  /** Drops what changed in the registry: one file's schema, or everything after the user's CRDs changed. */
  private catchUp(): void {
    const changed = this.registry.changedSince(this.generation);
    if (changed === null) {
      this.compiler = undefined;
      this.compiled.clear();
      this.added.clear();
    } else {
      for (const id of changed) {
        if (this.added.delete(id)) this.compiler?.removeSchema(id);
        this.compiled.delete(id);
      }
    }
    this.generation = this.registry.generation;
  }

  private get ajv(): Ajv {
    this.compiler ??= newAjv(this.options.keepSource === true);
    return this.compiler;
  }

  /** Adds a schema document and, first, every document it refers to. */
  private add(id: string, depth: number): void {
    if (this.added.has(id)) return;
    if (depth > 20) throw new UnusableSchemaError(`schema references nest too deeply at ${id}`);
    const schema: JsonSchema | undefined = this.registry.document(id);
    if (!schema) throw new UnusableSchemaError(`schema ${id} was not found`);
    this.added.add(id);
    for (const ref of externalRefs(schema, id)) this.add(ref, depth + 1);
    try {
      // Users' schemas may name a newer draft (2019-09, 2020-12): checked with draft-07's rules,
      // which read their common keywords the same way, rather than refused.
      const { $schema: _draft, ...body } = schema;
      this.ajv.addSchema({ ...body, $id: id }, undefined, undefined, false);
    } catch (error) {
      throw new UnusableSchemaError((error as Error).message);
    }
  }
}
