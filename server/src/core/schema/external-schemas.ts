// JSON schema files named by a modeline or a glob setting: read through the host (never
// fetched from the network), parsed once, and registered under their file URI.
import { parse as parseYaml } from 'yaml';
import type { JsonSchema, SchemaRegistry } from './schema-registry';

export type Loaded = { id: string; label: string } | { error: string };

export interface FileReader {
  readFile(uri: string): string | undefined;
}

/** Resolves a modeline target written in a file: a relative or absolute path, or a file URI. */
export function resolveSchemaTarget(target: string, fileUri: string): string | { error: string } {
  if (/^https?:/i.test(target)) {
    return {
      error: `mlinfra never downloads schemas, so ${target} is not used. Save the schema in the workspace and point $schema at the file.`,
    };
  }
  try {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) return new URL(target).href;
    if (target.startsWith('/')) return new URL(`file://${encodeURI(target)}`).href;
    return new URL(encodeURI(target), fileUri).href;
  } catch {
    return { error: `"${target}" is not a path or URI mlinfra can read.` };
  }
}

export class ExternalSchemas {
  private readonly cache = new Map<string, Loaded>();
  /** The text each schema was last registered from: an unchanged file changes nothing. */
  private readonly texts = new Map<string, string>();
  /** Counts the files not found: a result that depended on one must not be kept, as the file may be loaded next. */
  notFound = 0;

  constructor(
    private readonly reader: FileReader,
    private readonly registry: SchemaRegistry,
  ) {}

  /** Forgets what was read, after files changed on disk. */
  clear(): void {
    this.cache.clear();
  }

  load(uri: string): Loaded {
    const cached = this.cache.get(uri);
    if (cached) return cached;
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    const text = this.reader.readFile(uri);
    // Not remembered: the reader answers from what the server has loaded, and it may load the file next.
    if (text === undefined) {
      this.notFound++;
      return { error: `Schema file not found: ${name} (${uri}).` };
    }
    const loaded = this.read(uri, name, text);
    this.cache.set(uri, loaded);
    return loaded;
  }

  private read(uri: string, name: string, text: string): Loaded {
    const previous = this.texts.get(uri);
    let schema: JsonSchema;
    try {
      schema = (/\.ya?ml$/i.test(uri) ? parseYaml(text) : JSON.parse(text)) as JsonSchema;
    } catch (error) {
      return { error: `Schema file ${name} is not valid ${/\.ya?ml$/i.test(uri) ? 'YAML' : 'JSON'}: ${(error as Error).message}` };
    }
    if (!schema || typeof schema !== 'object' || Array.isArray(schema))
      return { error: `Schema file ${name} does not hold a JSON schema object.` };
    if (previous !== text) this.registry.setFileSchema(uri, schema);
    this.texts.set(uri, text);
    return { id: uri, label: typeof schema.title === 'string' && schema.title ? schema.title : name };
  }
}
