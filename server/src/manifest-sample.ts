// The heads of the workspace's YAML files, read at start-up so that the validators of the kinds
// they declare are ready before the user opens one (the first check of a kind pays for loading
// them, or for compiling a user's CRD). Bounded: a monorepo is sampled, never read whole; anything
// unreadable is skipped.
// Read asynchronously: requests are answered while the sample is taken.
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface SampleLimits {
  /** YAML files read at most. */
  files: number;
  /** Directory entries looked at, at most, over all folders. */
  entries: number;
  /** Bytes read from the start of each file: the first documents name the kinds. */
  headBytes: number;
  depth: number;
}

export const SAMPLE_LIMITS: SampleLimits = { files: 100, entries: 5000, headBytes: 16 * 1024, depth: 6 };

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** The whole documents among the first `headBytes` of a file: cut before a `---` that may start a cut-off one. */
export function headOf(text: string, complete: boolean): string {
  if (complete) return text;
  const separator = text.lastIndexOf('\n---');
  if (separator > 0) return text.slice(0, separator + 1);
  return text.slice(0, text.lastIndexOf('\n') + 1);
}

async function readHead(path: string, bytes: number): Promise<string | undefined> {
  const file = await open(path, 'r').catch(() => undefined);
  if (!file) return undefined;
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    // A cut multi-byte character at the end decodes to U+FFFD inside the dropped last line.
    return headOf(buffer.toString('utf8', 0, bytesRead), bytesRead < bytes);
  } catch {
    return undefined;
  } finally {
    await file.close().catch(() => undefined);
  }
}

/** The heads of up to `limits.files` YAML files under the workspace folders (file: URIs only), breadth first. */
export async function sampleManifests(
  folderUris: readonly string[],
  limits: SampleLimits = SAMPLE_LIMITS,
): Promise<{ uri: string; text: string }[]> {
  const found: { uri: string; text: string }[] = [];
  let entries = 0;
  let level: string[] = folderUris.flatMap((uri) => {
    try {
      return uri.startsWith('file:') ? [fileURLToPath(uri)] : [];
    } catch {
      return [];
    }
  });
  for (let depth = 0; depth <= limits.depth && level.length; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      const children = await readdir(folder, { withFileTypes: true }).catch(() => undefined);
      if (!children) continue;
      for (const child of children.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (++entries > limits.entries || found.length >= limits.files) return found;
        const path = join(folder, child.name);
        if (child.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(child.name) && !child.name.startsWith('.')) next.push(path);
        } else if (child.isFile() && /\.ya?ml$/i.test(child.name)) {
          const text = await readHead(path, limits.headBytes);
          if (text) found.push({ uri: pathToFileURL(path).href, text });
        }
      }
    }
    level = next;
  }
  return found;
}
