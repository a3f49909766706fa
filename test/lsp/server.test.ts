// The built language server, spawned as `node dist/server.js --stdio` and spoken to over LSP,
// as Neovim, Helix or Emacs would.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspTestClient, serverPath } from '../harness/lsp-client';

const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
const uri = 'file:///workspace/train.yaml';
// Syntax findings link to their entry on the page of syntax and schema codes, shipped beside the server.
const syntaxPage = `${pathToFileURL(join(__dirname, '..', '..', '..', 'docs', 'rules')).href}/syntax-and-schema.md`;
const broken = [
  'apiVersion: batch/v1',
  'kind: Job',
  'metadata:',
  '  name: a',
  '  name: b',
  '---',
  'kind: Pod',
  'spec:',
  '\tcontainers: []',
  '',
].join('\n');

const duplicateName = {
  range: { start: { line: 4, character: 2 }, end: { line: 4, character: 6 } },
  severity: DiagnosticSeverity.Error,
  source: 'mlinfra',
  code: 'yaml/duplicate-key',
  codeDescription: { href: `${syntaxPage}#yamlduplicate-key` },
  message:
    'Duplicate key "name": it is already set on line 4. Kubernetes and most YAML tools reject the file or keep only one value; remove or rename one of them.',
  relatedInformation: [
    { location: { uri, range: { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } } }, message: 'First "name" is here.' },
  ],
};
const tabIndent = {
  range: { start: { line: 8, character: 0 }, end: { line: 8, character: 1 } },
  severity: DiagnosticSeverity.Error,
  source: 'mlinfra',
  code: 'yaml/tab-as-indent',
  codeDescription: { href: `${syntaxPage}#yamltab-as-indent` },
  message: 'Tab used for indentation: YAML allows only spaces there. Replace the tab with spaces.',
};

describe('language server over stdio', function () {
  this.timeout(20000);
  let client: LspTestClient;

  beforeEach(() => {
    client = LspTestClient.start();
  });
  afterEach(() => client.kill());

  it('answers initialize with its name, version and document sync', async () => {
    const result = await client.initialize();
    assert.deepEqual(result.serverInfo, { name: 'mlinfra', version });
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(await client.notification('mlinfra/serverReady'), { version, nodeVersion: process.version });
  });

  it('publishes the exact diagnostics of every document in an opened file', async () => {
    await client.initialize();
    await client.open(uri, broken);
    const published = await client.diagnostics(uri);
    assert.equal(published.version, 1);
    assert.deepEqual(published.diagnostics, [duplicateName, tabIndent]);
  });

  it('publishes updated diagnostics after incremental edits', async () => {
    await client.initialize();
    await client.open(uri, broken);
    await client.diagnostics(uri);
    // Delete the second `name` line, then replace the tab with two spaces.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 8, character: 0 }, end: { line: 8, character: 1 } }, text: '  ' },
        { range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, text: '' },
      ],
    });
    const published = await client.diagnostics(uri, (p) => p.version === 2);
    // Its syntax sound, the second document is checked against the Pod schema.
    const missingApiVersion = ['schema/missing-field', 5, 0, 'Missing required field "apiVersion" in Pod.'];
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]),
      [missingApiVersion],
    );
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 3, character: 9 }, end: { line: 3, character: 9 } }, text: ': x' }],
    });
    const again = await client.diagnostics(uri, (p) => p.version === 3);
    assert.deepEqual(
      again.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]),
      [
        [
          'yaml/colon-in-value',
          3,
          8,
          'This value contains ": ", which YAML reads as the start of another key. Put the value in quotes: "a: x".',
        ],
        missingApiVersion,
      ],
    );
  });

  it('clears diagnostics when a document closes', async () => {
    await client.initialize();
    await client.open(uri, broken);
    await client.diagnostics(uri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
  });

  it('never reports Helm templates, and serves Triton configs whatever their language id', async () => {
    await client.initialize();
    const template = 'file:///chart/templates/job.yaml';
    await client.open(
      template,
      'kind: Job\nmetadata:\n  name: {{ .Release.Name }}\n  {{- with .Values.labels }}\n  labels: {{- toYaml . | nindent 4 }}\n  {{- end }}\n',
    );
    assert.deepEqual((await client.diagnostics(template)).diagnostics, []);
    const triton = 'file:///models/m/config.pbtxt';
    await client.open(triton, 'name: "m"\n', 'plaintext');
    assert.deepEqual((await client.diagnostics(triton)).diagnostics, []);
  });

  it('checks open files again when a Chart.yaml appears, so chart templates stop being YAML', async () => {
    const chart = mkdtempSync(join(tmpdir(), 'mlinfra-chart-'));
    mkdirSync(join(chart, 'templates'));
    const template = pathToFileURL(join(chart, 'templates', 'job.yaml')).href;
    await client.initialize(pathToFileURL(chart).href);
    // Without template actions and without a Chart.yaml beside templates/, this is plain YAML.
    await client.open(template, 'apiVersion: v1\nkind: Job\nkind: Pod\n');
    assert.deepEqual(
      (await client.diagnostics(template)).diagnostics.map((d) => d.code),
      ['yaml/duplicate-key'],
    );
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: demo\nversion: 0.1.0\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(chart, 'Chart.yaml')).href, type: 1 }],
    });
    assert.deepEqual((await client.diagnostics(template)).diagnostics, []);
  });

  it('keeps serving after input that is not YAML at all', async () => {
    await client.initialize();
    const garbage = 'file:///workspace/garbage.yaml';
    await client.open(garbage, '\u0000\u0001{{{[[[: : :\n\t\t- - -\n"'.repeat(200));
    const published = await client.diagnostics(garbage);
    assert.ok(published.diagnostics.length > 0);
    await client.open(uri, broken);
    assert.equal((await client.diagnostics(uri)).diagnostics.length, 2);
  });

  it('shuts down and exits cleanly when asked', async () => {
    await client.initialize();
    assert.equal(await client.shutdown(), 0);
  });
});

describe('language server command line', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [serverPath, ...args], { encoding: 'utf8', timeout: 10000 });

  it('prints its version and help', () => {
    assert.equal(run('--version').stdout, `${version}\n`);
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--stdio {10}talk LSP over standard input and output/);
  });

  it('refuses to start without a transport, saying why', () => {
    const result = run();
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^No transport given\.\n\nmlinfra language server/);
  });
});
