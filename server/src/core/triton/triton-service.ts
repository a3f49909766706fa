// The Triton side of the language service: parses a config.pbtxt and checks it against the
// schema generated from model_config.proto. The schema is read on first need.
import type { CoreHost } from '../host';
import type { Completion, Finding, FoldingRange, Hover, OutlineSymbol, Position } from '../types';
import { completePbtxt } from './pbtxt-completion';
import { hoverPbtxt, outlinePbtxt } from './pbtxt-hover-outline';
import { splitUri } from '../file-kind';
import { checkStructure } from './check-structure';
import type { TritonCheck } from './checks/check';
import { TRITON_CHECKS } from './checks/index';
import { runChecks } from './checks/run-checks';
import type { PbDocument } from './pbtxt-ast';
import { applyRuleSettings, type RuleLevel } from '../rules/rule-settings';
import { foldPbtxt } from './pbtxt-folding';
import { parsePbtxt } from './pbtxt-parser';
import { ProtoSchema } from './proto-schema';
import { ConfigCache, repositoryView } from './repository/model-repository';

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

export class TritonService {
  private schema: ProtoSchema | undefined;

  /** The last parse, so that the check after an edit and the requests that follow share it. */
  private last: PbDocument | undefined;

  /** Parses of the other configs of the repository, which the cross-file checks read. */
  private readonly others = new ConfigCache();

  /** Severities the user set per check (`mlinfra.rules`, shared with the GPU rules). */
  ruleLevels: ReadonlyMap<string, RuleLevel> = new Map();

  /** `checks`: the Triton checks to run, all of them unless a test says otherwise. */
  constructor(
    private readonly host: CoreHost,
    private readonly checks: readonly TritonCheck[] = TRITON_CHECKS,
  ) {}

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

  /**
   * Syntax findings, what the proto schema says of the fields that parsed, and what Triton checks
   * on load: the checks' findings as the user wants them (levels, suppression comments, pages).
   */
  findings(text: string, uri: string): Finding[] {
    const document = this.parse(text);
    const schema = this.protoSchema();
    const structure = schema ? checkStructure(document, schema) : [];
    const model = modelFolderOf(uri);
    const folder = model ?? splitUri(uri).folder;
    const folderName = decodeURIComponent(folder.slice(folder.lastIndexOf('/') + 1)) || undefined;
    const repository = model === undefined ? undefined : repositoryView(this.host, model, this.others);
    const checked = runChecks(document, this.checks, { uri, folderName, repository, log: this.host.log?.bind(this.host) });
    const semantic = applyRuleSettings(checked, text, this.ruleLevels, this.host.ruleDocs);
    return [...document.findings, ...structure, ...semantic].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
  }
}
