// What a file is, from its URI, text and neighbours, whatever language id the editor sent.
import * as assert from 'node:assert/strict';
import { classifyFile } from './file-kind';
import type { CoreHost } from './host';

/** A host whose file system holds exactly the given URIs. */
function filesHost(...uris: string[]): CoreHost {
  return { fileExists: (uri) => uris.includes(uri) };
}

const chart = filesHost('file:///repo/charts/trainer/Chart.yaml', 'file:///repo/charts/trainer/charts/sub/Chart.yaml');

describe('classifyFile', () => {
  it('recognises Triton configs by name, whatever the language id', () => {
    assert.equal(classifyFile('file:///models/resnet/config.pbtxt', '', chart, 'plaintext'), 'triton-config');
    assert.equal(classifyFile('file:///models/resnet/other.pbtxt', '', chart), 'triton-config');
    assert.equal(classifyFile('untitled:Untitled-1', 'name: "x"', chart, 'pbtxt'), 'triton-config');
  });

  it('recognises the parts of a Helm chart', () => {
    assert.equal(classifyFile('file:///repo/charts/trainer/Chart.yaml', '', chart), 'helm-chart');
    assert.equal(classifyFile('file:///repo/charts/trainer/values.yaml', '', chart), 'helm-values');
    assert.equal(classifyFile('file:///repo/charts/trainer/values-prod.yaml', '', chart), 'helm-values');
    assert.equal(classifyFile('file:///repo/charts/trainer/templates/job.yaml', 'kind: Job', chart), 'helm-template');
    assert.equal(classifyFile('file:///repo/charts/trainer/templates/sub/dir/job.yaml', 'kind: Job', chart), 'helm-template');
    assert.equal(classifyFile('file:///repo/charts/trainer/templates/NOTES.txt', 'Hi', chart), 'helm-template');
    assert.equal(classifyFile('file:///repo/charts/trainer/templates/_helpers.tpl', '{{- define "x" }}', chart), 'helm-template');
    assert.equal(classifyFile('file:///repo/charts/trainer/charts/sub/templates/svc.yaml', '', chart), 'helm-template');
  });

  it('treats templates/ folders outside charts as plain YAML unless they use template actions', () => {
    assert.equal(classifyFile('file:///repo/k8s/templates/job.yaml', 'kind: Job', chart), 'yaml');
    assert.equal(classifyFile('file:///repo/k8s/templates/job.yaml', 'name: {{ .Values.name }}', chart), 'helm-template');
    assert.equal(classifyFile('file:///repo/k8s/templates/job.yaml', 'kind: Job', chart, 'helm'), 'helm-template');
  });

  it('treats values files outside a chart as plain YAML', () => {
    assert.equal(classifyFile('file:///repo/config/values.yaml', '', chart), 'yaml');
  });

  it('classifies other YAML by extension or language id, and the rest as other', () => {
    assert.equal(classifyFile('file:///repo/train.yml', '', chart), 'yaml');
    assert.equal(classifyFile('file:///repo/My%20Job.YAML', '', chart), 'yaml');
    assert.equal(classifyFile('untitled:Untitled-2', '', chart, 'yaml'), 'yaml');
    assert.equal(classifyFile('file:///repo/README.md', '', chart, 'markdown'), 'other');
  });
});
