// The files the editor supplies (`vscode-vfs:`, `vscode-remote:`, any scheme but `file:`), read
// by asking the client (`mlinfra/readFile`…), and the file system that picks the disk or the
// editor by a URI's scheme.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest } from '../../common/protocol';
import type { FileSystem } from './core/host';

/** Asks the client; a client without the custom requests (another editor) is asked once, then never again. */
export function editorFileSystem(connection: Connection): FileSystem {
  let answers = true;
  async function ask<R>(method: string, uri: string): Promise<R | undefined> {
    if (!answers) return undefined;
    try {
      return ((await connection.sendRequest(method, { uri })) as R | null) ?? undefined;
    } catch (error) {
      if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) {
        answers = false;
        connection.console.info(`The client does not supply files (${method}): files outside file: URIs stay unread.`);
      }
      return undefined;
    }
  }
  return {
    readFile: (uri) => ask<ReadFileRequest.Result>(ReadFileRequest.method, uri).then((text) => text ?? undefined),
    readDirectory: (uri) => ask<ReadDirectoryRequest.Result>(ReadDirectoryRequest.method, uri).then((entries) => entries ?? undefined),
    stat: (uri) => ask<StatRequest.Result>(StatRequest.method, uri).then((stat) => stat ?? undefined),
  };
}

/** `file:` URIs from `disk`, every other scheme from `editor`. */
export function filesByScheme(disk: FileSystem, editor: FileSystem): FileSystem {
  const pick = (uri: string) => (uri.startsWith('file:') ? disk : editor);
  return {
    readFile: (uri) => pick(uri).readFile(uri),
    readDirectory: (uri) => pick(uri).readDirectory(uri),
    stat: (uri) => pick(uri).stat(uri),
  };
}
