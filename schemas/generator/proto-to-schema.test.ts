// Tests the proto-to-JSON-schema conversion on a small proto, and the generated Triton schema
// (schemas/triton/model_config.json): its shape, key fields, enums and clean descriptions.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parseProto } from './proto-parse';
import { protoToSchema } from './proto-to-schema';
import type { JsonSchema } from '../../server/src/core/schema/translate';

const SMALL = `syntax = "proto3";
package demo;
// A kind of thing.
enum Kind {
  // Nothing.
  KIND_NONE = 0;
  KIND_BIG = 2;
}
// The root.
message Root {
  message Part { float weight = 1; }
  // Its name.
  string name = 1;
  repeated int64 dims = 2;
  Kind kind = 3;
  map<string, Part> parts = 4;
  oneof choice {
    bool flag = 5;
    Part part = 6;
  }
  uint32 count = 7 [deprecated = true];
}
`;

describe('protoToSchema', () => {
  const schema = protoToSchema(parseProto(SMALL), { id: 'https://example.test/demo.json', root: 'demo.Root', title: 'Demo' });
  const definitions = schema.definitions as Record<string, JsonSchema>;

  it('builds one document whose root refers to the root message', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.$id, 'https://example.test/demo.json');
    assert.equal(schema.$ref, '#/definitions/demo.Root');
    assert.equal(schema.title, 'Demo');
    assert.equal(schema.description, 'The root.');
    assert.deepEqual(Object.keys(definitions).sort(), ['demo.Kind', 'demo.Root', 'demo.Root.Part']);
  });

  it('converts fields, repeated fields, maps, oneofs and enums', () => {
    assert.deepEqual(definitions['demo.Root'], {
      type: 'object',
      description: 'The root.',
      additionalProperties: false,
      properties: {
        name: { type: 'string', description: 'Its name.', 'x-proto': { number: 1, type: 'string' } },
        dims: { type: 'array', items: { type: ['integer', 'string'] }, 'x-proto': { number: 2, type: 'int64', repeated: true } },
        kind: { $ref: '#/definitions/demo.Kind', 'x-proto': { number: 3, type: 'demo.Kind' } },
        parts: {
          type: 'object',
          additionalProperties: { $ref: '#/definitions/demo.Root.Part' },
          'x-proto': { number: 4, type: 'map<string, demo.Root.Part>', map: { key: 'string', value: 'demo.Root.Part' } },
        },
        flag: { type: 'boolean', 'x-proto': { number: 5, type: 'bool', oneof: 'choice' } },
        part: { $ref: '#/definitions/demo.Root.Part', 'x-proto': { number: 6, type: 'demo.Root.Part', oneof: 'choice' } },
        count: { type: 'integer', deprecated: true, 'x-proto': { number: 7, type: 'uint32' } },
      },
      'x-proto': { message: 'demo.Root', oneofs: { choice: ['flag', 'part'] } },
    });
    assert.deepEqual(definitions['demo.Kind'], {
      type: 'string',
      enum: ['KIND_NONE', 'KIND_BIG'],
      description: 'A kind of thing.',
      'x-proto': { enum: 'demo.Kind', values: { KIND_NONE: 0, KIND_BIG: 2 }, descriptions: { KIND_NONE: 'Nothing.' } },
    });
    assert.deepEqual((definitions['demo.Root.Part'].properties as JsonSchema).weight, {
      type: 'number',
      'x-proto': { number: 1, type: 'float' },
    });
  });

  it('refuses a root that is not a message', () => {
    assert.throws(() => protoToSchema(parseProto(SMALL), { id: 'x', root: 'demo.Kind', title: 'x' }), /demo.Kind is not a message/);
  });
});

