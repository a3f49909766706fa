// A traceback's path in a container is found in the workspace by name, the longest shared tail of
// folders winning.
import * as assert from 'node:assert/strict';
import { bestSourceMatch, sourceBasename, sourceGlob } from './source-paths';

describe('traceback paths in the workspace', () => {
  it('look files up by name, never by a name that cannot be a file', () => {
    assert.equal(sourceGlob('/workspace/train.py'), '**/train.py');
    assert.equal(sourceGlob('train.py'), '**/train.py');
    assert.equal(sourceBasename('<frozen runpy>'), undefined);
    assert.equal(sourceBasename('<string>'), undefined);
    assert.equal(sourceBasename('/usr/lib/python3.11/'), undefined);
    assert.equal(sourceGlob('/app/[x].py'), undefined);
  });

  it('pick the candidate sharing the most folders with the written path', () => {
    const candidates = ['examples/train.py', 'src/model/train.py', 'tools/model/train.py', 'model/train.py'];
    assert.equal(bestSourceMatch('/app/src/model/train.py', candidates), 'src/model/train.py');
    assert.equal(bestSourceMatch('/workspace/model/train.py', candidates), 'model/train.py', 'the shorter on a tie');
    assert.equal(bestSourceMatch('/workspace/train.py', candidates), 'examples/train.py');
    assert.equal(bestSourceMatch('/workspace/eval.py', candidates), undefined);
  });
});
