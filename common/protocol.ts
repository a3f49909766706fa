// Names shared by the client and the server: the language ids and document selector the
// server serves, and custom protocol messages. Both sides import this; neither imports the other.

export const TRITON_LANGUAGE_ID = 'pbtxt';

/** Documents the client sends to the server; the server classifies them by URI and text. */
export const DOCUMENT_SELECTOR = [
  { language: 'yaml' },
  { language: TRITON_LANGUAGE_ID },
  { language: 'helm' }, // the id Kubernetes Tools gives chart templates
  { pattern: '**/templates/**' },
  { pattern: '**/*.tpl' },
] as const;

/** Sent by the server once it is ready: what a status display can show. */
export namespace ServerReadyNotification {
  export const method = 'mlinfra/serverReady';
  export interface Params {
    version: string;
    nodeVersion: string;
  }
}

/**
 * What the client tells the server at start (`initializationOptions`). Other editors grant
 * trust the same way: `{ "mlinfra": { "trusted": true } }`. Absent means untrusted.
 */
export interface InitializationOptions {
  mlinfra?: {
    /** Whether the user trusts the workspace: only then may the server run a program (Helm). */
    trusted?: boolean;
  };
}

/** Sent by the client when the workspace's trust changes (VS Code: trust was granted). */
export namespace TrustChangedNotification {
  export const method = 'mlinfra/trustChanged';
  export interface Params {
    trusted: boolean;
  }
}

/** Asks the server whether it holds the workspace trusted: for status displays and tests. */
export namespace WorkspaceTrustRequest {
  export const method = 'mlinfra/workspaceTrust';
  export interface Result {
    trusted: boolean;
  }
}

/**
 * Files the editor supplies: the server reads `file:` URIs from the disk itself and asks the
 * client for any other scheme (`vscode-vfs:`, `vscode-remote:`…). Null when it cannot be read.
 */
export namespace ReadFileRequest {
  export const method = 'mlinfra/readFile';
  export interface Params {
    uri: string;
  }
  /** The file's text (UTF-8). */
  export type Result = string | null;
}

/** The entries of a folder the editor supplies; null when it does not exist or cannot be listed. */
export namespace ReadDirectoryRequest {
  export const method = 'mlinfra/readDirectory';
  export interface Params {
    uri: string;
  }
  /** A symbolic link counts as what it points to. */
  export type Result = { name: string; directory: boolean }[] | null;
}

/** Whether a file or folder the editor supplies exists, and which it is; null when it does not exist. */
export namespace StatRequest {
  export const method = 'mlinfra/stat';
  export interface Params {
    uri: string;
  }
  export type Result = { directory: boolean } | null;
}
