// The package part of the bench: builds the .vsix as `npm run package` does (a production build,
// then vsce with .vscodeignore) into the bench's temp folder, reads what each file takes in it
// from the zip's central directory, and builds the development bundles again afterwards, so that
// dist/ is left as the other parts measured it.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface VsixEntry {
  /** Path inside the package: `extension/dist/server.js`. */
  name: string;
  /** Bytes in the .vsix (compressed) and on disk once installed. */
  compressed: number;
  size: number;
}

export interface PackageResult {
  bytes: number;
  entries: VsixEntry[];
  buildMs: number;
  error?: string;
}

/** The entries of a zip file, from its central directory (the .vsix is one). */
export function zipEntries(zip: Buffer): VsixEntry[] {
  // The end-of-central-directory record: the last 22 bytes, or before a comment of up to 64 kB.
  let end = zip.length - 22;
  while (end >= Math.max(0, zip.length - 22 - 0xffff) && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0 || zip.readUInt32LE(end) !== 0x06054b50) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: VsixEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`broken central directory at entry ${i}`);
    const [nameLength, extraLength, commentLength] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, compressed: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function run(root: string, args: string[]): string | undefined {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? undefined : `${args.join(' ')} failed: ${(result.stderr || result.stdout).trim().slice(-500)}`;
}

export function runPackageScenario(root: string, temp: string): PackageResult {
  const vsix = join(temp, 'mlinfra.vsix');
  const started = performance.now();
  const error = run(root, ['scripts/package.mjs', '--out', vsix]);
  const buildMs = performance.now() - started;
  const restored = run(root, ['scripts/build.mjs']);
  if (error || restored) return { bytes: 0, entries: [], buildMs, error: error ?? restored };
  return { bytes: statSync(vsix).size, entries: zipEntries(readFileSync(vsix)), buildMs };
}
