// One language server process driven over stdio for the benchmark: records when each diagnostics
// publication arrives, answers the server's configuration requests, and bounds every wait by a timeout.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export interface ServerSpec {
  /** Short name used in the JSON results: "mlinfra" or "yaml-language-server". */
  name: string;
  command: string;
  args: string[];
  /** Answers to `workspace/configuration`, by section; sections not listed get `null`. */
  configuration?: Record<string, unknown>;
}

export interface Publication {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
  /** performance.now() when the notification was read from the server's stdout. */
  at: number;
}

/** A diagnostic's message as text: LSP 3.18 lets it be markup too. */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** Every session still running, so a crash or Ctrl+C of the bench can end them all. */
export const liveSessions = new Set<LspSession>();

export class LspSession {
  readonly publications: Publication[] = [];
  /** performance.now() when it answered `initialize`. */
  initializeAnsweredAt: number | undefined;
  configurationRequests = 0;
  private readonly connection: ProtocolConnection;
  private readonly waiters: Array<() => void> = [];
  private stderrTail = '';
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(
    readonly spec: ServerSpec,
    private readonly child: ChildProcess,
    /** performance.now() just before the process was spawned. */
    readonly startedAt: number,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: Omit<Publication, 'at'>) => {
      this.publications.push({ ...params, at: performance.now() });
      this.wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => {
      this.configurationRequests++;
      this.wake();
      return params.items.map((item) => (item.section !== undefined ? (this.spec.configuration?.[item.section] ?? null) : null));
    });
    for (const method of [
      'client/registerCapability',
      'client/unregisterCapability',
      'window/workDoneProgress/create',
      'workspace/codeLens/refresh',
    ]) {
      this.connection.onRequest(method, () => null);
    }
    this.connection.onError(() => undefined); // a dying server shows up as `exit` below
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-2000);
    });
    child.stdin!.on('error', () => undefined);
    child.once('exit', (code, signal) => {
      this.exit = { code, signal };
      liveSessions.delete(this);
      this.wake();
    });
    this.connection.listen();
  }

  /** Starts the server directly (no shell, no npx), so `pid` is the server's own Node process. */
  static start(spec: ServerSpec): LspSession {
    const startedAt = performance.now();
    const session = new LspSession(spec, spawn(spec.command, spec.args, { stdio: 'pipe' }), startedAt);
    liveSessions.add(session);
    return session;
  }

  get pid(): number {
    return this.child.pid!;
  }

  async initialize(rootUri: string, timeoutMs: number): Promise<InitializeResult> {
    const result = await this.request<InitializeResult>(
      'initialize',
      {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
          textDocument: {
            synchronization: { didSave: false },
            publishDiagnostics: { relatedInformation: true, versionSupport: true },
            completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
            hover: { contentFormat: ['markdown', 'plaintext'] },
          },
        },
        clientInfo: { name: 'mlinfra-bench', version: '1' },
      },
      timeoutMs,
    );
    this.initializeAnsweredAt = performance.now();
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version: number, languageId = 'yaml'): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async request<T>(method: string, params: unknown, timeoutMs: number): Promise<T> {
    if (this.exit) throw new Error(this.exitMessage(`the answer to ${method}`));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onExit: (() => void) | undefined;
    const failure = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.spec.name}: no answer to ${method} within ${timeoutMs} ms`)), timeoutMs);
      onExit = () => reject(new Error(this.exitMessage(`the answer to ${method}`)));
      this.child.once('exit', onExit);
    });
    try {
      return await Promise.race([this.connection.sendRequest<T>(method, params), failure]);
    } finally {
      clearTimeout(timer);
      this.child.off('exit', onExit!);
    }
  }

  /** The first publication for `uri` at index `from` or later that `accept` takes. */
  publication(uri: string, from: number, accept: (p: Publication) => boolean, timeoutMs: number, what: string): Promise<Publication> {
    return this.waitUntil(
      () => this.publications.slice(from).find((p) => p.uri === uri && accept(p)),
      timeoutMs,
      `diagnostics for ${what}`,
    );
  }

  /** Resolves once the server has asked for its configuration at least `count` times. */
  configurationPulled(count: number, timeoutMs: number): Promise<true> {
    return this.waitUntil(
      () => (this.configurationRequests >= count ? true : undefined),
      timeoutMs,
      `${count} workspace/configuration request(s)`,
    );
  }

  /** Peak resident set size of the server process (VmHWM in /proc/<pid>/status), in kB; Linux only. */
  peakRssKb(): number | undefined {
    try {
      const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return match ? Number(match[1]) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Shuts down politely for a moment, then kills; always leaves no process behind. */
  async stop(): Promise<void> {
    if (!this.exit) {
      try {
        await this.request('shutdown', null, 3000);
        await this.notify('exit', null);
        await this.waitUntil(() => (this.exit ? true : undefined), 2000, 'exit').catch(() => undefined);
      } catch {
        // killed below
      }
    }
    this.kill();
    this.connection.dispose();
  }

  kill(): void {
    if (!this.exit) this.child.kill('SIGKILL');
    liveSessions.delete(this);
  }

  /** Re-evaluates `probe` whenever the server sends something, until it finds a value, time runs out or the server dies. */
  private async waitUntil<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = probe();
      if (found !== undefined) return found;
      if (this.exit) throw new Error(this.exitMessage(what));
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`${this.spec.name}: timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private exitMessage(what: string): string {
    const how = this.exit ? (this.exit.signal ?? `code ${this.exit.code}`) : 'unknown';
    return `${this.spec.name} exited (${how}) while the bench waited for ${what}; stderr: ${this.stderrTail.trim() || '(empty)'}`;
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
