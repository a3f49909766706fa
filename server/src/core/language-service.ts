// The facade over the analysis core: one object the language server, the tests and the bench
// call. It holds no protocol types and does no I/O of its own; the host answers file questions.
import { classifyFile, type FileKind } from './file-kind';
import type { YamlFile } from './document';
import type { CoreHost } from './host';
import { parseYamlFile, type ParseOptions } from './parse/yaml-file';
import { SchemaService, type SchemaAssociation } from './schema/schema-service';
import { LineIndex } from './text-lines';
import { formatPbtxt } from './triton/pbtxt-format';
import type { CodeAction, CodeLens, Completion, Finding, FoldingRange, Hover, OutlineSymbol, Position, Range, TextEdit } from './types';
import { TritonService } from './triton/triton-service';
import { YamlService } from './yaml/yaml-service';
import { RULES } from './rules/index';
import { TRITON_CHECKS } from './triton/checks/index';
import { parseRuleLevels } from './rules/rule-settings';
import { syntaxHref } from './syntax-codes';

export interface SourceFile {
  uri: string;
  text: string;
  /** The editor's language id, when there is one; classification does not depend on it. */
  languageId?: string;
}

/** What a file is and what is wrong with it. */
export interface Validation {
  kind: FileKind;
  findings: Finding[];
}

export interface LanguageService {
  classify(file: SourceFile): FileKind;
  validate(file: SourceFile): Validation;
  complete(file: SourceFile, position: Position): Completion[];
  hover(file: SourceFile, position: Position): Hover | undefined;
  outline(file: SourceFile): OutlineSymbol[];
  /** Information shown above ranges: each workload's GPU summary. */
  codeLenses(file: SourceFile): CodeLens[];
  /** The quick fixes of the findings that overlap `range`. */
  codeActions(file: SourceFile, range: Range): CodeAction[];
  /** Foldable blocks and comment runs; undefined where the editor's own folding (YAML's, by indentation) serves better. */
  folding(file: SourceFile): FoldingRange[] | undefined;
  /** The edits that format a file, or why it cannot be formatted (a syntax error). */
  format(file: SourceFile): { edits: TextEdit[] } | { error: string };
  /** Kinds from the user's CRD files (texts read by the caller); says what it found and what it could not use. */
  setUserCrds(files: { uri: string; text: string }[]): { kinds: string[]; problems: string[] };
  /** Glob settings: files matching `glob` under `folder` are checked against the schema file `schema`. */
  setSchemaAssociations(associations: SchemaAssociation[]): void;
  /** The user's rule and Triton check severities (`mlinfra.rules`: id → off/info/warning/error); returns what it could not use. */
  setRuleLevels(value: unknown): string[];
  /** `mlinfra.yaml.libraryParser`: YAML through the `yaml` library alone (true), or the fast parser where it can (false). */
  setLibraryParser(on: boolean): void;
  /** Schema files may have changed on disk: read them again when next needed. */
  schemaFilesChanged(): void;
  /** Does ahead of need the work the first check of a manifest would otherwise wait for; says whether there was any. */
  warmUp(): boolean;
  /**
   * Readies the validators a workspace file's documents use before it is opened (the first check
   * of a kind loads the build's validator, or compiles the schema of a user's CRD, up to a few
   * hundred milliseconds), and checks the first files' documents once, results dropped, so that
   * the checking code is compiled too. `file` may be the file's head only.
   */
  prepare(file: SourceFile): void;
  /** Drops what the service keeps about a file (its last parse); call it when the file is closed. */
  forget(uri: string): void;
}

/** Whether position `a` comes strictly before `b`. */
const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Kinds of files that are YAML documents the model can hold. */
const YAML_KINDS = new Set<FileKind>(['yaml', 'helm-chart', 'helm-values']);

