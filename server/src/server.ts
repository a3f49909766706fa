// LSP wiring only: capabilities, document sync and handlers that call the core facade.
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DocumentFormattingRequest,
  FoldingRangeRequest,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerReadyNotification, TRITON_LANGUAGE_ID, TrustChangedNotification, WorkspaceTrustRequest } from '../../common/protocol';

/** The documents mlinfra formats: Triton configs, by language or by name. */
const TRITON_SELECTOR = [{ language: TRITON_LANGUAGE_ID }, { pattern: '**/*.pbtxt' }];
import { FileSnapshot } from './core/file-snapshot';
import type { CoreHost, FileSystem } from './core/host';
import { createLanguageService, type SourceFile } from './core/language-service';
import { editorFileSystem, filesByScheme } from './editor-files';
import { FileLoader } from './file-loader';
import { sampleManifests } from './manifest-sample';
import { SchemaSettingsSync } from './schema-settings';
import { toCodeAction, toCodeLens, toCompletionItem, toDiagnostic, toDocumentSymbol, toFoldingRange, toHover } from './to-lsp';
import { WorkspaceTrust } from './workspace-trust';

/** Edits arrive per keystroke; validate once typing pauses. Checks are incremental, so this can be short. */
const VALIDATION_DELAY_MS = 50;

export interface ServerOptions {
  version: string;
  /** What the core needs besides files: the shipped schemas, where the rules' pages are. */
  host: Pick<CoreHost, 'schemas' | 'ruleDocs'>;
  /** The disk, for `file:` URIs; the client is asked for the files of other schemes. */
  files: FileSystem;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const trust = new WorkspaceTrust();
  // The core reads files from the snapshot alone; the loader fills it in between two runs of a check.
  const snapshot = new FileSnapshot();
  const files = filesByScheme(options.files, editorFileSystem(connection));
  const loader = new FileLoader(snapshot, files);
  const host: CoreHost = {
    ...options.host,
    fileExists: (uri) => snapshot.fileExists(uri),
    // Cross-file checks (an ensemble reading the configs of its steps) see the editor's unsaved text.
    readFile: (uri) => documents.get(uri)?.getText() ?? snapshot.readFile(uri),
    // A check that throws is logged here, its stack ready for a bug report.
    log: (message) => connection.console.error(message),
    listDirectory: (uri) => snapshot.listDirectory(uri),
    workspaceTrusted: () => trust.trusted,
  };
  const service = createLanguageService(host);
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let folders: string[] = [];
  let canAskConfiguration = false;
  let canRegisterConfiguration = false;
  let canRegisterFormatting = false;
  let canRegisterFolding = false;
  let canRefreshCodeLenses = false;
  const settings = new SchemaSettingsSync(connection, service, () => folders, files);
  // Until the user's schema settings are in, a check could call their CRD kinds unknown: wait.
  let settingsLoaded = false;

