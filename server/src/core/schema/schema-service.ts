// Schema validation of YAML documents: picks each document's schema (modeline, glob setting,
// apiVersion/kind), validates it with the compiled validator and turns errors into findings.
// The one entry point the language service calls for schema checks.
import type { YamlDocument } from '../document';
import { toValue } from '../document';
import { matchesGlob } from '../glob';
import type { Finding } from '../types';
import { ExternalSchemas, resolveSchemaTarget, type FileReader, type Loaded } from './external-schemas';
import { SchemaNavigator } from './navigate';
import { findModeline, matchManifest, type Match } from './match-document';
import { BUILTIN_BASE, SchemaRegistry, type BuiltinSchemas, type JsonSchema } from './schema-registry';
import { schemasFromCrds } from './user-crds';
import { schemaFindings } from './schema-findings';
import { UnusableSchemaError, Validators } from './validators';

/** A glob setting: files under `folder` whose relative path matches `glob` use `schema`. */
export interface SchemaAssociation {
  folder: string;
  glob: string;
  schema: string;
}

export class SchemaService {
  readonly registry: SchemaRegistry;
  private readonly validators: Validators;
  private readonly navigator: SchemaNavigator;
  readonly external: ExternalSchemas;
  private associations: SchemaAssociation[] = [];

  constructor(builtin: BuiltinSchemas | undefined, reader: FileReader) {
    this.registry = new SchemaRegistry(builtin);
    this.validators = new Validators(this.registry);
    this.navigator = new SchemaNavigator(this.registry);
    this.external = new ExternalSchemas(reader, this.registry);
  }

  /** Replaces the kinds built from the user's CRD files; says which kinds were found and what failed. */
  setUserCrds(files: { uri: string; text: string }[]): { kinds: string[]; problems: string[] } {
    // Read only for CRDs to convert: a megabyte of JSON, which the shipped kinds' compiled validators do not need.
    const definitions = files.length
      ? (this.registry.document(`${BUILTIN_BASE}kubernetes/definitions.json`)?.definitions as Record<string, JsonSchema> | undefined)
      : undefined;
    const result = schemasFromCrds(files, definitions ?? {});
    this.registry.setUserKinds(result.kinds);
    return { kinds: result.kinds.map(({ entry }) => `${entry.kind} (${entry.apiVersion})`), problems: result.problems };
  }

  /**
   * Compiles the pod template, which nearly every workload kind embeds, before a file needs it;
   * says whether it did. Only for kinds compiled at run time: the user's CRDs, or every kind when
   * the build compiled none (the compiled ones wait for nothing, and the file opened first should
   * not wait for this).
   */
  warmUp(): boolean {
    if (this.registry.allCompiledAhead() || !this.registry.document(`${BUILTIN_BASE}kubernetes/definitions.json`)) return false;
    this.validators.warm(`${BUILTIN_BASE}kubernetes/definitions.json#/definitions/io.k8s.api.core.v1.PodTemplateSpec`);
    return true;
  }

  /** Readies the validator of each document's schema (loaded from the build, or compiled), before the document is opened. */
  prepare(documents: readonly YamlDocument[], fileUri: string): void {
    for (const document of documents) {
      if (document.root?.kind !== 'map') continue;
      const match = this.match(document, fileUri);
      if (match && 'schema' in match) this.validators.prepare(match.schema);
    }
  }

  /** Schema files may have changed on disk: read each again on next use. */
  filesChanged(): void {
    this.external.clear();
  }

  setAssociations(associations: SchemaAssociation[]): void {
    this.associations = associations;
    this.registry.touch();
  }

  /** The schema a document is checked against, or a finding that says why there is none. */
  match(document: YamlDocument, fileUri: string): Match {
    const modeline = findModeline(document.text);
    if (modeline) {
      const target = resolveSchemaTarget(modeline.target, fileUri);
      const loaded: Loaded = typeof target === 'string' ? this.external.load(target) : target;
      return this.fromLoaded(loaded, document, [modeline.start, modeline.end]);
    }
    const association = this.associations.find(
      (a) => fileUri.startsWith(`${a.folder}/`) && matchesGlob(decodeURIComponent(fileUri.slice(a.folder.length + 1)), a.glob),
    );
    if (association) return this.fromLoaded(this.external.load(association.schema), document, [0, 0]);
    return matchManifest(document, this.registry);
  }

  private fromLoaded(loaded: Loaded, document: YamlDocument, span: [number, number]): Match {
    if ('id' in loaded) return { schema: loaded.id, label: loaded.label };
    const severity = loaded.error.startsWith('mlinfra never downloads') ? 'info' : 'warning';
    return { finding: { range: document.lines.range(span[0], span[1]), severity, code: 'schema/unusable-schema', message: loaded.error } };
  }

  /** Whether the field at a path is required by the mapping that holds it. */
  private isRequired(schemaId: string, path: string[]): boolean {
    const parent = this.navigator.at(schemaId, path.slice(0, -1));
    const name = path[path.length - 1];
    return parent !== undefined && this.navigator.fields(parent).some((field) => field.name === name && field.required);
  }

  /** Schema findings for one document, with ranges local to it. */
  validate(document: YamlDocument, fileUri: string): Finding[] {
    if (document.root?.kind !== 'map') return [];
    const match = this.match(document, fileUri);
    if (!match) return [];
    if ('finding' in match) return [match.finding];
    try {
      const errors = this.validators.validate(match.schema, toValue(document.root));
      return schemaFindings(errors, document, match.label, (path) => this.isRequired(match.schema, path));
    } catch (error) {
      if (!(error instanceof UnusableSchemaError)) throw error;
      const message = `The schema for this document cannot be used: ${error.message}`;
      return [{ range: document.lines.range(0, 0), severity: 'warning', code: 'schema/unusable-schema', message }];
    }
  }
}
