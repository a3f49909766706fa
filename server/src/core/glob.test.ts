import * as assert from 'node:assert/strict';
import { matchesGlob } from './glob';

describe('matchesGlob', () => {
  it('matches file names anywhere when the glob has no slash', () => {
    assert.ok(matchesGlob('deploy/jobs/train.yaml', '*.yaml'));
    assert.ok(!matchesGlob('deploy/jobs/train.yml', '*.yaml'));
  });

  it('matches paths with ** and * segments', () => {
    assert.ok(matchesGlob('deploy/jobs/train.yaml', '**/jobs/*.yaml'));
    assert.ok(matchesGlob('jobs/train.yaml', '**/jobs/*.yaml'));
    assert.ok(!matchesGlob('deploy/jobs/nested/train.yaml', 'deploy/jobs/*.yaml'));
    assert.ok(matchesGlob('deploy/jobs/nested/train.yaml', 'deploy/**'));
    assert.ok(matchesGlob('configs/a.yml', './configs/{a,b}.yml'));
    assert.ok(!matchesGlob('configs/c.yml', 'configs/{a,b}.yml'));
  });
});
