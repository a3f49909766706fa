// The validators the build compiles ahead of time (dist/validators, schemas/precompile) stand in for
// those ajv compiles at run time: every shipped kind has one, loaded through the server's own loader,
// and every example of test/fixtures/kinds gets the same findings through both, and the same errors but
// for the descriptions of the schemas they quote, which the build leaves out.
// A user's CRD still overrides a shipped kind.
import type { AnySchemaObject, ErrorObject } from 'ajv';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinSchemasAt } from '../../server/src/builtin-schemas';
import { parseYamlFile } from '../../server/src/core/parse/yaml-file';
import { toValue } from '../../server/src/core/document';
import { createLanguageService } from '../../server/src/core/language-service';
import { findModeline, matchManifest } from '../../server/src/core/schema/match-document';
import { SchemaRegistry, Validators, type BuiltinSchemas } from '../../server/src/core/schema/index';
import { withoutDescriptions } from '../../schemas/precompile/annotations';
import { dedent, fixture, parseFixture } from '../harness/fixture';

const root = join(__dirname, '..', '..', '..');
const schemasDir = join(root, 'schemas');
const validatorsDir = join(root, 'dist', 'validators');
const fixtures = join(root, 'test', 'fixtures', 'kinds');
const BUILD = 'run node scripts/build.mjs (npm test does)';

const compiledAtRunTime = builtinSchemasAt(schemasDir);
const compiledAhead = builtinSchemasAt(schemasDir, validatorsDir);

/** The same schemas, counting the validators taken from the build. */
function counting(schemas: BuiltinSchemas): { schemas: BuiltinSchemas; loaded: Set<string> } {
  const loaded = new Set<string>();
  const precompiled = schemas.precompiled;
  assert.ok(precompiled, `dist/validators holds no validators compiled from the current schemas; ${BUILD}`);
  return {
    loaded,
    schemas: {
      readJson: (path) => schemas.readJson(path),
      precompiled(path) {
        const validate = precompiled(path);
        if (validate) loaded.add(path);
        return validate;
      },
    },
  };
}

/** Errors as the build's validators give them: the schemas they quote have no descriptions (schemas/precompile/annotations.ts). */
function withoutQuotedDescriptions(errors: ErrorObject[]): ErrorObject[] {
  return errors.map((error) => ({
    ...error,
    schema: withoutDescriptions(error.schema),
    parentSchema: withoutDescriptions(error.parentSchema) as AnySchemaObject,
  }));
}

const files = readdirSync(fixtures)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

describe('validators compiled ahead of time (dist/validators)', function () {
  // The run-time side compiles every shipped kind's schema: seconds, more with each kind added.
  this.timeout(60000);

  it('were compiled from the current schemas', () => {
    const stamp = join(validatorsDir, 'stamp.json');
    assert.ok(existsSync(stamp), `${stamp} is missing; ${BUILD}`);
    const index = createHash('sha256')
      .update(readFileSync(join(schemasDir, 'index.json')))
      .digest('hex');
    assert.equal((JSON.parse(readFileSync(stamp, 'utf8')) as { schemas: string }).schemas, index, `dist/validators is stale; ${BUILD}`);
  });

  it('has a validator for every shipped kind, and none for what is not shipped', () => {
    const index = compiledAtRunTime.readJson('index.json') as { kinds: { schema: string }[] };
    const missing = index.kinds.filter(({ schema }) => typeof compiledAhead.precompiled?.(schema) !== 'function');
    assert.deepEqual(missing, []);
    assert.equal(compiledAhead.precompiled?.('user/ml.example.com_v1_finetune.json'), undefined);
    assert.equal(compiledAhead.precompiled?.('kubernetes/definitions.json'), undefined);
  });

  it('are not used beside schemas they were not compiled from', () => {
    const other = mkdtempSync(join(tmpdir(), 'mlinfra-schemas-'));
    try {
      writeFileSync(join(other, 'index.json'), `${readFileSync(join(schemasDir, 'index.json'), 'utf8')}\n`);
      assert.equal(builtinSchemasAt(other, validatorsDir).precompiled, undefined);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('give the errors ajv gives compiling at run time, descriptions aside, on every document of every kind example', () => {
    const ahead = counting(compiledAhead);
    const registries = { ahead: new SchemaRegistry(ahead.schemas), runtime: new SchemaRegistry(compiledAtRunTime) };
    const validators = { ahead: new Validators(registries.ahead), runtime: new Validators(registries.runtime) };
    let documents = 0;
    for (const name of files) {
      for (const document of parseYamlFile(readFileSync(join(fixtures, name), 'utf8')).documents) {
        if (document.root?.kind !== 'map' || findModeline(document.text)) continue;
        const match = matchManifest(document, registries.runtime);
        if (!match || !('schema' in match)) continue;
        const value = toValue(document.root);
        assert.deepEqual(
          validators.ahead.validate(match.schema, value),
          withoutQuotedDescriptions(validators.runtime.validate(match.schema, value)),
          name,
        );
        documents++;
      }
    }
    assert.ok(documents >= files.length, `only ${documents} documents checked`);
    assert.equal(ahead.loaded.size, (compiledAtRunTime.readJson('index.json') as { kinds: unknown[] }).kinds.length);
  });

  it('give the same findings as ajv compiling at run time, on every kind example', () => {
    const ahead = counting(compiledAhead);
    const services = {
      ahead: createLanguageService({ fileExists: () => false, schemas: ahead.schemas }),
      runtime: createLanguageService({ fileExists: () => false, schemas: compiledAtRunTime }),
    };
    const differing = files.filter((name) => {
      const file = { uri: `file:///workspace/${name}`, text: readFileSync(join(fixtures, name), 'utf8') };
      return JSON.stringify(services.ahead.validate(file)) !== JSON.stringify(services.runtime.validate(file));
    });
    assert.deepEqual(differing, []);
    assert.ok(ahead.loaded.has('kinds/kubeflow.org_v1_pytorchjob.json'));
  });

  it("lets a user's CRD override a shipped kind, and the shipped one return when it goes", () => {
    const crd = dedent(`
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: pytorchjobs.kubeflow.org
      spec:
        group: kubeflow.org
        names: { kind: PyTorchJob, plural: pytorchjobs }
        scope: Namespaced
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      world: { type: integer }
    `);
    const job = fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        world: 8
        pytorchReplicaSpecs: {}
      # ^^^^^^^^^^^^^^^^^^^ error[schema/unknown-field]: Unknown field "pytorchReplicaSpecs" in PyTorchJob spec.
    `;
    const ahead = counting(compiledAhead);
    const service = createLanguageService({ fileExists: () => false, schemas: ahead.schemas });
    const schemaFindings = (text: string) =>
      service
        .validate({ uri: 'file:///workspace/job.yaml', text })
        .findings.filter((finding) => finding.code.startsWith('schema/'))
        .map((finding) => finding.message);
    const { text } = parseFixture(job);
    assert.deepEqual(service.setUserCrds([{ uri: 'file:///workspace/crds/pytorchjob.yaml', text: crd }]).kinds, [
      'PyTorchJob (kubeflow.org/v1)',
    ]);
    assert.deepEqual(schemaFindings(text), ['Unknown field "pytorchReplicaSpecs" in PyTorchJob spec.']);
    assert.equal(ahead.loaded.size, 0);
    service.setUserCrds([]);
    assert.deepEqual(schemaFindings(text), ['Unknown field "world" in PyTorchJob spec.']);
    assert.deepEqual([...ahead.loaded], ['kinds/kubeflow.org_v1_pytorchjob.json']);
  });
});
