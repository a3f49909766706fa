// The loader runs a check, loads what it missed through the async file system and runs it again,
// until the check has every answer it asked for; each file is read once however many ask.
import * as assert from 'node:assert/strict';
import { FileSnapshot } from './core/file-snapshot';
import type { DirectoryEntry, FileSystem } from './core/host';
import { FileLoader } from './file-loader';

const ROOT = 'file:///repo';

/** A file system over a map of folders and files that counts every call. */
function countingFiles(listings: Record<string, DirectoryEntry[]>, texts: Record<string, string>) {
  const calls: string[] = [];
  const files: FileSystem = {
    readFile: async (uri) => (calls.push(`readFile ${uri}`), texts[uri]),
    readDirectory: async (uri) => (calls.push(`readDirectory ${uri}`), listings[uri]),
    stat: async (uri) => {
      calls.push(`stat ${uri}`);
      return uri in texts ? { directory: false } : uri in listings ? { directory: true } : undefined;
    },
  };
  return { files, calls };
}

describe('file loader', () => {
  const listings = {
    [ROOT]: [
      { name: 'a', directory: true },
      { name: 'b', directory: true },
    ],
  };
  const texts = { [`${ROOT}/a/config.pbtxt`]: 'name: "a"', [`${ROOT}/b/config.pbtxt`]: 'name: "b"' };

  /** Lists the repository, then reads each model's config: two levels, as an ensemble check does. */
  const configsOf = (snapshot: FileSnapshot) => () =>
    (snapshot.listDirectory(ROOT) ?? []).map((entry) => snapshot.readFile(`${ROOT}/${entry.name}/config.pbtxt`));

  it('loads what a check asks for, a level at a time, until it has every answer', async () => {
    const snapshot = new FileSnapshot();
    const { files, calls } = countingFiles(listings, texts);
    const runs: number[] = [];
    const check = configsOf(snapshot);
    const result = await new FileLoader(snapshot, files).settle(() => (runs.push(runs.length + 1), check()));
    assert.deepEqual(result, ['name: "a"', 'name: "b"']);
    assert.deepEqual(runs, [1, 2, 3]);
    assert.deepEqual(calls, [`readDirectory ${ROOT}`, `readFile ${ROOT}/a/config.pbtxt`, `readFile ${ROOT}/b/config.pbtxt`]);
  });

  it('reads a file once when two checks miss it at the same time, and not again once loaded', async () => {
    const snapshot = new FileSnapshot();
    const { files, calls } = countingFiles(listings, texts);
    const loader = new FileLoader(snapshot, files);
    await Promise.all([loader.settle(configsOf(snapshot)), loader.settle(configsOf(snapshot))]);
    await loader.settle(configsOf(snapshot));
    assert.equal(calls.length, 3, calls.join('\n'));
  });

  it('gives up a check that a newer one replaces, and stops after a few rounds', async () => {
    const { files, calls } = countingFiles(listings, texts);
    const snapshot = new FileSnapshot();
    assert.equal(await new FileLoader(snapshot, files).settle(configsOf(snapshot), () => false), undefined);
    assert.equal(calls.length, 1);
    // A check that asks for something new on every run still ends, with what it has.
    let n = 0;
    const endless = new FileSnapshot();
    assert.equal(await new FileLoader(endless, files).settle(() => endless.readFile(`${ROOT}/file-${n++}`) ?? 'unread'), 'unread');
    assert.equal(n, 6);
  });

  it('remembers a file that cannot be read as missing, even when the file system fails', async () => {
    const snapshot = new FileSnapshot();
    const failing: FileSystem = {
      readFile: () => Promise.reject(new Error('EIO')),
      readDirectory: () => Promise.reject(new Error('EIO')),
      stat: () => Promise.reject(new Error('EIO')),
    };
    assert.deepEqual(await new FileLoader(snapshot, failing).settle(configsOf(snapshot)), []);
    assert.deepEqual(snapshot.record(configsOf(snapshot)).missed, []);
  });
});
