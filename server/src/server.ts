// LSP wiring only: capabilities, document sync and handlers that call the core facade.
import { TextDocumentSyncKind, TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerReadyNotification } from '../../common/protocol';
import type { CoreHost } from './core/host';
import { createLanguageService } from './core/language-service';
import { toDiagnostic } from './to-lsp';

/** Edits arrive per keystroke; validate once typing pauses. */
const VALIDATION_DELAY_MS = 100;

export interface ServerOptions {
  version: string;
  host: CoreHost;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const service = createLanguageService(options.host);
  const documents = new TextDocuments(TextDocument);
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  connection.onInitialize((params) => {
    const client = params.clientInfo ? `${params.clientInfo.name} ${params.clientInfo.version ?? ''}`.trim() : 'an unnamed client';
    connection.console.info(`mlinfra language server ${options.version} (Node ${process.version}) serving ${client}`);
    return {
      capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
      serverInfo: { name: 'mlinfra', version: options.version },
    };
  });

  connection.onInitialized(() => {
    const ready: ServerReadyNotification.Params = { version: options.version, nodeVersion: process.version };
    void connection.sendNotification(ServerReadyNotification.method, ready);
  });

  function validate(document: TextDocument): void {
    const file = { uri: document.uri, text: document.getText(), languageId: document.languageId };
    try {
      const started = Date.now();
      const { kind, findings } = service.validate(file);
      const diagnostics = findings.map((finding) => toDiagnostic(finding, document.uri));
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
      connection.console.log(
        `Checked ${document.uri} (${kind}, version ${document.version}): ${diagnostics.length} problem(s) in ${Date.now() - started} ms`,
      );
    } catch (error) {
      // A bug in one check must not take the server down or leave stale diagnostics behind.
      connection.console.error(`Checking ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
    }
  }

  function schedule(document: TextDocument): void {
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) validate(current);
      }, VALIDATION_DELAY_MS),
    );
  }

  documents.onDidChangeContent((event) => schedule(event.document));
  // A Chart.yaml appearing or going away changes what the files around it are: check again.
  connection.onDidChangeWatchedFiles(() => documents.all().forEach(schedule));
  documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}
