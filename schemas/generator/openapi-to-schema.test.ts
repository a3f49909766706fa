// Tests the conversion of a (tiny, hand-written) Kubernetes swagger document into definitions and kind schemas.
import * as assert from 'node:assert/strict';
import { convertDefinitions, definitionClosure, kindSchema, kubernetesKinds } from './openapi-to-schema';
import { QUANTITY_PATTERN } from '../../server/src/core/schema/translate';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const swagger = {
  definitions: {
    [META]: {
      type: 'object',
      properties: { name: { type: 'string' }, creationTimestamp: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Time' } },
    },
    'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time', description: 'Time' },
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string', description: 'IntOrString' },
    'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string', description: 'Quantity' },
    'io.k8s.api.core.v1.Widget': {
      description: 'A widget.',
      type: 'object',
      required: ['spec'],
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { $ref: `#/definitions/${META}`, description: 'meta' },
        spec: { $ref: '#/definitions/io.k8s.api.core.v1.WidgetSpec' },
      },
      'x-kubernetes-group-version-kind': [{ group: '', kind: 'Widget', version: 'v1' }],
    },
    'io.k8s.api.core.v1.WidgetSpec': {
      type: 'object',
      properties: {
        port: { $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' },
        size: { $ref: '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity' },
        policy: { type: 'string', description: 'Pull policy. One of Always, Never, IfNotPresent.' },
        families: { type: 'array', items: { type: 'string' }, description: 'Valid values are "IPv4" and "IPv6".' },
        count: { type: 'integer', format: 'int32', description: 'One of Always, Never.' },
      },
      'x-kubernetes-list-type': 'atomic',
    },
    'io.k8s.api.rbac.v1.Gadget': {
      type: 'object',
      properties: { kind: { type: 'string' } },
      'x-kubernetes-group-version-kind': [{ group: 'rbac.authorization.k8s.io', kind: 'Gadget', version: 'v1' }],
    },
    'io.k8s.api.core.v1.Unused': { type: 'object', properties: { a: { type: 'string' } } },
  },
  paths: {
    '/api/v1/namespaces/{namespace}/widgets': {
      post: { 'x-kubernetes-action': 'post', 'x-kubernetes-group-version-kind': { group: '', kind: 'Widget', version: 'v1' } },
    },
    '/apis/rbac.authorization.k8s.io/v1/gadgets': {
      post: {
        'x-kubernetes-action': 'post',
        'x-kubernetes-group-version-kind': { group: 'rbac.authorization.k8s.io', kind: 'Gadget', version: 'v1' },
      },
    },
  },
};

describe('openapi-to-schema', () => {
  it('finds the kinds with their plural and scope', () => {
    const kinds = kubernetesKinds(swagger);
    assert.deepEqual(
      kinds.map((k) => [k.apiVersion, k.kind, k.plural, k.namespaced, k.definition]),
      [
        ['v1', 'Widget', 'widgets', true, 'io.k8s.api.core.v1.Widget'],
        ['rbac.authorization.k8s.io/v1', 'Gadget', 'gadgets', false, 'io.k8s.api.rbac.v1.Gadget'],
      ],
    );
  });

  it('keeps only the definitions the roots need', () => {
    assert.deepEqual(definitionClosure(swagger.definitions, ['io.k8s.api.core.v1.WidgetSpec']), [
      'io.k8s.api.core.v1.WidgetSpec',
      'io.k8s.apimachinery.pkg.api.resource.Quantity',
      'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    ]);
    assert.throws(() => definitionClosure(swagger.definitions, ['io.k8s.api.core.v1.Missing']), /Missing is missing/);
  });

  it('translates IntOrString, Quantity, Time, enums, and closes objects', () => {
    const { definitions, enums } = convertDefinitions(swagger.definitions, ['io.k8s.api.core.v1.WidgetSpec', META]);
    assert.deepEqual(definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'], {
      description: 'IntOrString',
      type: ['integer', 'string'],
    });
    assert.deepEqual(definitions['io.k8s.apimachinery.pkg.api.resource.Quantity'], {
      description: 'Quantity',
      type: ['string', 'number'],
      pattern: QUANTITY_PATTERN,
    });
    assert.deepEqual(definitions['io.k8s.apimachinery.pkg.apis.meta.v1.Time'], {
      description: 'Time',
      type: ['string', 'null'],
      format: 'date-time',
    });
    const spec = definitions['io.k8s.api.core.v1.WidgetSpec'];
    assert.equal(spec.additionalProperties, false);
    assert.equal('x-kubernetes-list-type' in spec, false);
    const properties = spec.properties as Record<string, Record<string, unknown>>;
    assert.deepEqual(properties.port, { $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' });
    assert.deepEqual(properties.policy.enum, ['Always', 'Never', 'IfNotPresent']);
    assert.deepEqual((properties.families.items as Record<string, unknown>).enum, ['IPv4', 'IPv6']);
    assert.equal('enum' in properties.count, false);
    assert.deepEqual(enums, {
      'io.k8s.api.core.v1.WidgetSpec.policy': ['Always', 'Never', 'IfNotPresent'],
      'io.k8s.api.core.v1.WidgetSpec.families[]': ['IPv4', 'IPv6'],
    });
  });

  it('writes a kind schema with refs into the definitions document', () => {
    const [widget] = kubernetesKinds(swagger);
    const schema = kindSchema(swagger.definitions, widget, '../kubernetes/definitions.json');
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.title, 'Widget');
    assert.equal(schema.description, 'A widget.');
    assert.deepEqual(schema.required, ['apiVersion', 'kind', 'spec']);
    assert.equal(schema.additionalProperties, false);
    const properties = schema.properties as Record<string, unknown>;
    assert.deepEqual(properties.metadata, { $ref: `../kubernetes/definitions.json#/definitions/${META}`, description: 'meta' });
    assert.deepEqual(properties.spec, { $ref: '../kubernetes/definitions.json#/definitions/io.k8s.api.core.v1.WidgetSpec' });
    assert.equal('x-kubernetes-group-version-kind' in schema, false);
  });
});
