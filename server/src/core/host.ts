// What the pure core may ask of its surroundings. Its questions about files are answered at
// once from what is at hand (the language server's snapshot, a test's map of files), never by
// I/O: the server loads a missed answer through the async `FileSystem` and checks again.
import type { BuiltinSchemas } from './schema/schema-registry';

/** One entry of a folder listing. */
export interface DirectoryEntry {
  name: string;
  directory: boolean;
}

/** What a stat says of a URI that exists. */
export interface FileStat {
  directory: boolean;
}

/**
 * The files around the documents, read asynchronously: the disk for `file:` URIs, the editor
 * for the schemes it supplies. Undefined when the file or folder does not exist or cannot be read.
 * Only the server's loader calls it; a check never waits on it.
 */
export interface FileSystem {
  readFile(uri: string): Promise<string | undefined>;
  /** A symbolic link counts as what it points to: model files are often links into a cache. */
  readDirectory(uri: string): Promise<DirectoryEntry[] | undefined>;
  stat(uri: string): Promise<FileStat | undefined>;
}

export interface CoreHost {
  /** Whether a file exists, by `file:` URI (or whatever scheme the document uses). */
  fileExists(uri: string): boolean;
  /** A file's text, by URI; undefined when it cannot be read. For schema files named by settings and modelines. */
  readFile?(uri: string): string | undefined;
  /**
   * The entries of a folder, by URI; undefined when it does not exist or cannot be listed.
   * For the checks that look at a Triton model repository (version folders, model files, the
   * models an ensemble names); without it those checks stay silent.
   */
  listDirectory?(uri: string): DirectoryEntry[] | undefined;
  /**
   * Whether the user trusts the workspace. Code that would run a program (Helm) asks first and
   * runs nothing when it is false or absent: untrusted until told.
   */
  workspaceTrusted?(): boolean;
  /** Where the rules' pages are (`<base><rule id>.md`), for links from their findings; none when absent. */
  ruleDocs?: string;
  /** The generated schemas shipped with mlinfra; without them only syntax is checked. */
  schemas?: BuiltinSchemas;
  /** Where a failure worth a bug report goes (a check that threw, with its stack); the server's log. */
  log?(message: string): void;
}

/** A host that knows no files: every classification falls back to what the text shows. */
export const noFilesHost: CoreHost = { fileExists: () => false };
