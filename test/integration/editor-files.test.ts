// Files that only the editor can read: a Triton model repository served by a file system
// provider (as vscode-vfs: serves a GitHub repository) gets the repository checks, the server
// asking the extension for the folders and files. Also: the server knows the workspace is trusted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, summary, waitForDiagnostics } from './helpers';

const SCHEME = 'mlinfra-test';

/** A read-only file system over a few texts by path; folders are the paths' prefixes. */
class MemoryFiles implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  constructor(private readonly texts: Record<string, string>) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const type = uri.path in this.texts ? vscode.FileType.File : this.children(uri).length ? vscode.FileType.Directory : undefined;
    if (type === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    return { type, ctime: 0, mtime: 0, size: this.texts[uri.path]?.length ?? 0 };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const children = this.children(uri);
    if (!children.length) throw vscode.FileSystemError.FileNotFound(uri);
    return children;
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const text = this.texts[uri.path];
    if (text === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    return new TextEncoder().encode(text);
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  private children(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = `${uri.path.replace(/\/$/, '')}/`;
    const found = new Map<string, vscode.FileType>();
    for (const path of Object.keys(this.texts).filter((p) => p.startsWith(prefix))) {
      const [name, ...rest] = path.slice(prefix.length).split('/');
      found.set(name, rest.length ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...found];
  }
}

describe('files the editor supplies', () => {
  let registration: vscode.Disposable | undefined;
  after(() => {
    registration?.dispose();
  });

  it('checks a model repository that only a file system provider can read', async () => {
    const config = 'name: "detector"\nplatform: "tensorrt_plan"\n';
    registration = vscode.workspace.registerFileSystemProvider(
      SCHEME,
      new MemoryFiles({
        '/models/detector/config.pbtxt': config,
        '/models/detector/1/model.onnx': '',
      }),
      { isReadonly: true },
    );
    await activateExtension();
    const uri = vscode.Uri.from({ scheme: SCHEME, path: '/models/detector/config.pbtxt' });
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'pbtxt');
    const diagnostics = await waitForDiagnostics(uri, (list) => list.length > 0);
    assert.deepEqual(diagnostics.map(summary), [
      "2:11-2:26 Warning mlinfra(triton/model-files) version 1 of model 'detector' has no 'model.plan': " +
        'Triton fails to load it unless the file is in detector/1/ when the server starts.',
    ]);
  });

  it('tells the server that the workspace is trusted', async () => {
    const api = await activateExtension();
    assert.equal(vscode.workspace.isTrusted, true);
    assert.equal(await api.serverTrustsWorkspace(), true);
  });
});
