// Answers the server's questions about files it cannot read itself (any scheme but `file:`:
// vscode-vfs:, vscode-remote:…) through VS Code's file system. Reading is not running anything:
// it is answered in untrusted workspaces too.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest } from '../../common/protocol';

/** A missing or unreadable file answers null, as the protocol says; the error is the server's "not there". */
async function orNull<T>(read: () => Thenable<T>): Promise<T | null> {
  try {
    return await read();
  } catch {
    return null;
  }
}

const isDirectory = (type: vscode.FileType) => (type & vscode.FileType.Directory) !== 0;

export function serveWorkspaceFiles(client: LanguageClient): vscode.Disposable {
  const fs = vscode.workspace.fs;
  const decoder = new TextDecoder();
  return vscode.Disposable.from(
    client.onRequest(ReadFileRequest.method, ({ uri }: ReadFileRequest.Params): Promise<ReadFileRequest.Result> =>
      orNull(async () => decoder.decode(await fs.readFile(vscode.Uri.parse(uri)))),
    ),
    client.onRequest(ReadDirectoryRequest.method, ({ uri }: ReadDirectoryRequest.Params): Promise<ReadDirectoryRequest.Result> =>
      // A symbolic link's type carries the type of what it points to as well.
      orNull(async () => (await fs.readDirectory(vscode.Uri.parse(uri))).map(([name, type]) => ({ name, directory: isDirectory(type) }))),
    ),
    client.onRequest(StatRequest.method, ({ uri }: StatRequest.Params): Promise<StatRequest.Result> =>
      orNull(async () => ({ directory: isDirectory((await fs.stat(vscode.Uri.parse(uri))).type) })),
    ),
  );
}
