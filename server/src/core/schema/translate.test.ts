// Tests the translation of single Kubernetes OpenAPI nodes into JSON Schema.
import * as assert from 'node:assert/strict';
import {
  closeObject,
  dropExtensions,
  embeddedResource,
  isQuantityPattern,
  jsPattern,
  QUANTITY_PATTERN,
  sortKeys,
  translate,
} from './translate';

const META = '../kubernetes/definitions.json#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const tr = (node: unknown) => translate(node, { metadataRef: META });
const KUBEBUILDER_QUANTITY =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

describe('translate', () => {
  it('collapses a CRD int-or-string into a type array, never anyOf', () => {
    const node = tr({ anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true, description: 'port' });
    assert.deepEqual(node, { description: 'port', type: ['integer', 'string'] });
  });

  it('turns an int-or-string with the quantity pattern into a quantity', () => {
    const node = tr({
      anyOf: [{ type: 'integer' }, { type: 'string' }],
      pattern: KUBEBUILDER_QUANTITY,
      'x-kubernetes-int-or-string': true,
    });
    assert.deepEqual(node, { type: ['string', 'number'], pattern: QUANTITY_PATTERN });
    assert.ok(isQuantityPattern(KUBEBUILDER_QUANTITY));
    assert.ok(!isQuantityPattern('^[a-z]+$'));
  });

  it("rewrites RE2's case-insensitive flag, which JavaScript patterns cannot hold, into letters of both cases", () => {
    const re2 = '^(?i)[a-z]([-a-z0-9]*[a-z0-9])?$';
    assert.equal(jsPattern(re2), '^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$');
    assert.deepEqual(tr({ type: 'string', pattern: re2 }), { type: 'string', pattern: '^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$' });
    assert.equal(jsPattern('(?i)gpu\\.x[^q]'), '[gG][pP][uU]\\.[xX][^qQ]');
    const pattern = new RegExp(jsPattern(re2));
    for (const ok of ['gpu-provisioning', 'GPU-Check', 'a']) assert.ok(pattern.test(ok), ok);
    for (const bad of ['-gpu', 'gpu_check', 'gpu-']) assert.ok(!pattern.test(bad), bad);
    assert.equal(jsPattern('^[a-z]+$'), '^[a-z]+$');
  });

  it('drops the backslash of the punctuation RE2 escapes and a JavaScript u pattern refuses to, keeping the pattern’s meaning', () => {
    // The NIM Operator's host domain name.
    const re2 = '^(([a-z0-9][a-z0-9\\-]*[a-z0-9])|[a-z0-9]+\\.)*([a-z]+|xn\\-\\-[a-z0-9]+)\\.?$';
    const js = jsPattern(re2);
    assert.equal(js, '^(([a-z0-9][a-z0-9\\-]*[a-z0-9])|[a-z0-9]+\\.)*([a-z]+|xn--[a-z0-9]+)\\.?$');
    const pattern = new RegExp(js, 'u');
    for (const ok of ['example.com', 'nim.xn--p1ai', 'localhost']) assert.ok(pattern.test(ok), ok);
    for (const bad of ['-a.com', 'Example.com']) assert.ok(!pattern.test(bad), bad);
    assert.equal(jsPattern('^\\_\\:[\\_\\-\\]]\\/\\$$'), '^_:[_\\-\\]]\\/\\$$');
    assert.equal(jsPattern('(?i)^\\#x$'), '^#[xX]$');
  });

  it('accepts every quantity Kubernetes accepts and refuses units it does not', () => {
    const pattern = new RegExp(QUANTITY_PATTERN);
    for (const ok of ['1', '500m', '0.5', '.5', '1Gi', '1.5Gi', '100M', '1e3', '1E-3', '+1k', '-2', '250n', '10u', '2Ti', '1Ei'])
      assert.ok(pattern.test(ok), ok);
    for (const bad of ['1GB', '1gi', 'one', '', '1.2.3', '1 Gi', 'Gi', '1KiB']) assert.ok(!pattern.test(bad), bad);
  });

  it('closes objects that list properties, unless they preserve unknown fields', () => {
    assert.equal(tr({ type: 'object', properties: { a: { type: 'string' } } }).additionalProperties, false);
    const open = tr({ type: 'object', properties: { a: { type: 'string' } }, 'x-kubernetes-preserve-unknown-fields': true });
    assert.equal('additionalProperties' in open, false);
    assert.deepEqual(tr({ type: 'object', additionalProperties: { type: 'string' } }), {
      type: 'object',
      additionalProperties: { type: 'string' },
    });
    assert.deepEqual(tr({ type: 'object' }), { type: 'object' });
    assert.deepEqual(closeObject({ properties: {}, additionalProperties: true }, false), { properties: {}, additionalProperties: true });
  });

  it('never closes the objects of allOf/anyOf/oneOf/not, which only add checks', () => {
    const node = tr({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      anyOf: [{ properties: { a: { minLength: 1 } }, required: ['a'] }, { required: ['b'] }],
      not: { properties: { b: { enum: ['x'] } } },
    });
    assert.deepEqual(node.anyOf, [{ properties: { a: { minLength: 1 } }, required: ['a'] }, { required: ['b'] }]);
    assert.deepEqual(node.not, { properties: { b: { enum: ['x'] } } });
    assert.equal(node.additionalProperties, false);
  });

  it('closes nested objects too, through items and map values', () => {
    const node = tr({
      type: 'object',
      properties: { list: { type: 'array', items: { type: 'object', properties: { x: { type: 'string' } } } } },
      additionalProperties: undefined,
    });
    const list = (node.properties as Record<string, { items: { additionalProperties: unknown } }>).list;
    assert.equal(list.items.additionalProperties, false);
  });

  it('gives an embedded resource apiVersion, kind and metadata', () => {
    const node = tr({ type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true });
    assert.deepEqual(node, {
      type: 'object',
      properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { $ref: META } },
      required: ['apiVersion', 'kind'],
    });
    const kept = embeddedResource({ properties: { spec: { type: 'object' } }, required: ['spec'] }, META);
    assert.deepEqual(kept.required, ['spec', 'apiVersion', 'kind']);
    assert.ok('spec' in (kept.properties as object));
  });

  it('drops x-* keys and keeps format, description, enum and default', () => {
    const node = tr({ type: 'string', format: 'int32', description: 'd', enum: ['A'], default: 'A', 'x-kubernetes-list-type': 'atomic' });
    assert.deepEqual(node, { type: 'string', format: 'int32', description: 'd', enum: ['A'], default: 'A' });
    assert.deepEqual(dropExtensions({ 'x-a': 1, b: 2 }), { b: 2 });
  });

  it('lets nullable values be null', () => {
    assert.deepEqual(tr({ type: 'string', format: 'date-time', nullable: true }), { type: ['string', 'null'], format: 'date-time' });
  });

  it('rewrites $refs and leaves the input alone', () => {
    const input = { type: 'object', properties: { spec: { $ref: '#/definitions/A', description: 'the spec' } } };
    const copy = structuredClone(input);
    const node = translate(input, { metadataRef: META, ref: (ref) => `defs.json${ref}` });
    assert.deepEqual((node.properties as Record<string, unknown>).spec, { $ref: 'defs.json#/definitions/A', description: 'the spec' });
    assert.deepEqual(input, copy);
  });

  it('sorts object keys recursively and keeps array order', () => {
    assert.equal(JSON.stringify(sortKeys({ b: 1, a: { d: [3, 1], c: 2 } })), '{"a":{"c":2,"d":[3,1]},"b":1}');
  });
});