describe('the generated Triton schema (schemas/triton/model_config.json)', () => {
  const file = join(__dirname, '..', '..', '..', 'schemas', 'triton', 'model_config.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as JsonSchema;
  const definitions = schema.definitions as Record<string, JsonSchema>;
  const config = definitions['inference.ModelConfig'];
  const property = (name: string) => (config.properties as Record<string, JsonSchema>)[name];

  it('has ModelConfig at its root with the fields of a config.pbtxt', () => {
    assert.equal(schema.$id, 'https://schemas.mlinfra.dev/triton/model_config.json');
    assert.equal(schema.$ref, '#/definitions/inference.ModelConfig');
    for (const name of [
      'name',
      'platform',
      'backend',
      'max_batch_size',
      'input',
      'output',
      'instance_group',
      'dynamic_batching',
      'sequence_batching',
      'ensemble_scheduling',
      'parameters',
    ]) {
      assert.ok(property(name), `ModelConfig has ${name}`);
    }
    assert.equal(config.additionalProperties, false);
    assert.deepEqual(property('max_batch_size').type, 'integer');
    assert.deepEqual(property('input').items, { $ref: '#/definitions/inference.ModelInput' });
    assert.deepEqual(property('instance_group').items, { $ref: '#/definitions/inference.ModelInstanceGroup' });
    assert.deepEqual((config['x-proto'] as JsonSchema).oneofs, {
      scheduling_choice: ['dynamic_batching', 'sequence_batching', 'ensemble_scheduling'],
    });
    for (const name of ['dynamic_batching', 'sequence_batching', 'ensemble_scheduling'])
      assert.equal((property(name)['x-proto'] as JsonSchema).oneof, 'scheduling_choice');
    assert.deepEqual(property('parameters').additionalProperties, { $ref: '#/definitions/inference.ModelParameter' });
    assert.deepEqual((property('parameters')['x-proto'] as JsonSchema).map, { key: 'string', value: 'inference.ModelParameter' });
  });

  it('has the enums with their proto numbers', () => {
    const dataType = definitions['inference.DataType']['x-proto'] as { values: Record<string, number> };
    assert.equal(dataType.values.TYPE_FP32, 11);
    assert.equal(dataType.values.TYPE_INVALID, 0);
    assert.equal(dataType.values.TYPE_BF16, 14);
    const kind = definitions['inference.ModelInstanceGroup.Kind'];
    assert.deepEqual(kind.enum, ['KIND_AUTO', 'KIND_GPU', 'KIND_CPU', 'KIND_MODEL']);
    assert.match((kind['x-proto'] as { descriptions: Record<string, string> }).descriptions.KIND_GPU, /must run on the GPU/);
  });

  it('has clean prose descriptions', () => {
    const descriptions: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'description' && typeof value === 'string') descriptions.push(value);
          else if (key === 'descriptions' && value && typeof value === 'object')
            descriptions.push(...Object.values(value as Record<string, string>));
          else walk(value);
        }
      }
    };
    walk(schema);
    assert.ok(descriptions.length > 200, `${descriptions.length} descriptions`);
    assert.deepEqual(
      descriptions.filter((d) => /@@|\.\. cpp|cpp:|^\s|\s$/.test(d)),
      [],
    );
    assert.equal(config.description, 'A model configuration.');
  });

  it('validates a typical config (as JSON) with ajv and rejects unknown fields and enum values', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const good = {
      name: 'resnet',
      platform: 'onnxruntime_onnx',
      max_batch_size: 8,
      input: [{ name: 'x', data_type: 'TYPE_FP32', dims: [3, 224, 224] }],
      instance_group: [{ kind: 'KIND_GPU', count: 1, gpus: [0] }],
      dynamic_batching: { preferred_batch_size: [4, 8], max_queue_delay_microseconds: '100' },
      parameters: { key: { string_value: 'v' } },
    };
    assert.ok(validate(good), JSON.stringify(validate.errors));
    assert.equal(validate({ ...good, max_batch: 8 }), false);
    assert.equal(validate({ ...good, instance_group: [{ kind: 'KIND_TPU' }] }), false);
    assert.equal(validate({ ...good, parameters: { key: 'v' } }), false);
  });
});
