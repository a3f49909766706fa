// The workspace's trust as the server holds it: untrusted until the client says otherwise, at
// start (initializationOptions) or later (mlinfra/trustChanged). Only then may it run a program.
import * as assert from 'node:assert/strict';
import { TrustChangedNotification, WorkspaceTrustRequest, type InitializationOptions } from '../../common/protocol';
import { LspTestClient } from '../harness/lsp-client';

describe('workspace trust over stdio', function () {
  this.timeout(20000);
  let client: LspTestClient;

  beforeEach(() => {
    client = LspTestClient.start();
  });
  afterEach(() => client.kill());

  const trusted = async () => (await client.connection.sendRequest<WorkspaceTrustRequest.Result>(WorkspaceTrustRequest.method)).trusted;

  it('starts untrusted when the client says nothing, and follows mlinfra/trustChanged', async () => {
    await client.initialize();
    assert.equal(await trusted(), false);
    const granted: TrustChangedNotification.Params = { trusted: true };
    await client.connection.sendNotification(TrustChangedNotification.method, granted);
    assert.equal(await trusted(), true);
  });

  it('is trusted when initializationOptions say so, and only by a true', async () => {
    const options: InitializationOptions = { mlinfra: { trusted: true } };
    await client.initialize(null, options);
    assert.equal(await trusted(), true);
    client.kill();
    client = LspTestClient.start();
    await client.initialize(null, { mlinfra: { trusted: 'yes' } });
    assert.equal(await trusted(), false);
  });

  it('does not take trust from the workspace settings', async () => {
    client.settings = { mlinfra: { trusted: true } };
    await client.initialize();
    await client.notification('mlinfra/serverReady');
    assert.equal(await trusted(), false);
  });
});
