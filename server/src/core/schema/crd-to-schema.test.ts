// Tests CRD -> JSON schema conversion on small hand-written CRDs, against a few hand-written
// Kubernetes definitions in their generated form.
import * as assert from 'node:assert/strict';
import { crdToSchemas } from './crd-to-schema';
import { sameTypeScore } from './same-type';
import { QUANTITY_PATTERN, type JsonSchema } from './translate';

const P = 'io.k8s.api.core.v1.';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const quantity = { type: ['string', 'number'], pattern: QUANTITY_PATTERN };
const definitions: Record<string, JsonSchema> = {
  [META]: {
    type: 'object',
    properties: { name: { type: 'string' }, labels: { type: 'object', additionalProperties: { type: 'string' } } },
    additionalProperties: false,
  },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': quantity,
  [`${P}PodTemplateSpec`]: { type: 'object', properties: { metadata: ref(META), spec: ref(`${P}PodSpec`) }, additionalProperties: false },
  [`${P}PodSpec`]: {
    type: 'object',
    required: ['containers'],
    properties: {
      containers: { type: 'array', items: ref(`${P}Container`) },
      restartPolicy: { type: 'string', enum: ['Always', 'OnFailure', 'Never'] },
      nodeName: { type: 'string' },
      hostNetwork: { type: 'boolean' },
    },
    additionalProperties: false,
  },
  [`${P}Container`]: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string' },
      image: { type: 'string' },
      args: { type: 'array', items: { type: 'string' } },
      resources: ref(`${P}ResourceRequirements`),
    },
    additionalProperties: false,
  },
  [`${P}ResourceRequirements`]: {
    type: 'object',
    properties: {
      limits: { type: 'object', additionalProperties: ref('io.k8s.apimachinery.pkg.api.resource.Quantity') },
      requests: { type: 'object', additionalProperties: ref('io.k8s.apimachinery.pkg.api.resource.Quantity') },
    },
    additionalProperties: false,
  },
};

const INT_OR_STRING = { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true };
const KUBEBUILDER_QUANTITY = {
  ...INT_OR_STRING,
  pattern: '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
};
const container = (extra: Record<string, unknown> = {}, required = ['name']) => ({
  type: 'object',
  required,
  properties: {
    name: { type: 'string' },
    image: { type: 'string' },
    args: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'atomic' },
    resources: {
      type: 'object',
      properties: {
        limits: { type: 'object', additionalProperties: KUBEBUILDER_QUANTITY },
        requests: { type: 'object', additionalProperties: KUBEBUILDER_QUANTITY },
      },
    },
    ...extra,
  },
});
const podTemplate = (specExtra: Record<string, unknown> = {}, containerSchema: unknown = container()) => ({
  type: 'object',
  description: 'Template of the pods.',
  properties: {
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      required: ['containers'],
      properties: {
        containers: { type: 'array', items: containerSchema },
        restartPolicy: { type: 'string' },
        nodeName: { type: 'string' },
        ...specExtra,
      },
    },
  },
});

function crd(spec: Record<string, unknown>, options: { scope?: string; versions?: unknown[] } = {}) {
  const schema = {
    openAPIV3Schema: {
      type: 'object',
      description: 'A widget job.',
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { type: 'object' },
        spec: { type: 'object', properties: spec },
      },
      required: ['spec'],
    },
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgetjobs.example.com' },
    spec: {
      group: 'example.com',
      names: { kind: 'WidgetJob', plural: 'widgetjobs' },
      scope: options.scope ?? 'Namespaced',
      versions: options.versions ?? [{ name: 'v1', served: true, storage: true, schema }],
    },
  };
}

function specOf(schema: JsonSchema): Record<string, JsonSchema> {
  return ((schema.properties as Record<string, JsonSchema>).spec.properties ?? {}) as Record<string, JsonSchema>;
}

