// The Triton side of the language service: parses a config.pbtxt and checks it against the
// schema generated from model_config.proto. The schema is read on first need.
import type { CoreHost } from '../host';
import type { Completion, Finding, FoldingRange, Hover, OutlineSymbol, Position } from '../types';
import { completePbtxt } from './pbtxt-completion';
import { hoverPbtxt, outlinePbtxt } from './pbtxt-hover-outline';
import { splitUri } from '../file-kind';
import { checkStructure } from './check-structure';
import type { CheckContext } from './checks/check';
import { TRITON_CHECKS } from './checks/index';
import { ConfigNode } from './config-view';
import type { PbDocument } from './pbtxt-ast';
import { toFixes } from './pbtxt-edits';
import { foldPbtxt } from './pbtxt-folding';
import { parsePbtxt } from './pbtxt-parser';
import { ProtoSchema } from './proto-schema';
import { ConfigCache, repositoryView, type RepositoryView } from './repository/model-repository';

/**
 * The model folder a config file belongs to: the folder of a `config.pbtxt`, or the model
 * folder above `configs/` for the alternative configs Triton selects with --model-config-name.
 * Other .pbtxt files are not a model's config: no repository checks for them.
 */
function modelFolderOf(uri: string): string | undefined {
  const { folder, name } = splitUri(uri);
  if (name === 'config.pbtxt') return folder;
  const parent = splitUri(folder);
  return parent.name === 'configs' && name.endsWith('.pbtxt') ? parent.folder : undefined;
}

/** Runs every semantic check; the model's folder is the one holding config.pbtxt. */
function semanticFindings(document: PbDocument, folderUri: string, repository: RepositoryView | undefined): Finding[] {
  const lines = document.lines;
  const config = new ConfigNode(document.root);
  const folderName = decodeURIComponent(folderUri.slice(folderUri.lastIndexOf('/') + 1)) || undefined;
  const findings: Finding[] = [];
  const context: CheckContext = {
    modelName: config.string('name') || folderName || 'model',
    folderName,
    repository,
    text: document.text,
    report: (start, end, severity, code, message, fixes) => {
      const finding: Finding = { range: lines.range(start, end), severity, code, message };
      if (fixes?.length) finding.fixes = toFixes(lines, fixes);
      findings.push(finding);
    },
  };
  for (const check of TRITON_CHECKS) check.check(config, context);
  return findings;
}

export class TritonService {
  private schema: ProtoSchema | undefined;

  /** The last parse, so that the check after an edit and the requests that follow share it. */
  private last: PbDocument | undefined;

  /** Parses of the other configs of the repository, which the cross-file checks read. */
  private readonly others = new ConfigCache();

  constructor(private readonly host: CoreHost) {}

  private parse(text: string): PbDocument {
    if (this.last?.text !== text) this.last = parsePbtxt(text);
    return this.last;
  }

  private protoSchema(): ProtoSchema | undefined {
    if (!this.schema && this.host.schemas) {
      const json = this.host.schemas.readJson('triton/model_config.json');
      if (json) this.schema = new ProtoSchema(json);
    }
    return this.schema;
  }

  complete(text: string, position: Position): Completion[] {
    const schema = this.protoSchema();
    return schema ? completePbtxt(this.parse(text), position, schema) : [];
  }

  hover(text: string, position: Position): Hover | undefined {
    const schema = this.protoSchema();
    return schema ? hoverPbtxt(this.parse(text), position, schema) : undefined;
  }

  outline(text: string): OutlineSymbol[] {
    return outlinePbtxt(this.parse(text));
  }

  folding(text: string): FoldingRange[] {
    return foldPbtxt(this.parse(text));
  }

  /** Syntax findings, what the proto schema says of the fields that parsed, and what Triton checks on load. */
  findings(text: string, uri: string): Finding[] {
    const document = this.parse(text);
    const schema = this.protoSchema();
    const structure = schema ? checkStructure(document, schema) : [];
    const model = modelFolderOf(uri);
    const semantic = semanticFindings(document, model ?? splitUri(uri).folder, model === undefined ? undefined : repositoryView(this.host, model, this.others));
    return [...document.findings, ...structure, ...semantic].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}
