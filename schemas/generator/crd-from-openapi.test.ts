// Tests how a CRD without a schema (Katib's) takes its kind's schema from an OpenAPI document.
import * as assert from 'node:assert/strict';
import { isBareSchema, withOpenApiSchemas, type OpenApiDocument } from './crd-from-openapi';

const KUBERNETES = { 'io.k8s.api.core.v1.Container': {}, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time': {} };

const bare = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };

function crd(kind: string, schema: unknown = bare) {
  return {
    kind: 'CustomResourceDefinition',
    spec: { group: 'kubeflow.org', names: { kind }, versions: [{ name: 'v1beta1', served: true, schema: { openAPIV3Schema: schema } }] },
  };
}

const document: OpenApiDocument = {
  source: 'openapi/katib.json',
  definitions: {
    '.v1beta1.Trial': {
      type: 'object',
      properties: { spec: { default: {}, $ref: '#/definitions/.v1beta1.TrialSpec' } },
    },
    '.v1beta1.TrialSpec': {
      description: 'TrialSpec is the specification of a Trial.',
      type: 'object',
      properties: {
        collector: { description: 'The collector.', $ref: '#/definitions/v1.Container' },
        started: { $ref: '#/definitions/v1.Time' },
        runSpec: { description: 'The job.', $ref: '#/definitions/v1.unstructured.Unstructured' },
      },
    },
    'v1beta1.Loop': { type: 'object', properties: { next: { $ref: '#/definitions/v1beta1.Loop' } } },
  },
};

const schemaOf = (result: unknown) =>
  (result as { spec: { versions: { schema: { openAPIV3Schema: unknown } }[] } }).spec.versions[0].schema.openAPIV3Schema;

describe('CRDs without a schema take their kind from an OpenAPI document', () => {
  it('knows a bare schema from a written one', () => {
    assert.equal(isBareSchema(bare), true);
    assert.equal(isBareSchema(undefined), true);
    assert.equal(isBareSchema({ ...bare, properties: { spec: { type: 'object' } } }), false);
    assert.equal(isBareSchema({ type: 'object', properties: {} }), false);
  });

  it('inlines the document’s definitions, the use’s description first, and refers to Kubernetes types', () => {
    assert.deepEqual(schemaOf(withOpenApiSchemas(crd('Trial'), [document], KUBERNETES)), {
      type: 'object',
      properties: {
        spec: {
          default: {},
          description: 'TrialSpec is the specification of a Trial.',
          type: 'object',
          properties: {
            collector: { description: 'The collector.', $ref: '../kubernetes/definitions.json#/definitions/io.k8s.api.core.v1.Container' },
            started: { $ref: '../kubernetes/definitions.json#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Time' },
            runSpec: { description: 'The job.', type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          },
        },
      },
    });
  });

  it('leaves a CRD with a schema, or a kind no document defines, as it is', () => {
    const written = crd('Trial', { type: 'object', properties: { spec: { type: 'object' } } });
    assert.deepEqual(withOpenApiSchemas(written, [document], KUBERNETES), written);
    assert.deepEqual(withOpenApiSchemas(crd('Experiment'), [document], KUBERNETES), crd('Experiment'));
  });

  it('refuses a definition that refers to itself and a name found nowhere', () => {
    assert.throws(() => withOpenApiSchemas(crd('Loop'), [document], KUBERNETES), /v1beta1.Loop refers to itself/);
    const missing: OpenApiDocument = { source: 'x.json', definitions: { 'v1beta1.Gap': { $ref: '#/definitions/v1.Nothing' } } };
    assert.throws(
      () => withOpenApiSchemas(crd('Gap'), [missing], KUBERNETES),
      /x.json: v1.Nothing is neither defined there nor a Kubernetes/,
    );
  });
});
