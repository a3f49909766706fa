// The snapshot answers only from what was loaded, records what it could not answer, and forgets
// what a file change may have made wrong.
import * as assert from 'node:assert/strict';
import { FileSnapshot } from './file-snapshot';

const ROOT = 'file:///repo';

describe('file snapshot', () => {
  it('answers nothing it has not loaded, and records each missed question once', () => {
    const snapshot = new FileSnapshot();
    const { result, missed } = snapshot.record(() => [
      snapshot.readFile(`${ROOT}/a/config.pbtxt`),
      snapshot.listDirectory(`${ROOT}/a`),
      snapshot.listDirectory(`${ROOT}/a`),
      snapshot.fileExists(`${ROOT}/chart/Chart.yaml`),
    ]);
    assert.deepEqual(result, [undefined, undefined, undefined, false]);
    assert.deepEqual(missed, [
      { kind: 'text', uri: `${ROOT}/a/config.pbtxt` },
      { kind: 'listing', uri: `${ROOT}/a` },
      { kind: 'stat', uri: `${ROOT}/chart/Chart.yaml` },
    ]);
    // Outside a record, a miss is only an answer of "unknown".
    assert.equal(snapshot.readFile(`${ROOT}/a/config.pbtxt`), undefined);
  });

  it('answers what was loaded, remembers what does not exist, and answers existence from a folder listing', () => {
    const snapshot = new FileSnapshot();
    const at = snapshot.generation;
    snapshot.answer({ kind: 'text', uri: `${ROOT}/a/config.pbtxt` }, 'name: "a"', at);
    const entries = [
      { name: '1', directory: true },
      { name: 'config.pbtxt', directory: false },
    ];
    snapshot.answer({ kind: 'listing', uri: `${ROOT}/a` }, entries, at);
    snapshot.answer({ kind: 'listing', uri: `${ROOT}/gone` }, undefined, at);
    snapshot.answer({ kind: 'stat', uri: `${ROOT}/chart/Chart.yaml` }, { directory: false }, at);
    const { result, missed } = snapshot.record(() => [
      snapshot.readFile(`${ROOT}/a/config.pbtxt`),
      snapshot.listDirectory(`${ROOT}/a`)?.map((entry) => entry.name),
      snapshot.listDirectory(`${ROOT}/gone`),
      snapshot.fileExists(`${ROOT}/chart/Chart.yaml`),
      snapshot.fileExists(`${ROOT}/a/config.pbtxt`),
      snapshot.fileExists(`${ROOT}/a/labels.txt`),
    ]);
    assert.deepEqual(result, ['name: "a"', ['1', 'config.pbtxt'], undefined, true, true, false]);
    assert.deepEqual(missed, []);
  });

  it('forgets a changed file, what lies under it and the listings of the folders above it', () => {
    const snapshot = new FileSnapshot();
    const at = snapshot.generation;
    const known = [`${ROOT}`, `${ROOT}/a`, `${ROOT}/a/1`, `${ROOT}/a/1/sub`, `${ROOT}/ab`, `${ROOT}/b`];
    for (const uri of known) snapshot.answer({ kind: 'listing', uri }, [], at);
    snapshot.answer({ kind: 'text', uri: `${ROOT}/b/config.pbtxt` }, 'name: "b"', at);
    snapshot.invalidate(`${ROOT}/a/1`);
    const { missed } = snapshot.record(() => {
      known.forEach((uri) => snapshot.listDirectory(uri));
      snapshot.readFile(`${ROOT}/b/config.pbtxt`);
    });
    assert.deepEqual(
      missed.map((question) => question.uri),
      [`${ROOT}`, `${ROOT}/a`, `${ROOT}/a/1`, `${ROOT}/a/1/sub`],
    );
  });

  it('drops an answer loaded before files changed: it may be stale', () => {
    const snapshot = new FileSnapshot();
    const before = snapshot.generation;
    snapshot.invalidate(`${ROOT}/a/config.pbtxt`);
    snapshot.answer({ kind: 'text', uri: `${ROOT}/a/config.pbtxt` }, 'old text', before);
    const { missed } = snapshot.record(() => snapshot.readFile(`${ROOT}/a/config.pbtxt`));
    assert.deepEqual(missed, [{ kind: 'text', uri: `${ROOT}/a/config.pbtxt` }]);
  });
});
