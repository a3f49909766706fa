// The manifests beside a document, for the checks that follow a name to another object (a
// TrainJob's runtime, a pod's claim templates, a PodGroup's pods): the YAML files of the same
// folder, as `kubectl apply -f <folder>` applies them together. A file is read only when its text
// holds a word the caller looks for, and parsed once for each text it has.
import type { YamlNode } from '../document';
import { splitUri } from '../file-kind';
import type { CoreHost } from '../host';
import { parseYamlFile } from '../parse/yaml-file';
import { memoByString } from './index';

export interface NeighbourFile {
  /** The file's name, for messages. */
  name: string;
  roots: readonly (YamlNode | null)[];
}

/** Parses by text: the same files are read by several rules, and again at every check. */
const rootsOf = memoByString((text: string) => parseYamlFile(text).documents.map((document) => document.root), 64);

/**
 * The other YAML files of the document's folder whose text contains `word`; undefined when the
 * folder cannot be listed (no host that lists folders, a scheme without folders, a folder not
 * loaded yet): then nothing can be said to be missing.
 */
export function neighbourFiles(uri: string, host: CoreHost, word: RegExp): NeighbourFile[] | undefined {
  const { folder, name: self } = splitUri(uri);
  const entries = host.listDirectory?.(folder);
  if (!entries) return undefined;
  const files: NeighbourFile[] = [];
  for (const entry of entries) {
    if (entry.directory || entry.name === self || !/\.ya?ml$/.test(entry.name)) continue;
    const text = host.readFile?.(`${folder}/${encodeURIComponent(entry.name)}`);
    if (text && word.test(text)) files.push({ name: entry.name, roots: rootsOf(text) });
  }
  return files;
}
