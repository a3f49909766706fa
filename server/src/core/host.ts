// What the pure core may ask of its surroundings. The language server answers from the
// file system; tests and the CLI pass their own.
import type { BuiltinSchemas } from './schema/schema-registry';

/** One entry of a folder listing. */
export interface DirectoryEntry {
  name: string;
  directory: boolean;
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
  /** Where the rules' pages are (`<base><rule id>.md`), for links from their findings; none when absent. */
  ruleDocs?: string;
  /** The generated schemas shipped with mlinfra; without them only syntax is checked. */
  schemas?: BuiltinSchemas;
  /** Where a failure worth a bug report goes (a check that threw, with its stack); the server's log. */
  log?(message: string): void;
}

/** A host that knows no files: every classification falls back to what the text shows. */
export const noFilesHost: CoreHost = { fileExists: () => false };
