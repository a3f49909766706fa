// Reads what the user's schema settings point at, from the file system: the CRD files and
// folders of `mlinfra.schemas.crds`, and the glob → schema file map of `mlinfra.schemas.files`.
// Paths are relative to the workspace folder (or absolute). The core gets texts and URIs only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

function yamlFilesUnder(path: string, found: string[]): void {
  for (const name of readdirSync(path).sort()) {
    if (found.length >= MAX_CRD_FILES) return;
    const child = join(path, name);
    const stat = statSync(child);
    if (stat.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(name)) yamlFilesUnder(child, found);
    } else if (/\.ya?ml$/i.test(name)) {
      found.push(child);
    }
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

/** Reads every CRD file the setting names, relative to the first workspace folder. */
export function readCrdFiles(settings: SchemaSettings, folders: string[]): ReadCrds {
  const base = folders.map(folderPath).find((p) => p !== undefined) ?? process.cwd();
  const problems: string[] = [];
  const paths: string[] = [];
  const roots: string[] = [];
  for (const entry of strings(settings.crds)) {
    const path = isAbsolute(entry) ? entry : resolve(base, entry);
    roots.push(pathToFileURL(path).href.replace(/\/$/, ''));
    try {
      if (statSync(path).isDirectory()) yamlFilesUnder(path, paths);
      else paths.push(path);
    } catch {
      problems.push(`mlinfra.schemas.crds: ${entry} does not exist (looked for ${path}).`);
    }
  }
  const files: ReadCrds['files'] = [];
  for (const path of paths) {
    try {
      files.push({ uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') });
    } catch (error) {
      problems.push(`mlinfra.schemas.crds: cannot read ${path}: ${(error as Error).message}`);
    }
  }
  return { files, roots, problems };
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
