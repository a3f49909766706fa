// Keeps the core's configuration in step with the user's settings and files: reads
// `mlinfra.schemas`, `mlinfra.rules` and `mlinfra.yaml` from the client, loads the CRDs and schema
// files it names, and reloads them when they change on disk. Logs what it loaded and what it could not.
import type { Connection } from 'vscode-languageserver';
import type { FileSystem } from './core/host';
import type { LanguageService } from './core/language-service';
import { fileAssociations, readCrdFiles, type SchemaSettings } from './workspace-schemas';

/** The `mlinfra` section, as far as this class reads it. */
interface MlinfraSection {
  schemas?: SchemaSettings;
  rules?: unknown;
  yaml?: { libraryParser?: unknown };
}

export class SchemaSettingsSync {
  private settings: SchemaSettings = {};
  /** `mlinfra.rules`: severities by rule or Triton check id. */
  private rules: unknown;
  /** `mlinfra.yaml.libraryParser`: the `yaml` library parses every document (the fast parser none). */
  private libraryParser = false;
  private crdRoots: string[] = [];
  /** Counts CRD loads: when two overlap, only the last one started is applied. */
  private crdLoads = 0;
  /** The settings last applied, to skip reloading when a configuration change did not touch them. */
  private applied: string | undefined;
  /** The parser setting last given to the core (whose default is the fast parser). */
  private parserApplied = false;

  constructor(
    private readonly connection: Connection,
    private readonly service: LanguageService,
    private readonly folders: () => string[],
    private readonly files: FileSystem,
  ) {}

  /** Asks the client for the settings (when it can answer) and applies them. */
  async refresh(canAsk: boolean): Promise<void> {
    if (canAsk) {
      try {
        const section = (await this.connection.workspace.getConfiguration('mlinfra')) as MlinfraSection | null;
        this.settings = section?.schemas ?? {};
        this.rules = section?.rules;
        this.libraryParser = section?.yaml?.libraryParser === true;
      } catch (error) {
        this.connection.console.warn(`Could not read the mlinfra settings: ${(error as Error).message}`);
      }
    }
    await this.apply();
  }

  /** Applies settings pushed by a client that cannot be asked (workspace/didChangeConfiguration). */
  async pushed(settings: unknown): Promise<void> {
    const section = (settings as { mlinfra?: MlinfraSection } | null)?.mlinfra;
    if (section?.schemas) this.settings = section.schemas;
    if (section && 'rules' in section) this.rules = section.rules;
    if (section?.yaml && 'libraryParser' in section.yaml) this.libraryParser = section.yaml.libraryParser === true;
    await this.apply();
  }

  /** Files changed on disk: reload the CRDs when one of theirs did; forget every schema file read. */
  async filesChanged(uris: string[]): Promise<void> {
    this.service.schemaFilesChanged();
    const concernsCrds = (uri: string) => this.crdRoots.some((root) => uri === root || uri.startsWith(`${root}/`));
    if (uris.some(concernsCrds)) await this.loadCrds();
  }

  private async apply(): Promise<void> {
    for (const problem of this.service.setRuleLevels(this.rules)) this.connection.console.warn(problem);
    this.applyParser();
    const current = JSON.stringify([this.settings, this.folders()]);
    if (current === this.applied) return;
    this.applied = current;
    this.service.setSchemaAssociations(fileAssociations(this.settings, this.folders()));
    await this.loadCrds();
  }

  /** Tells the core which parser to use, and says so in the log when it changes: a difference is checked by reading both. */
  private applyParser(): void {
    if (this.libraryParser === this.parserApplied) return;
    this.parserApplied = this.libraryParser;
    this.service.setLibraryParser(this.libraryParser);
    this.connection.console.info(
      this.libraryParser
        ? 'YAML is parsed by the yaml library alone (mlinfra.yaml.libraryParser is on).'
        : "YAML is parsed by mlinfra's fast parser where it can, by the yaml library elsewhere.",
    );
  }

  private async loadCrds(): Promise<void> {
    const load = ++this.crdLoads;
    const { files, roots, problems } = await readCrdFiles(this.settings, this.folders(), this.files);
    if (load !== this.crdLoads) return;
    this.crdRoots = roots;
    const result = this.service.setUserCrds(files);
    for (const problem of [...problems, ...result.problems]) this.connection.console.warn(`CRD not used: ${problem}`);
    if (files.length) this.connection.console.info(`Kinds from your CRDs: ${result.kinds.length ? result.kinds.join(', ') : 'none'}`);
  }
}
