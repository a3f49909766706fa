// What a config sees of the model repository around it: its own model folder (version folders
// and the files in them) and the other models, whose configs it reads through the host. Nothing
// is cached across checks except parses by text: the files may change between two checks.
import type { CoreHost, DirectoryEntry } from '../../host';
import { ConfigNode } from '../config-view';
import type { PbDocument } from '../pbtxt-ast';
import { parsePbtxt } from '../pbtxt-parser';

/** Another model of the repository, as its folder and config show it. */
export interface RepositoryModel {
  name: string;
  /** The URI of its config.pbtxt. */
  configUri: string;
  /** Its config as parsed (syntax errors recovered); undefined when the folder has no config.pbtxt (auto-complete fills it in). */
  config?: ConfigNode;
}

/**
 * A numbered version folder of a model: Triton ignores folders whose name is not a number, and
 * those with a leading zero (`01`), which it warns about.
 */
export interface VersionFolder {
  version: number;
  name: string;
  entries: DirectoryEntry[];
}

export interface RepositoryView {
  /** The version folders of the checked model, in version order; undefined when folders cannot be listed. */
  versions(): VersionFolder[] | undefined;
  /** The model named `name` beside the checked one: a model, `missing` when no such folder, undefined when unknown. */
  model(name: string): RepositoryModel | 'missing' | undefined;
  /** The version numbers of the folders of the model named `name` beside the checked one; undefined when they cannot be listed. */
  versionsOf(name: string): number[] | undefined;
  /** Names of every model folder of the repository; undefined when folders cannot be listed. */
  modelNames(): string[] | undefined;
  /** The text of a file in the folder of the model named `name` (`1/model.py`); undefined when it cannot be read. */
  fileOf(name: string, path: string): string | undefined;
}

/** Parses of other configs, kept by text so that an unchanged file is parsed once. */
export class ConfigCache {
  private readonly parses = new Map<string, PbDocument>();

  parse(uri: string, text: string): PbDocument {
    const cached = this.parses.get(uri);
    if (cached?.text === text) return cached;
    const parsed = parsePbtxt(text);
    this.parses.set(uri, parsed);
    return parsed;
  }
}

/** The view from the model folder `modelFolderUri` (the folder holding the checked config.pbtxt). */
export function repositoryView(host: CoreHost, modelFolderUri: string, cache: ConfigCache): RepositoryView | undefined {
  const list = host.listDirectory?.bind(host);
  if (!list || !modelFolderUri) return undefined;
  const repositoryUri = modelFolderUri.slice(0, modelFolderUri.lastIndexOf('/'));
  let modelNames: string[] | undefined | null = null;
  /** The version folders in a model folder, by name; undefined when it cannot be listed. */
  const versionFolders = (folderUri: string) =>
    list(folderUri)
      ?.filter((entry) => entry.directory && /^(0|[1-9]\d*)$/.test(entry.name))
      .map((entry) => ({ version: Number(entry.name), name: entry.name }))
      .sort((a, b) => a.version - b.version);
  return {
    versions() {
      return versionFolders(modelFolderUri)?.map((folder) => ({
        ...folder,
        entries: list(`${modelFolderUri}/${encodeURIComponent(folder.name)}`) ?? [],
      }));
    },
    versionsOf(name) {
      // Only the folders' names: what is in them is the other model's own check.
      if (!this.modelNames()?.includes(name)) return undefined;
      return versionFolders(`${repositoryUri}/${encodeURIComponent(name)}`)?.map((folder) => folder.version);
    },
    modelNames() {
      if (modelNames === null)
        modelNames = list(repositoryUri)
          ?.filter((entry) => entry.directory && !entry.name.startsWith('.'))
          .map((entry) => entry.name);
      return modelNames;
    },
    fileOf(name, path) {
      if (!this.modelNames()?.includes(name)) return undefined;
      return host.readFile?.(`${repositoryUri}/${[name, ...path.split('/')].map(encodeURIComponent).join('/')}`);
    },
    model(name) {
      const names = this.modelNames();
      if (!names) return undefined;
      if (!names.includes(name)) return 'missing';
      const configUri = `${repositoryUri}/${encodeURIComponent(name)}/config.pbtxt`;
      const text = host.readFile?.(configUri);
      if (text === undefined) return { name, configUri };
      return { name, configUri, config: new ConfigNode(cache.parse(configUri, text).root) };
    },
  };
}
