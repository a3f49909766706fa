// The YAML side of the language service: syntax and schema findings per document (cached on
// each document's content, so an edit re-checks only the document it touched), and completion,
// hover and outline at a position.
import type { DocumentContent, YamlDocument, YamlFile } from '../document';
import { emptyDocument, fileFinding, fileRange } from '../parse/yaml-file';
import { SchemaNavigator } from '../schema/navigate';
import type { SchemaService } from '../schema/schema-service';
import type { CodeLens, Completion, Finding, Hover, OutlineSymbol, Position, Range } from '../types';
import { claimsDevices, gpuSummary, summaryLine, type ClaimIndex } from '../workloads';
import { workloadOf } from '../workloads';
import { claimIndex } from '../workloads/claim-index';
import { ruleView } from '../workloads/manifest-view';
import { completeYaml } from './completion';
import { hoverYaml } from './hover';
import { outlineDocument } from './outline';
import { RULES } from '../rules/index';
import { applyRuleSettings, type RuleLevel } from '../rules/rule-settings';
import { failureLog } from '../rules/failure';
import { runRules } from '../rules/run-rules';
import type { RuleWorkspace } from '../rules/rule';
import type { CoreHost } from '../host';

const DOCUMENT_RULES = RULES.filter((rule) => rule.scope !== 'workspace');
const WORKSPACE_RULES = RULES.filter((rule) => rule.scope === 'workspace');

/** How much of the workspace's files `prepare` checks, at most (a bit more: whole files). */
const PREPARE_CHECK_BYTES = 64 * 1024;

interface CachedCheck {
  uri: string;
  generation: number;
  findings: Finding[];
}

