// The GPU rules over the protocol: diagnostics linked to their page, the user's rule levels read
// from the settings, and the GPU summary as a CodeLens above each workload.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeLens } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../harness/lsp-client';

const uri = 'file:///workspace/train.yaml';
const pod = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: train',
  'spec:',
  '  containers:',
  '    - name: trainer',
  '      image: nvcr.io/nvidia/pytorch:24.05-py3',
  '      resources:',
  '        requests:',
  '          nvidia.com/gpu: 2',
  '',
].join('\n');

describe('GPU rules over stdio', function () {
  this.timeout(20000);
  let client: LspTestClient;

  beforeEach(() => {
    client = LspTestClient.start();
  });
  afterEach(() => client.kill());

  it('reports a rule with its code and a link to its page shipped beside the server', async () => {
    await client.initialize();
    await client.open(uri, pod);
    const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const rule = diagnostics.find((d) => d.code === 'gpu/limit-required');
    assert.ok(rule, JSON.stringify(diagnostics));
    assert.deepEqual(rule.range, { start: { line: 10, character: 10 }, end: { line: 10, character: 24 } });
    assert.ok(rule.codeDescription?.href.endsWith('/docs/rules/gpu/limit-required.md'), rule.codeDescription?.href);
    assert.ok(rule.codeDescription && existsSync(fileURLToPath(rule.codeDescription.href)), 'the page exists');
  });

  it('honours mlinfra.rules from the settings', async () => {
    client.settings = { mlinfra: { rules: { 'gpu/limit-required': 'off' } } };
    await client.initialize();
    await client.open(uri, pod);
    const { diagnostics } = await client.diagnostics(uri);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'gpu/limit-required'),
      [],
    );
  });

  it('shows the GPU summary above a workload', async () => {
    await client.initialize();
    await client.open(uri, pod.replace('requests:', 'limits:'));
    const lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses, [
      {
        range: { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } },
        command: { title: '2 GPUs · pod 1 × 2 · ≥ 1 node of 8 GPUs', command: '' },
      },
    ]);
  });
});