  connection.onInitialize((params) => {
    const client = params.clientInfo ? `${params.clientInfo.name} ${params.clientInfo.version ?? ''}`.trim() : 'an unnamed client';
    connection.console.info(`mlinfra language server ${options.version} (Node ${process.version}) serving ${client}`);
    trust.initialize(params.initializationOptions);
    const untrusted = 'The workspace is not trusted (or the client did not say): mlinfra runs no program.';
    connection.console.info(trust.trusted ? 'The workspace is trusted.' : untrusted);
    // A build that did not compile the validators, or schemas changed since, costs each kind's first check its compilation.
    const compiled = "The shipped kinds' validators were compiled by the build.";
    const notCompiled = "No validators compiled by the build match the shipped schemas: each kind's schema compiles on first use.";
    connection.console.info(options.host.schemas?.precompiled ? compiled : notCompiled);
    folders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (!folders.length && params.rootUri) folders = [params.rootUri];
    canAskConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canRegisterFormatting = params.capabilities.textDocument?.formatting?.dynamicRegistration === true;
    canRegisterFolding = params.capabilities.textDocument?.foldingRange?.dynamicRegistration === true;
    canRefreshCodeLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        // Only Triton configs are formatted: registered for them alone where the client allows,
        // so that mlinfra never competes with the user's YAML formatter.
        documentFormattingProvider: !canRegisterFormatting,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        // Folding ranges for Triton configs alone where the client allows: a provider's answer
        // replaces the editor's indentation folding, which serves YAML well.
        foldingRangeProvider: !canRegisterFolding,
      },
      serverInfo: { name: 'mlinfra', version: options.version },
    };
  });

  connection.onInitialized(async () => {
    if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'mlinfra' });
    if (canRegisterFormatting) void connection.client.register(DocumentFormattingRequest.type, { documentSelector: TRITON_SELECTOR });
    if (canRegisterFolding) void connection.client.register(FoldingRangeRequest.type, { documentSelector: TRITON_SELECTOR });
    await settings.refresh(canAskConfiguration);
    settingsLoaded = true;
    const ready: ServerReadyNotification.Params = { version: options.version, nodeVersion: process.version };
    void connection.sendNotification(ServerReadyNotification.method, ready);
    documents.all().forEach((document) => void validate(document));
    // While the editor is still opening files: compile what most manifests need (for the user's
    // CRDs: the shipped kinds come compiled from the build), then load the validators of the kinds
    // the workspace's files declare, one file per turn so that requests are answered in between.
    setTimeout(() => {
      const started = performance.now();
      try {
        if (service.warmUp()) connection.console.log(`Pod template schema compiled in ${Math.round(performance.now() - started)} ms`);
      } catch (error) {
        connection.console.error(`Compiling the pod template schema failed: ${(error as Error).message}`);
      }
      void sampleManifests(folders).then((files) => prepareWorkspace(files));
    }, 0);
  });

  const sourceOf = (document: TextDocument): SourceFile => ({
    uri: document.uri,
    text: document.getText(),
    languageId: document.languageId,
  });

  function prepareWorkspace(files: { uri: string; text: string }[], started = performance.now()): void {
    const file = files.shift();
    if (!file) {
      connection.console.log(`Validators of the workspace's kinds ready in ${Math.round(performance.now() - started)} ms`);
      return;
    }
    try {
      service.prepare(file);
    } catch (error) {
      connection.console.error(`Preparing the schemas of ${file.uri} failed: ${(error as Error).message}`);
    }
    setTimeout(() => prepareWorkspace(files, started), 0);
  }

  /** Checks a document, loading first the files around it that the check asks for; publishes once it has them. */
  async function validate(document: TextDocument): Promise<void> {
    // The document object is updated in place by edits: keep the version this check is for.
    const { uri, version } = document;
    try {
      const started = performance.now();
      // Closed and opened again is another document object, even at the same version.
      const stillCurrent = () => documents.get(uri) === document && document.version === version;
      const loadsBefore = loader.loads;
      const validation = await loader.settle(() => service.validate(sourceOf(document)), stillCurrent);
      if (!validation) return; // edited or closed while files loaded: the next check publishes
      const diagnostics = validation.findings.map((finding) => toDiagnostic(finding, uri));
      // A CodeLens asked for before the files around the document were loaded counted without them
      // (a claim's GPUs "count unknown"): the editor asks again.
      if (loader.loads !== loadsBefore && canRefreshCodeLenses) void connection.sendRequest(CodeLensRefreshRequest.type);
      void connection.sendDiagnostics({ uri, version, diagnostics });
      const took = Math.round(performance.now() - started);
      connection.console.log(`Checked ${uri} (${validation.kind}, version ${version}): ${diagnostics.length} problem(s) in ${took} ms`);
    } catch (error) {
      // A bug in one check must not take the server down or leave stale diagnostics behind.
      connection.console.error(`Checking ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
    }
  }

  function schedule(document: TextDocument): void {
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) void validate(current);
      }, VALIDATION_DELAY_MS),
    );
  }

  /** Runs a request handler; a bug answers "nothing here" and is logged, never a crash. */
  function guarded<T>(what: string, uri: string, run: (document: TextDocument) => T, fallback: T): T {
    const document = documents.get(uri);
    if (!document) return fallback;
    try {
      return run(document);
    } catch (error) {
      connection.console.error(`${what} in ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fallback;
    }
  }

  connection.onCompletion(({ textDocument, position }) =>
    guarded(
      'Completion',
      textDocument.uri,
      (document) => ({ isIncomplete: false, items: service.complete(sourceOf(document), position).map(toCompletionItem) }),
      null,
    ),
  );
  connection.onHover(({ textDocument, position }) =>
    guarded(
      'Hover',
      textDocument.uri,
      (document) => {
        const hover = service.hover(sourceOf(document), position);
        return hover ? toHover(hover) : null;
      },
      null,
    ),
  );
  connection.onDocumentSymbol(({ textDocument }) =>
    guarded('Outline', textDocument.uri, (document) => service.outline(sourceOf(document)).map(toDocumentSymbol), []),
  );
  connection.onCodeAction(({ textDocument, range, context }) => {
    if (context.only && !context.only.some((kind) => kind === CodeActionKind.QuickFix || kind === CodeActionKind.Empty)) return [];
    return guarded(
      'Code actions',
      textDocument.uri,
      (document) => service.codeActions(sourceOf(document), range).map((action) => toCodeAction(action, document.uri)),
      [],
    );
  });
  connection.onCodeLens(({ textDocument }) =>
    guarded('Code lenses', textDocument.uri, (document) => service.codeLenses(sourceOf(document)).map(toCodeLens), []),
  );
  // Null, not an empty list, where mlinfra has no folding of its own: the editor then folds by indentation.
  connection.onFoldingRanges(({ textDocument }) =>
    guarded('Folding', textDocument.uri, (document) => service.folding(sourceOf(document))?.map(toFoldingRange) ?? null, null),
  );

  // A file just opened is checked at once; edits wait for a pause in typing.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => justOpened.add(event.document.uri));
  connection.onDocumentFormatting(({ textDocument }) =>
    guarded(
      'Formatting',
      textDocument.uri,
      (document) => {
        const result = service.format(sourceOf(document));
        if ('edits' in result) return result.edits;
        void connection.window.showWarningMessage(`mlinfra: ${result.error}`);
        return [];
      },
      [],
    ),
  );
  documents.onDidChangeContent((event) => {
    const opened = justOpened.delete(event.document.uri);
    if (!settingsLoaded) return; // checked once the settings are in
    // An edit of one Triton config can change what the other open configs of its repository find.
    if (event.document.uri.endsWith('.pbtxt'))
      documents
        .all()
        .filter((other) => other !== event.document && other.uri.endsWith('.pbtxt'))
        .forEach(schedule);
    if (!opened) return schedule(event.document);
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    void validate(event.document);
  });
  connection.onDidChangeConfiguration(async (change) => {
    if (canAskConfiguration) await settings.refresh(true);
    else await settings.pushed(change.settings);
    documents.all().forEach(schedule);
  });
  // A Chart.yaml, a CRD, a schema file or a model file changed on disk: what the open files mean
  // may have changed. The snapshot forgets what it knew there, and the checks load it again.
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) snapshot.invalidate(change.uri);
    await settings.filesChanged(changes.map((change) => change.uri));
    documents.all().forEach(schedule);
  });
  connection.onNotification(TrustChangedNotification.method, (params: TrustChangedNotification.Params | null) => {
    trust.changed(params?.trusted);
    const now = trust.trusted ? 'now trusted.' : 'no longer trusted: mlinfra runs no program.';
    connection.console.info(`The workspace is ${now}`);
  });
  connection.onRequest(WorkspaceTrustRequest.method, (): WorkspaceTrustRequest.Result => ({ trusted: trust.trusted }));
  documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    service.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}
