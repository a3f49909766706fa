// `mlinfra.yaml.libraryParser` over the protocol: turning it on through a configuration change
// re-checks the open manifest with the `yaml` library, says so in the log, and the editor gets
// the same diagnostics as from the fast parser.
import * as assert from 'node:assert/strict';
import { LspTestClient } from '../harness/lsp-client';

const uri = 'file:///workspace/train.yaml';
const pod = (name: string, gpus: string) =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  containers:',
    '    - name: trainer',
    '      image: nvcr.io/nvidia/pytorch:24.05-py3',
    '      resources:',
    '        requests:',
    `          nvidia.com/gpu: ${gpus}`,
    '',
  ].join('\n');
// A rule finding, a schema finding and a syntax error, in three documents.
const manifest = [pod('train', '2'), pod('eval', '"two"'), `${pod('broken', '1')}  restartPolicy Never\n`].join('---\n');

function logged(client: LspTestClient): string[] {
  return client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
}

describe('the library parser setting over stdio', function () {
  this.timeout(20000);
  let client: LspTestClient;

  beforeEach(() => {
    client = LspTestClient.start();
  });
  afterEach(() => client.kill());

  it('keeps the diagnostics identical when turned on and off again', async () => {
    await client.initialize();
    await client.open(uri, manifest);
    const fast = await client.diagnostics(uri);
    const codes = fast.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('gpu/limit-required'), JSON.stringify(codes));
    assert.ok(
      codes.some((code) => String(code).startsWith('schema/')),
      JSON.stringify(codes),
    );
    assert.ok(
      codes.some((code) => String(code).startsWith('yaml/')),
      JSON.stringify(codes),
    );

    client.settings = { mlinfra: { yaml: { libraryParser: true } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const library = await client.diagnostics(uri);
    assert.deepEqual(library, fast);
    assert.ok(
      logged(client).includes('YAML is parsed by the yaml library alone (mlinfra.yaml.libraryParser is on).'),
      logged(client).join('\n'),
    );

    client.settings = { mlinfra: { yaml: { libraryParser: false } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await client.diagnostics(uri), fast);
    assert.ok(logged(client).some((message) => message.startsWith("YAML is parsed by mlinfra's fast parser")));
  });

  it('reads the setting at start-up', async () => {
    client.settings = { mlinfra: { yaml: { libraryParser: true } } };
    await client.initialize();
    await client.open(uri, manifest);
    const { diagnostics } = await client.diagnostics(uri);
    assert.ok(diagnostics.some((d) => d.code === 'gpu/limit-required'));
    assert.ok(logged(client).includes('YAML is parsed by the yaml library alone (mlinfra.yaml.libraryParser is on).'));
  });
});
