// Reads what the user's schema settings point at: the CRD files and folders of
// `mlinfra.schemas.crds`, through the async file system (the disk, or the editor for the files
// it supplies), and the glob → schema file map of `mlinfra.schemas.files`. Paths are relative
// to the workspace folder (or absolute). The core gets texts and URIs only.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileSystem } from './core/host';

export interface SchemaSettings {
  crds?: unknown;
  files?: unknown;
}

export interface SchemaFileAssociation {
  folder: string;
  glob: string;
  schema: string;
}

export interface ReadCrds {
  files: { uri: string; text: string }[];
  /** URIs of the files and folders the setting names, to know which changes concern it. */
  roots: string[];
  problems: string[];
}

/** A folder of CRDs may be a whole repository: stop somewhere sensible. */
const MAX_CRD_FILES = 2000;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

function folderPath(folderUri: string): string | undefined {
  try {
    return folderUri.startsWith('file:') ? fileURLToPath(folderUri) : undefined;
  } catch {
    return undefined;
  }
}

async function yamlFilesUnder(files: FileSystem, uri: string, found: string[]): Promise<void> {
  const entries = (await files.readDirectory(uri)) ?? [];
  for (const entry of entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))) {
    if (found.length >= MAX_CRD_FILES) return;
    const child = `${uri}/${encodeURIComponent(entry.name)}`;
    if (entry.directory) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await yamlFilesUnder(files, child, found);
    } else if (/\.ya?ml$/i.test(entry.name)) {
      found.push(child);
    }
  }
}

/** The URI a setting's path names: relative to the workspace folder, or absolute. */
function entryUri(entry: string, folderUri = pathToFileURL(process.cwd()).href): string {
  const base = folderPath(folderUri);
  if (base !== undefined) return pathToFileURL(isAbsolute(entry) ? entry : resolve(base, entry)).href.replace(/\/$/, '');
  // A folder the editor supplies (vscode-vfs:, vscode-remote:): the path is resolved like a relative URL.
  try {
    return new URL(entry.replace(/\\/g, '/'), `${folderUri.replace(/\/$/, '')}/`).href.replace(/\/$/, '');
  } catch {
    return pathToFileURL(resolve(entry)).href;
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

/** Reads every CRD file the setting names, relative to the first workspace folder. */
export async function readCrdFiles(settings: SchemaSettings, folders: string[], files: FileSystem): Promise<ReadCrds> {
  const problems: string[] = [];
  const uris: string[] = [];
  const roots: string[] = [];
  for (const entry of strings(settings.crds)) {
    const uri = entryUri(entry, folders[0]);
    roots.push(uri);
    const stat = await files.stat(uri);
    if (!stat) problems.push(`mlinfra.schemas.crds: ${entry} does not exist (looked for ${shown(uri)}).`);
    else if (stat.directory) await yamlFilesUnder(files, uri, uris);
    else uris.push(uri);
  }
  const read: ReadCrds['files'] = [];
  for (const uri of uris) {
    const text = await files.readFile(uri);
    if (text === undefined) problems.push(`mlinfra.schemas.crds: cannot read ${shown(uri)}.`);
    else read.push({ uri, text });
  }
  return { files: read, roots, problems };
}

/** A path for `file:` URIs, as the user wrote it in the setting; the URI for others. */
function shown(uri: string): string {
  return folderPath(uri) ?? uri;
}

/** The glob → schema file map, with schema paths made into URIs. */
export function fileAssociations(settings: SchemaSettings, folders: string[]): SchemaFileAssociation[] {
  const map = settings.files && typeof settings.files === 'object' ? (settings.files as Record<string, unknown>) : {};
  const folderUri = folders[0] ?? pathToFileURL(process.cwd()).href;
  const base = folderPath(folderUri) ?? process.cwd();
  return Object.entries(map)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([glob, schema]) => ({
      folder: folderUri.replace(/\/$/, ''),
      glob,
      schema: /^[a-z][a-z0-9+.-]+:/i.test(schema) ? schema : pathToFileURL(isAbsolute(schema) ? schema : resolve(base, schema)).href,
    }));
}
