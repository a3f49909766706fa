// Tests that repeated subschemas move into the schema's own definitions and nothing else changes.
import * as assert from 'node:assert/strict';
import { MIN_SHARED_SIZE, shareRepeated } from './share-repeated';
import type { JsonSchema } from './translate';

/** An object schema whose compact JSON is longer than MIN_SHARED_SIZE. */
function big(tag: string, description?: string): JsonSchema {
  const properties = Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [`${tag}field${i}`, { type: 'string', description: 'x'.repeat(20) }]),
  );
  return { type: 'object', ...(description ? { description } : {}), properties, additionalProperties: false };
}

/** Inlines every local $ref again (with the use's description), to compare with the input. */
function expand(node: unknown, definitions: Record<string, JsonSchema>): unknown {
  if (Array.isArray(node)) return node.map((item) => expand(item, definitions));
  if (!node || typeof node !== 'object') return node;
  const object = node as JsonSchema;
  if (typeof object.$ref === 'string' && object.$ref.startsWith('#/definitions/')) {
    const target = expand(definitions[object.$ref.slice('#/definitions/'.length)], definitions) as JsonSchema;
    return object.description === undefined ? target : { ...target, description: object.description };
  }
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, expand(value, definitions)]));
}

describe('shareRepeated', () => {
  it('stores a repeated subschema once and refers to it, keeping each use description', () => {
    assert.ok(JSON.stringify(big('a')).length > MIN_SHARED_SIZE);
    const schema = {
      type: 'object',
      properties: { spec: { type: 'object', properties: { huggingface: big('a', 'HF'), onnx: big('a', 'ONNX'), other: big('b') } } },
    };
    const shared = shareRepeated(schema);
    const spec = (shared.properties as Record<string, JsonSchema>).spec.properties as Record<string, JsonSchema>;
    assert.deepEqual(spec.huggingface, { $ref: '#/definitions/spec.huggingface', description: 'HF' });
    assert.deepEqual(spec.onnx, { $ref: '#/definitions/spec.huggingface', description: 'ONNX' });
    assert.deepEqual(spec.other, big('b'));
    assert.deepEqual(shared.definitions, { 'spec.huggingface': big('a') });
  });

  it('shares repeats inside arrays and inside shared definitions, and expands back to the original', () => {
    const inner = big('inner');
    const outer = { type: 'object', properties: { extra: big('extra'), nested: { type: 'array', items: inner } } };
    const schema = { type: 'object', properties: { a: outer, b: outer, c: { type: 'array', items: inner } } };
    const shared = shareRepeated(schema);
    const definitions = shared.definitions as Record<string, JsonSchema>;
    assert.ok(Object.keys(definitions).length >= 2);
    const { definitions: _, ...rest } = shared;
    assert.deepEqual(expand(rest, definitions), schema);
    assert.ok(JSON.stringify(shared).length < JSON.stringify(schema).length / 2);
  });

  it('leaves schemas without big repeats as they are', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' }, c: big('c') } };
    assert.deepEqual(shareRepeated(schema), schema);
  });
});
