// A minimal LSP client for protocol tests: spawns the built server over stdio and collects
// what it publishes, so tests can await the diagnostics a real editor would receive.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  PublishDiagnosticsNotification,
  ErrorCodes,
  ResponseError,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest } from '../../common/protocol';
import { listFolder, statOf, type FileMap } from './file-map';

export const serverPath = join(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export class LspTestClient {
  readonly connection: ProtocolConnection;
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  private readonly published: PublishedDiagnostics[] = [];
  private readonly waiters: Array<() => void> = [];
  readonly stderr: string[] = [];
  /** What the client answers to workspace/configuration, by section (`mlinfra`). */
  settings: Record<string, unknown> = {};
  /** The files the client supplies for schemes other than `file:` (URI → text), as VS Code does for `vscode-vfs:`. */
  files: FileMap = {};
  /** False: the client answers the file requests as an editor without them does (method not found). */
  suppliesFiles = true;
  /** The URIs the server asked the client to read, list or stat, in order (`readFile <uri>`). */
  readonly fileRequests: string[] = [];
  /** How many times the server asked the client to request code lenses again (workspace/codeLens/refresh). */
  codeLensRefreshes = 0;

  private constructor(readonly process: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.wake();
    });
    this.connection.onUnhandledNotification((message) => {
      this.notifications.push({ method: message.method, params: message.params });
      this.wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section ? (this.settings[item.section] ?? null) : this.settings)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => {
      this.codeLensRefreshes++;
      this.wake();
      return null;
    });
    this.answerFiles(ReadFileRequest.method, (uri): ReadFileRequest.Result => this.files[uri] ?? null);
    this.answerFiles(ReadDirectoryRequest.method, (uri): ReadDirectoryRequest.Result => listFolder(this.files, uri) ?? null);
    this.answerFiles(StatRequest.method, (uri): StatRequest.Result => statOf(this.files, uri) ?? null);
    process.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection.listen();
  }

  private answerFiles(method: string, answer: (uri: string) => unknown): void {
    this.connection.onRequest(method, ({ uri }: { uri: string }) => {
      this.fileRequests.push(`${method.replace('mlinfra/', '')} ${uri}`);
      if (!this.suppliesFiles) throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
      return answer(uri);
    });
  }

  static start(): LspTestClient {
    return new LspTestClient(spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' }));
  }

  async initialize(rootUri: string | null = null, initializationOptions?: unknown): Promise<InitializeResult> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
      capabilities: {
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, codeLens: { refreshSupport: true } },
      },
      clientInfo: { name: 'mlinfra-protocol-tests', version: '1' },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result as InitializeResult;
  }

  open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Resolves with (and consumes) the first publication for `uri` that satisfies `accept`. */
  async diagnostics(
    uri: string,
    accept: (p: PublishedDiagnostics) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<PublishedDiagnostics> {
    const found = await this.waitUntil(
      () => this.published.find((p) => p.uri === uri && accept(p)),
      timeoutMs,
      () => `no diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.published)}`,
    );
    this.published.splice(this.published.indexOf(found), 1);
    return found;
  }

  async notification(method: string, timeoutMs = 5000): Promise<unknown> {
    const found = await this.waitUntil(
      () => this.notifications.find((n) => n.method === method),
      timeoutMs,
      () => `no ${method} notification within ${timeoutMs} ms`,
    );
    return found.params;
  }

  /** Re-evaluates `probe` whenever the server sends something, until it finds a value or time runs out. */
  private async waitUntil<T>(probe: () => T | undefined, timeoutMs: number, failure: () => string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = probe();
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(failure());
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Shuts the server down as an editor does and resolves with its exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
