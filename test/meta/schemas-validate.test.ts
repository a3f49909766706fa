// Validates real-world manifests with ajv against the generated schemas in schemas/: every kind
// compiles, valid manifests get no error, and mistakes get the error a user should see.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';

const root = join(__dirname, '..', '..', '..');
const schemas = join(root, 'schemas');
const fixtures = join(root, 'test', 'fixtures', 'schemas');
const index = JSON.parse(readFileSync(join(schemas, 'index.json'), 'utf8')) as {
  kinds: { apiVersion: string; kind: string; schema: string }[];
};

// logger: false only silences "unknown format int32 ignored"; the options are otherwise ajv's defaults.
const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
ajv.addSchema(JSON.parse(readFileSync(join(schemas, 'kubernetes', 'definitions.json'), 'utf8')) as AnySchema);
const compiled = new Map<string, ValidateFunction>();

function validator(apiVersion: string, kind: string): ValidateFunction {
  const entry = index.kinds.find((k) => k.apiVersion === apiVersion && k.kind === kind);
  assert.ok(entry, `no schema for ${apiVersion} ${kind}`);
  let validate = compiled.get(entry.schema);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(join(schemas, entry.schema), 'utf8')));
    compiled.set(entry.schema, validate);
  }
  return validate;
}

function errorsOf(manifest: Record<string, unknown>): ErrorObject[] {
  const validate = validator(String(manifest.apiVersion), String(manifest.kind));
  validate(manifest);
  return validate.errors ?? [];
}

function manifests(file: string): Record<string, unknown>[] {
  return parseAllDocuments(readFileSync(join(fixtures, file), 'utf8')).map((document) => document.toJS() as Record<string, unknown>);
}

function brief(errors: ErrorObject[]): string[] {
  return errors.map((e) => `${e.instancePath} ${e.keyword} ${e.message} ${JSON.stringify(e.params)}`);
}

/** A PyTorchJob whose first container gets `change` applied. */
function pytorchJob(change: (container: Record<string, unknown>) => void): Record<string, unknown> {
  const [job] = manifests('pytorchjob.yaml');
  const spec = job.spec as { pytorchReplicaSpecs: { Master: { template: { spec: { containers: Record<string, unknown>[] } } } } };
  change(spec.pytorchReplicaSpecs.Master.template.spec.containers[0]);
  return job;
}

describe('generated schemas validate real manifests', function () {
  this.timeout(30000);

  it('compiles every kind schema, sharing the Kubernetes definitions', () => {
    const started = process.hrtime.bigint();
    for (const { apiVersion, kind } of index.kinds) validator(apiVersion, kind);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(compiled.size, index.kinds.length);
    assert.ok(ms < 20000, `compiling every kind took ${ms} ms`);
  });

  for (const file of ['pytorchjob.yaml', 'raycluster.yaml', 'jobset.yaml', 'deployment-service.yaml', 'more-kinds.yaml']) {
    it(`finds no error in ${file}`, () => {
      for (const manifest of manifests(file)) {
        assert.deepEqual(brief(errorsOf(manifest)), [], `${manifest.kind as string} ${(manifest.metadata as { name: string }).name}`);
      }
    });
  }

  it('reports an unknown field as an additionalProperties error where it is', () => {
    const errors = errorsOf(pytorchJob((container) => (container.imagePullPolicyy = 'Always')));
    assert.deepEqual(
      errors.map((e) => [e.keyword, e.instancePath, e.params]),
      [['additionalProperties', '/spec/pytorchReplicaSpecs/Master/template/spec/containers/0', { additionalProperty: 'imagePullPolicyy' }]],
    );
    const [ray] = manifests('raycluster.yaml');
    (ray.spec as Record<string, unknown>).headGroupSpecs = {};
    assert.deepEqual(brief(errorsOf(ray)), [
      '/spec additionalProperties must NOT have additional properties {"additionalProperty":"headGroupSpecs"}',
    ]);
  });

  it('reports a value outside an enum read from a description, and a malformed quantity', () => {
    assert.deepEqual(
      errorsOf(pytorchJob((container) => (container.imagePullPolicy = 'Sometimes'))).map((e) => [e.keyword, e.instancePath]),
      [['enum', '/spec/pytorchReplicaSpecs/Master/template/spec/containers/0/imagePullPolicy']],
    );
    const errors = errorsOf(
      pytorchJob((container) => ((container.resources as { limits: Record<string, unknown> }).limits.memory = '128GB')),
    );
    assert.deepEqual(
      errors.map((e) => [e.keyword, e.instancePath]),
      [['pattern', '/spec/pytorchReplicaSpecs/Master/template/spec/containers/0/resources/limits/memory']],
    );
  });

  it('accepts every protocol, service type, pull policy and restart policy Kubernetes accepts', () => {
    for (const type of ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']) {
      for (const protocol of ['TCP', 'UDP', 'SCTP']) {
        for (const targetPort of [8080, 'http']) {
          const service = {
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name: 's' },
            spec: { type, ports: [{ port: 80, protocol, targetPort }] },
          };
          assert.deepEqual(brief(errorsOf(service)), [], `${type} ${protocol} ${targetPort}`);
        }
      }
    }
    for (const imagePullPolicy of ['Always', 'IfNotPresent', 'Never']) {
      for (const restartPolicy of ['Always', 'OnFailure', 'Never']) {
        const pod = {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'p' },
          spec: { restartPolicy, containers: [{ name: 'c', image: 'i', imagePullPolicy }] },
        };
        assert.deepEqual(brief(errorsOf(pod)), []);
      }
    }
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'Internal' } };
    assert.deepEqual(
      errorsOf(service).map((e) => [e.keyword, e.instancePath]),
      [['enum', '/spec/type']],
    );
  });

  it('accepts resource quantities as numbers and as strings', () => {
    for (const value of [1, 0.5, '500m', '2', '1.5Gi', '100M', '1e3', '250u']) {
      const job = pytorchJob(
        (container) => (container.resources = { limits: { cpu: value, 'nvidia.com/gpu': value }, requests: { memory: value } }),
      );
      assert.deepEqual(brief(errorsOf(job)), [], String(value));
    }
  });
});
