// Hosts for tests: the repository's generated schemas, and optionally a set of files by URI;
// or the real disk, loaded as the language server loads it.
import { join } from 'node:path';
import { builtinSchemasAt } from '../../server/src/builtin-schemas';
import { FileSnapshot } from '../../server/src/core/file-snapshot';
import type { CoreHost } from '../../server/src/core/host';
import { createLanguageService, type SourceFile, type Validation } from '../../server/src/core/language-service';
import { FileLoader } from '../../server/src/file-loader';
import { nodeFileSystem } from '../../server/src/node-host';
import { listFolder, type FileMap } from './file-map';

export const repositorySchemas = builtinSchemasAt(join(__dirname, '..', '..', '..', 'schemas'));

/**
 * A host with the generated schemas and the given files (URI → text); nothing else exists.
 * Folders are those the URIs pass through; a URI ending in `/` is an empty folder.
 */
export function testHost(files: FileMap = {}): CoreHost {
  return {
    fileExists: (uri) => uri in files,
    readFile: (uri) => files[uri],
    listDirectory: (uri) => listFolder(files, uri),
    schemas: repositorySchemas,
  };
}

/** Where a fixture is checked unless its test says otherwise. */
export const FIXTURE_URI = 'file:///workspace/manifest.yaml';

/**
 * The host fixtures are checked with: the schemas, and the fixture's folder, which holds its file
 * alone. As in an editor, the folder can be read, so what a document names and the folder lacks
 * is missing (a claim's template), not merely unseen.
 */
export function fixtureHost(): CoreHost {
  return testHost({ [FIXTURE_URI]: '' });
}

/** Where the Triton checks' test repositories live. */
export const REPO = 'file:///repo';

/** A test host holding a model repository of the given files (paths relative to REPO; a path ending in `/` is an empty folder). */
export function repository(files: FileMap): CoreHost {
  return testHost(Object.fromEntries(Object.entries(files).map(([path, text]) => [`${REPO}/${path}`, text])));
}

/** Checks files against the disk as the server does: what a check asks for is loaded, then it runs again. */
export function diskChecker(): (file: SourceFile) => Promise<Validation> {
  const snapshot = new FileSnapshot();
  const loader = new FileLoader(snapshot, nodeFileSystem());
  const service = createLanguageService({
    schemas: repositorySchemas,
    fileExists: (uri) => snapshot.fileExists(uri),
    readFile: (uri) => snapshot.readFile(uri),
    listDirectory: (uri) => snapshot.listDirectory(uri),
  });
  return async (file) => {
    const validation = await loader.settle(() => service.validate(file));
    if (!validation) throw new Error(`the check of ${file.uri} was given up`);
    return validation;
  };
}
