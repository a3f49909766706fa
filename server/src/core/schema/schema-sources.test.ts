// Where schemas come from besides apiVersion/kind: modelines, glob settings and the user's
// own CRDs; and how alternatives (anyOf/oneOf) are reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFindings } from '../../../../test/harness/check';
import { fixture } from '../../../../test/harness/fixture';
import { testHost } from '../../../../test/harness/hosts';

const trainingConfig = JSON.stringify({
  title: 'Training config',
  type: 'object',
  properties: {
    epochs: { type: 'integer', minimum: 1 },
    optimizer: {
      anyOf: [
        { type: 'string', enum: ['adam', 'sgd'] },
        {
          type: 'object',
          properties: { name: { type: 'string' }, lr: { type: 'number' } },
          required: ['name'],
          additionalProperties: false,
        },
      ],
    },
    data: { oneOf: [{ required: ['path'] }, { required: ['bucket'] }], type: 'object' },
  },
  additionalProperties: false,
});

/** The team CRD of the demo workspace: FineTune, with required baseModel and dataset. */
const crd = readFileSync(
  join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'workspace', 'crds', 'finetune-crd.yaml'),
  'utf8',
);

const files = {
  'file:///workspace/schemas/training.json': trainingConfig,
  'file:///workspace/schemas/eval.json': JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Eval config',
    type: 'object',
    properties: { batchSize: { $ref: '#/$defs/positive' } },
    $defs: { positive: { type: 'integer', minimum: 1 } },
  }),
  'file:///workspace/crds/finetune.yaml': crd,
};

describe('schema sources', () => {
  it('honours a yaml-language-server $schema modeline with a relative path', () => {
    checkFindings(
      fixture`
        # yaml-language-server: $schema=../schemas/training.json
        epochs: 0
        #       ^ error[schema/invalid-value]: Training config epochs must be >= 1 (it is 0).
        optimizer:
          name: adam
          lr: "0.1"
        #     ^^^^^ error[schema/wrong-type]: Training config optimizer.lr must be a number, not the string "0.1". Remove the quotes.
        data: {}
        ^^^^ error[schema/missing-field]: Training config data needs one of the fields "path", "bucket".
      `,
      { uri: 'file:///workspace/configs/run.yaml', host: testHost(files) },
    );
  });

  it('reads a schema written for a newer JSON Schema draft', () => {
    checkFindings(
      fixture`
        # yaml-language-server: $schema=/workspace/schemas/eval.json
        batchSize: 0
        #          ^ error[schema/invalid-value]: Eval config batchSize must be >= 1 (it is 0).
      `,
      { uri: 'file:///workspace/configs/eval.yaml', host: testHost(files) },
    );
  });

  it('never downloads a schema, and says where a missing schema file was looked for', () => {
    checkFindings(
      fixture`
        # yaml-language-server: $schema=https://example.com/schema.json
        #                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[schema/unusable-schema]: mlinfra never downloads schemas, so https://example.com/schema.json is not used. Save the schema in the workspace and point $schema at the file.
        epochs: 0
        ---
        # yaml-language-server: $schema=missing.json
        #                               ^^^^^^^^^^^^ warning[schema/unusable-schema]: Schema file not found: missing.json (file:///workspace/configs/missing.json).
        epochs: 0
      `,
      { uri: 'file:///workspace/configs/run.yaml', host: testHost(files) },
    );
  });

  it('maps files to a schema by a glob setting', () => {
    checkFindings(
      fixture`
        epochs: 3
        optimizer: adamw
        #          ^^^^^ error[schema/invalid-value]: "adamw" is not allowed for Training config optimizer; use one of adam, sgd. Did you mean "adam"?
        dropout: 0.1
        ^^^^^^^ error[schema/unknown-field]: Unknown field "dropout" in Training config.
      `,
      {
        uri: 'file:///workspace/configs/run.yaml',
        host: testHost(files),
        configure: (service) =>
          service.setSchemaAssociations([
            { folder: 'file:///workspace', glob: 'configs/*.yaml', schema: 'file:///workspace/schemas/training.json' },
          ]),
      },
    );
  });

  it("checks kinds from the user's CRDs", () => {
    checkFindings(
      fixture`
        apiVersion: ml.example.com/v1
        kind: FineTune
        metadata:
          name: llama
        spec:
          baseModel: llama-3-8b
          dataset: s3://datasets/chats
          gpu: 8
        # ^^^ error[schema/unknown-field]: Unknown field "gpu" in FineTune spec; did you mean "gpus"?
      `,
      {
        host: testHost(files),
        configure: (service) => service.setUserCrds([{ uri: 'file:///workspace/crds/finetune.yaml', text: crd }]),
      },
    );
  });
});