describe('crdToSchemas', () => {
  it('writes the kind shape: apiVersion, kind, ObjectMeta, required, closed', () => {
    const [kind] = crdToSchemas(crd({ replicas: { type: 'integer' } }), definitions);
    assert.deepEqual(
      { ...kind, schema: undefined, replaced: undefined },
      {
        apiVersion: 'example.com/v1',
        kind: 'WidgetJob',
        group: 'example.com',
        version: 'v1',
        plural: 'widgetjobs',
        namespaced: true,
        schema: undefined,
        replaced: undefined,
      },
    );
    const { schema } = kind;
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.title, 'WidgetJob');
    assert.equal(schema.description, 'A widget job.');
    assert.deepEqual(schema.required, ['apiVersion', 'kind', 'spec']);
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual((schema.properties as Record<string, unknown>).metadata, {
      $ref: `../kubernetes/definitions.json#/definitions/${META}`,
    });
    assert.equal((schema.properties as Record<string, JsonSchema>).spec.additionalProperties, false);
  });

  it('collapses int-or-string and quantity, keeps preserve-unknown-fields open, adds embedded-resource fields', () => {
    const spec = specOf(
      crdToSchemas(
        crd({
          port: INT_OR_STRING,
          memory: KUBEBUILDER_QUANTITY,
          config: { type: 'object', properties: { a: { type: 'string' } }, 'x-kubernetes-preserve-unknown-fields': true },
          object: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
        }),
        definitions,
      )[0].schema,
    );
    assert.deepEqual(spec.port, { type: ['integer', 'string'] });
    assert.deepEqual(spec.memory, quantity);
    assert.equal('additionalProperties' in spec.config, false);
    assert.deepEqual(spec.object.required, ['apiVersion', 'kind']);
    assert.deepEqual(Object.keys(spec.object.properties as object).sort(), ['apiVersion', 'kind', 'metadata']);
  });

  it('replaces an embedded PodTemplateSpec by a $ref, keeping its description', () => {
    const [kind] = crdToSchemas(crd({ template: podTemplate() }), definitions, {
      definitionsUri: 'https://schemas.mlinfra.dev/kubernetes/definitions.json',
    });
    assert.deepEqual(specOf(kind.schema).template, {
      $ref: `https://schemas.mlinfra.dev/kubernetes/definitions.json#/definitions/${P}PodTemplateSpec`,
      description: 'Template of the pods.',
    });
    assert.deepEqual(kind.replaced, [{ path: '/spec/template', definition: `${P}PodTemplateSpec` }]);
  });

  it('keeps a pod template that is not the same type, and still replaces the containers inside', () => {
    const [kind] = crdToSchemas(crd({ template: podTemplate({ workloadRef: { type: 'string' } }) }), definitions);
    const template = specOf(kind.schema).template;
    assert.equal(template.$ref, undefined);
    const podSpec = (template.properties as Record<string, JsonSchema>).spec;
    assert.ok('workloadRef' in (podSpec.properties as object));
    assert.deepEqual((podSpec.properties as Record<string, JsonSchema>).containers.items, {
      $ref: `../kubernetes/definitions.json#/definitions/${P}Container`,
    });
    assert.deepEqual(kind.replaced, [{ path: '/spec/template/spec/containers[]', definition: `${P}Container` }]);
  });

  it('never replaces when the $ref would require more than the CRD does, or types differ', () => {
    // Only the resources inside the containers are still the Kubernetes type.
    const resources = [`${P}ResourceRequirements`];
    const optionalName = crdToSchemas(crd({ template: podTemplate({}, container({}, [])) }), definitions)[0];
    assert.deepEqual(
      optionalName.replaced.map((r) => r.definition),
      resources,
    );
    const stringArgs = crdToSchemas(crd({ template: podTemplate({}, container({ args: { type: 'string' } })) }), definitions)[0];
    assert.deepEqual(
      stringArgs.replaced.map((r) => r.definition),
      resources,
    );
  });

  it('scores by coverage: a small struct with a few Kubernetes-like names is not the Kubernetes type', () => {
    const translatedContainer = (properties: Record<string, JsonSchema>) => ({
      type: 'object',
      required: ['name'],
      properties,
      additionalProperties: false,
    });
    assert.equal(sameTypeScore(translatedContainer({ name: { type: 'string' } }), `${P}Container`, definitions), 0);
    const full = translatedContainer({
      name: { type: 'string' },
      image: { type: 'string' },
      args: { type: 'array', items: { type: 'string' } },
    });
    assert.equal(sameTypeScore(full, `${P}Container`, definitions), 0.75);
  });

  it('makes one schema per served version, and knows cluster-scoped kinds', () => {
    const schema = { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object' } } } };
    const kinds = crdToSchemas(
      crd(
        {},
        {
          scope: 'Cluster',
          versions: [
            { name: 'v1', served: true, schema },
            { name: 'v1beta1', served: false, schema },
            { name: 'v1alpha1', served: true, schema },
          ],
        },
      ),
      definitions,
    );
    assert.deepEqual(
      kinds.map((k) => [k.apiVersion, k.namespaced]),
      [
        ['example.com/v1', false],
        ['example.com/v1alpha1', false],
      ],
    );
  });

  it('refuses what is not a CRD', () => {
    assert.throws(() => crdToSchemas({ kind: 'Deployment', spec: {} }, definitions), /not a CustomResourceDefinition/);
    assert.throws(() => crdToSchemas({ kind: 'CustomResourceDefinition', spec: { names: {} } }, definitions), /spec.group/);
  });
});
