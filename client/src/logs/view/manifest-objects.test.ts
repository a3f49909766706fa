// The CodeLens reads each document's kind, name and namespace, in block and flow style, and leaves
// out what names no object (a template, generateName).
import * as assert from 'node:assert/strict';
import { manifestObjects } from './manifest-objects';

describe('manifest objects for the logs CodeLens', () => {
  it('read apiVersion, kind, name and namespace of every document, at the line of kind', () => {
    const text = [
      '# training',
      'apiVersion: kubeflow.org/v1',
      'kind: PyTorchJob',
      'metadata:',
      '  name: llama3-8b-finetune # the 8B run',
      '  namespace: "ml-training"',
      '  labels:',
      '    name: not-this-one',
      'spec: {}',
      '---',
      'kind: Deployment',
      "apiVersion: 'apps/v1'",
      'metadata: { name: triton-llama3, namespace: ml-serving }',
      '--- # third',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '    name: debug',
    ].join('\n');
    assert.deepEqual(manifestObjects(text), [
      { line: 2, apiVersion: 'kubeflow.org/v1', kind: 'PyTorchJob', name: 'llama3-8b-finetune', namespace: 'ml-training' },
      { line: 10, apiVersion: 'apps/v1', kind: 'Deployment', name: 'triton-llama3', namespace: 'ml-serving' },
      { line: 15, apiVersion: 'v1', kind: 'Pod', name: 'debug' },
    ]);
  });

  it('give nothing for a name that is not a Kubernetes name, or none', () => {
    const text = [
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: {{ .Values.name }}',
      '---',
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  generateName: sweep-',
      '---',
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: Upper_Case',
    ].join('\r\n');
    assert.deepEqual(manifestObjects(text), []);
  });
});
