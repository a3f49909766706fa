// What the pure core may ask of its surroundings. The language server answers from the
// file system; tests and the CLI pass their own.

export interface CoreHost {
  /** Whether a file exists, by `file:` URI (or whatever scheme the document uses). */
  fileExists(uri: string): boolean;
}

/** A host that knows no files: every classification falls back to what the text shows. */
export const noFilesHost: CoreHost = { fileExists: () => false };