export function createLanguageService(host: CoreHost): LanguageService {
  const classify = (file: SourceFile): FileKind => classifyFile(file.uri, file.text, host, file.languageId);
  const schemas = new SchemaService(host.schemas, { readFile: (uri) => host.readFile?.(uri) });
  const yaml = new YamlService(schemas, host.ruleDocs, host);
  const triton = new TritonService(host);
  // The last parse of each YAML file, so that a re-check parses only the documents that changed.
  const parses = new Map<string, YamlFile>();
  let parseOptions: ParseOptions = {};

  function parse(file: SourceFile): YamlFile {
    const previous = parses.get(file.uri);
    if (previous && previous.text === file.text) return previous;
    const parsed = parseYamlFile(file.text, previous, parseOptions);
    parses.set(file.uri, parsed);
    return parsed;
  }

  /** Syntax, schema and structure findings link to their entry on the page of those codes (rules and checks link to their own). */
  const linkSyntaxPage = (findings: Finding[]): Finding[] =>
    findings.map((finding) => {
      const href = finding.href ? undefined : syntaxHref(finding.code, host.ruleDocs);
      return href ? { ...finding, href } : finding;
    });

  const service: LanguageService = {
    classify,
    validate(file) {
      const kind = classify(file);
      // Chart.yaml and values files are YAML but not manifests: syntax only (their own checks come with Helm support).
      let findings: Finding[] = [];
      if (YAML_KINDS.has(kind)) findings = yaml.findings(parse(file), file.uri, kind === 'yaml');
      else if (kind === 'triton-config') findings = triton.findings(file.text, file.uri);
      return { kind, findings: linkSyntaxPage(findings) };
    },
    complete(file, position) {
      const kind = classify(file);
      if (kind === 'triton-config') return triton.complete(file.text, position);
      return kind === 'yaml' ? yaml.complete(parse(file), file.uri, position) : [];
    },
    hover(file, position) {
      const kind = classify(file);
      if (kind === 'triton-config') return triton.hover(file.text, position);
      return kind === 'yaml' ? yaml.hover(parse(file), file.uri, position) : undefined;
    },
    outline(file) {
      const kind = classify(file);
      if (kind === 'triton-config') return triton.outline(file.text);
      return YAML_KINDS.has(kind) ? yaml.outline(parse(file)) : [];
    },
    codeLenses(file) {
      return classify(file) === 'yaml' ? yaml.codeLenses(parse(file), file.uri) : [];
    },
    codeActions(file, range) {
      const overlaps = (finding: Finding) => !before(finding.range.end, range.start) && !before(range.end, finding.range.start);
      return service
        .validate(file)
        .findings.filter(overlaps)
        .flatMap((finding) =>
          (finding.fixes ?? []).map((fix): CodeAction => ({
            title: fix.title,
            kind: 'quickfix',
            finding,
            edits: fix.edits,
            preferred: fix.preferred === true,
          })),
        );
    },
    folding(file) {
      return classify(file) === 'triton-config' ? triton.folding(file.text) : undefined;
    },
    format(file) {
      if (classify(file) !== 'triton-config') return { edits: [] };
      const result = formatPbtxt(file.text);
      if ('error' in result) return result;
      if (result.text === file.text) return { edits: [] };
      const lines = new LineIndex(file.text);
      return { edits: [{ range: lines.range(0, file.text.length), newText: result.text }] };
    },
    setUserCrds: (files) => schemas.setUserCrds(files),
    setSchemaAssociations: (associations) => schemas.setAssociations(associations),
    setRuleLevels(value) {
      // One setting for the GPU rules and the Triton checks: their ids never collide (a meta test says so).
      const { levels, problems } = parseRuleLevels(
        value,
        [...RULES, ...TRITON_CHECKS].map((rule) => rule.id),
      );
      yaml.ruleLevels = levels;
      triton.ruleLevels = levels;
      return problems;
    },
    setLibraryParser(on) {
      if (on === (parseOptions.libraryOnly === true)) return;
      parseOptions = { libraryOnly: on };
      // Every kept parse came from the other parser: the next check must parse again to compare.
      parses.clear();
    },
    schemaFilesChanged: () => schemas.filesChanged(),
    warmUp: () => schemas.warmUp(),
    prepare(file) {
      if (classify(file) === 'yaml') yaml.prepare(parseYamlFile(file.text, undefined, parseOptions), file.uri);
    },
    forget(uri) {
      parses.delete(uri);
    },
  };
  return service;
}
