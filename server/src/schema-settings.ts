// Keeps the core's schema configuration in step with the user's settings and files: reads
// `mlinfra.schemas` from the client, loads the CRDs and schema files it names, and reloads
// them when they change on disk. Logs what it loaded and what it could not.
import type { Connection } from 'vscode-languageserver';
import type { LanguageService } from './core/language-service';
import { fileAssociations, readCrdFiles, type SchemaSettings } from './workspace-schemas';

export class SchemaSettingsSync {
  private settings: SchemaSettings = {};
  private crdRoots: string[] = [];
  /** The settings last applied, to skip reloading when a configuration change did not touch them. */
  private applied: string | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly service: LanguageService,
    private readonly folders: () => string[],
  ) {}

  /** Asks the client for the settings (when it can answer) and applies them. */
  async refresh(canAsk: boolean): Promise<void> {
    if (canAsk) {
      try {
        const section = (await this.connection.workspace.getConfiguration('mlinfra')) as { schemas?: SchemaSettings } | null;
        this.settings = section?.schemas ?? {};
      } catch (error) {
        this.connection.console.warn(`Could not read the mlinfra settings: ${(error as Error).message}`);
      }
    }
    this.apply();
  }

  /** Applies settings pushed by a client that cannot be asked (workspace/didChangeConfiguration). */
  pushed(settings: unknown): void {
    const schemas = (settings as { mlinfra?: { schemas?: SchemaSettings } } | null)?.mlinfra?.schemas;
    if (schemas) this.settings = schemas;
    this.apply();
  }

  /** Files changed on disk: reload the CRDs when one of theirs did; forget every schema file read. */
  filesChanged(uris: string[]): void {
    this.service.schemaFilesChanged();
    const concernsCrds = (uri: string) => this.crdRoots.some((root) => uri === root || uri.startsWith(`${root}/`));
    if (uris.some(concernsCrds)) this.loadCrds();
  }

  private apply(): void {
    const current = JSON.stringify([this.settings, this.folders()]);
    if (current === this.applied) return;
    this.applied = current;
    this.service.setSchemaAssociations(fileAssociations(this.settings, this.folders()));
    this.loadCrds();
  }

  private loadCrds(): void {
    const { files, roots, problems } = readCrdFiles(this.settings, this.folders());
    this.crdRoots = roots;
    const result = this.service.setUserCrds(files);
    for (const problem of [...problems, ...result.problems]) this.connection.console.warn(`CRD not used: ${problem}`);
    if (files.length) this.connection.console.info(`Kinds from your CRDs: ${result.kinds.length ? result.kinds.join(', ') : 'none'}`);
  }
}
