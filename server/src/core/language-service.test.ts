// The facade: which files get which checks.
import * as assert from 'node:assert/strict';
import { createLanguageService } from './language-service';
import { noFilesHost } from './host';
import { testHost } from '../../../test/harness/hosts';

const service = createLanguageService({ fileExists: (uri) => uri === 'file:///chart/Chart.yaml' });
const broken = 'a: 1\na: 2\n';

describe('language service', () => {
  it('checks YAML syntax of manifests, Chart.yaml and values files', () => {
    for (const uri of ['file:///k8s/job.yaml', 'file:///chart/Chart.yaml', 'file:///chart/values.yaml']) {
      assert.deepEqual(
        service.validate({ uri, text: broken }).findings.map((finding) => finding.code),
        ['yaml/duplicate-key'],
        uri,
      );
    }
  });

  it('never reports Helm templates as broken YAML', () => {
    const template = [
      'apiVersion: batch/v1',
      'kind: {{ .Values.kind }}',
      '{{- if .Values.labels }}',
      'metadata:',
      '  labels: {{- toYaml .Values.labels | nindent 4 }}',
      '{{- end }}',
    ].join('\n');
    assert.deepEqual(service.validate({ uri: 'file:///chart/templates/job.yaml', text: template }), {
      kind: 'helm-template',
      findings: [],
    });
    assert.deepEqual(service.validate({ uri: 'file:///chart/templates/_helpers.tpl', text: '{{ define "x" }}' }), {
      kind: 'helm-template',
      findings: [],
    });
  });

  it('does not check Triton configs as YAML', () => {
    assert.deepEqual(service.validate({ uri: 'file:///models/m/config.pbtxt', text: 'name: "m"\nmax_batch_size: 8\n' }), {
      kind: 'triton-config',
      findings: [],
    });
  });

  it('re-checks an edited multi-document file as a fresh check would', () => {
    const editing = createLanguageService(noFilesHost);
    const fresh = createLanguageService(noFilesHost);
    const uri = 'file:///k8s/jobs.yaml';
    const versions = [
      'kind: A\n---\nkind: B\n---\nkind: C\n',
      'kind: A\n---\nkind: B\nkind: B\n---\nkind: C\nc: 1\nc: 2\n',
      'x: [\n---\nkind: C\nc: 1\nc: 2\n',
    ];
    for (const text of versions) {
      assert.deepEqual(editing.validate({ uri, text }), fresh.validate({ uri: `${uri}?${text.length}`, text }), text);
    }
    editing.forget(uri);
    assert.deepEqual(editing.validate({ uri, text: versions[0] }).findings, []);
  });

  it('survives any input without throwing', () => {
    const nasty = ['\u0000', '- - - -', '{{{{', ': : :', '? ? ?', '&a *a', '"'.repeat(1000), '\t'.repeat(50), '%YAML 9.9\n---\n'];
    const plain = createLanguageService(noFilesHost);
    for (const text of nasty) assert.ok(Array.isArray(plain.validate({ uri: 'file:///x.yaml', text }).findings), JSON.stringify(text));
  });
});

describe('preparing a workspace file', () => {
  it('compiles what its documents use without changing what a check reports, and survives any text', () => {
    const job =
      'apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata:\n  name: a\nspec:\n  pytorchReplicaSpecs:\n    Worker:\n      replicas: two\n';
    const prepared = createLanguageService(testHost());
    for (const text of [job, 'kind: [\n', '{{ .Values }}\n', '- a\n- b\n', 'apiVersion: v1\nkind: Unknown\n'])
      prepared.prepare({ uri: 'file:///w/job.yaml', text });
    prepared.prepare({ uri: 'file:///w/model/config.pbtxt', text: 'name: "x"' });
    assert.deepEqual(
      prepared.validate({ uri: 'file:///w/job.yaml', text: job }),
      createLanguageService(testHost()).validate({ uri: 'file:///w/job.yaml', text: job }),
    );
  });
});
