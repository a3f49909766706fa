// Trust is what the client said, and nothing else: untrusted until told, and only by a `true`.
import * as assert from 'node:assert/strict';
import { WorkspaceTrust } from './workspace-trust';

describe('workspace trust', () => {
  it('is untrusted until the client says otherwise', () => {
    const trust = new WorkspaceTrust();
    assert.equal(trust.trusted, false);
    for (const options of [undefined, null, {}, { mlinfra: {} }, { mlinfra: { trusted: 'true' } }, { trusted: true }]) {
      trust.initialize(options);
      assert.equal(trust.trusted, false, JSON.stringify(options));
    }
    trust.initialize({ mlinfra: { trusted: true } });
    assert.equal(trust.trusted, true);
  });

  it('follows the notifications', () => {
    const trust = new WorkspaceTrust();
    trust.changed(true);
    assert.equal(trust.trusted, true);
    trust.changed(undefined);
    assert.equal(trust.trusted, false);
  });
});