/** The document a line belongs to (documents start at line starts and are in order). */
export function documentAtLine(file: YamlFile, line: number): YamlDocument | undefined {
  let low = 0;
  let high = file.documents.length - 1;
  let found: YamlDocument | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (file.documents[mid].startLine <= line) {
      found = file.documents[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * Whether a document's structure can be trusted for schema checks: no syntax errors, or only
 * duplicate keys (the last value counts, as it does for the API server).
 */
function soundEnough(document: YamlDocument): boolean {
  return document.findings.every((f) => f.severity !== 'error' || f.code === 'yaml/duplicate-key');
}

export class YamlService {
  private readonly checks = new WeakMap<DocumentContent, CachedCheck>();
  private readonly ruleChecks = new WeakMap<DocumentContent, Finding[]>();
  private readonly navigator: SchemaNavigator;
  /** Bytes of workspace files checked ahead of need so far (see prepare). */
  private preparedBytes = 0;
  /** Severities the user set per rule (`mlinfra.rules`). */
  ruleLevels: ReadonlyMap<string, RuleLevel> = new Map();

  constructor(
    private readonly schemas: SchemaService,
    private readonly ruleDocs?: string,
    private readonly host?: CoreHost,
  ) {
    this.navigator = new SchemaNavigator(schemas.registry);
  }

  /** Syntax findings of every document, schema findings where the syntax is sound, and the rules' findings of workloads. */
  findings(file: YamlFile, uri: string, withSchemas: boolean): Finding[] {
    const findings: Finding[] = [];
    const ruleFindings: Finding[] = [];
    // What workspace-scoped rules read: the file's documents, once for the whole file.
    const workspace: RuleWorkspace | undefined = this.host && {
      uri,
      documents: file.documents.map((document) => document.root),
      host: this.host,
    };
    const claims = this.claimsOf(file, uri);
    for (const document of file.documents) {
      for (const finding of document.findings) findings.push(fileFinding(document, finding));
      if (!withSchemas || !soundEnough(document)) continue;
      for (const finding of this.schemaFindings(document, uri)) findings.push(fileFinding(document, finding));
      for (const finding of this.rulesOf(document, uri, workspace, claims)) ruleFindings.push(fileFinding(document, finding));
    }
    if (ruleFindings.length) findings.push(...applyRuleSettings(ruleFindings, file.text, this.ruleLevels, this.ruleDocs));
    return findings;
  }

  /**
   * Runs the checks of a workspace file's head before the user opens a file, results dropped:
   * readies the validators of its kinds, and gets the checking code itself compiled by V8's JIT,
   * which interprets it at first (a first check of a large file is then about a tenth faster).
   * Workspace-scoped rules are left out: they read other files. Only the first 64 KB of
   * documents are checked: the code is compiled by then, and a large workspace costs no more.
   */
  prepare(file: YamlFile, uri: string): void {
    this.schemas.prepare(file.documents, uri);
    if (this.preparedBytes >= PREPARE_CHECK_BYTES) return;
    this.preparedBytes += file.text.length;
    for (const document of file.documents) {
      if (!soundEnough(document)) continue;
      this.schemaFindings(document, uri);
      this.rulesOf(document, uri, undefined);
    }
  }

  /** The DRA objects of the file and its folder, which the GPUs of pods that claim devices depend on. */
  private claimsOf(file: YamlFile, uri: string): ClaimIndex | undefined {
    const roots = file.documents.map((document) => document.root);
    return this.host && claimIndex(roots, uri, this.host);
  }

  /**
   * The rules' findings of one document: those of document-scoped rules cached on its content
   * (they read nothing else), then those of workspace-scoped rules, which run every time. A
   * workload whose pods claim devices reads its claims' templates from other documents: none of
   * its findings are cached.
   */
  private rulesOf(document: YamlDocument, uri: string, workspace: RuleWorkspace | undefined, claims?: ClaimIndex): Finding[] {
    // A rule that throws is logged each time it runs: once per content for document rules, whose findings are cached.
    const log = (ruleId: string, error: unknown) => this.host?.log?.(failureLog('rule', ruleId, uri, error));
    const claiming = claims && workloadOf(document.root)?.pods.some(claimsDevices);
    let findings = claiming ? runRules(document.content, DOCUMENT_RULES, undefined, log, claims) : this.ruleChecks.get(document.content);
    if (!findings) {
      findings = runRules(document.content, DOCUMENT_RULES, undefined, log);
      this.ruleChecks.set(document.content, findings);
    }
    if (!WORKSPACE_RULES.length || !workspace || !ruleView(document.root)) return findings;
    return [...findings, ...runRules(document.content, WORKSPACE_RULES, workspace, log, claims)];
  }

  private schemaFindings(document: YamlDocument, uri: string): Finding[] {
    const generation = this.schemas.registry.generation;
    const cached = this.checks.get(document.content);
    if (cached && cached.uri === uri && cached.generation === generation) return cached.findings;
    const notFound = this.schemas.external.notFound;
    const findings = this.schemas
      .validate(document, uri)
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    // A schema file not found yet may be loaded before the next check: keep no findings that relied on its absence.
    if (this.schemas.external.notFound === notFound) this.checks.set(document.content, { uri, generation, findings });
    return findings;
  }

  private schemaOf(document: YamlDocument, uri: string): { schema: string; label: string } | undefined {
    const match = this.schemas.match(document, uri);
    return match && 'schema' in match ? match : undefined;
  }

  complete(file: YamlFile, uri: string, position: Position): Completion[] {
    const document = documentAtLine(file, position.line) ?? emptyDocument();
    const line = position.line - document.startLine;
    const items = completeYaml({
      document,
      line,
      character: position.character,
      schemaId: this.schemaOf(document, uri)?.schema,
      navigator: this.navigator,
      registry: this.schemas.registry,
    });
    return items.map((item) => ({
      ...item,
      range: { start: { line: position.line, character: item.range.start.character }, end: position },
    }));
  }

  hover(file: YamlFile, uri: string, position: Position): Hover | undefined {
    const document = documentAtLine(file, position.line);
    if (!document) return undefined;
    const offset = document.lines.offsetAt({ line: position.line - document.startLine, character: position.character });
    const schema = this.schemaOf(document, uri);
    const hover = schema && hoverYaml(document, offset, schema.schema, schema.label, this.navigator);
    const gpus = this.gpuLineAtKind(document, offset, this.claimsOf(file, uri));
    if (!gpus) return hover && { markdown: hover.markdown, range: fileRange(document, hover.range) };
    const markdown = [hover?.markdown, `**GPUs:** ${gpus.line}`].filter(Boolean).join('\n\n---\n\n');
    return { markdown, range: fileRange(document, hover?.range ?? gpus.range) };
  }

  /** The GPU summary of the workload when `offset` is on its `kind` line. */
  private gpuLineAtKind(document: YamlDocument, offset: number, claims?: ClaimIndex): { line: string; range: Range } | undefined {
    const workload = workloadOf(document.root);
    const entry = workload?.root.entry('kind');
    if (!workload || !entry || offset < entry.key.start || offset > workload.kindNode.end) return undefined;
    const summary = gpuSummary(workload, claims);
    return summary && { line: summaryLine(summary), range: document.lines.range(entry.key.start, workload.kindNode.end) };
  }

  /** A GPU summary above each workload that asks for GPUs, by limit or by claim. */
  codeLenses(file: YamlFile, uri: string): CodeLens[] {
    const claims = this.claimsOf(file, uri);
    return file.documents.flatMap((document) => {
      const workload = workloadOf(document.root);
      const summary = workload && gpuSummary(workload, claims);
      if (!workload || !summary) return [];
      return [
        { range: fileRange(document, document.lines.range(workload.kindNode.start, workload.kindNode.end)), title: summaryLine(summary) },
      ];
    });
  }

  outline(file: YamlFile): OutlineSymbol[] {
    return file.documents.flatMap((document, index) => outlineDocument(document, index) ?? []);
  }
}
