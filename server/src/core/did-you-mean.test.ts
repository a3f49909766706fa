import * as assert from 'node:assert/strict';
import { didYouMean, editDistance } from './did-you-mean';

describe('didYouMean', () => {
  it('counts a swap of neighbours as one edit', () => {
    assert.equal(editDistance('replicsa', 'replicas'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('suggests the near name', () => {
    assert.equal(didYouMean('replica', ['restartPolicy', 'replicas', 'template']), 'replicas');
    assert.equal(didYouMean('contianers', ['containers', 'initContainers']), 'containers');
    assert.equal(didYouMean('restartpolicy', ['restartPolicy']), 'restartPolicy');
    assert.equal(didYouMean('TYPE_FP23', ['TYPE_FP16', 'TYPE_FP32', 'TYPE_INT32']), 'TYPE_FP32');
  });

  it('suggests nothing for an unrelated name', () => {
    assert.equal(didYouMean('banana', ['replicas', 'template']), undefined);
    assert.equal(didYouMean('x', ['replicas']), undefined);
  });
});
