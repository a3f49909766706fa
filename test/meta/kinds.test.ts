// Every supported kind has a valid example with no findings and an invalid one with its exact findings.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFindings } from '../harness/check';

const folder = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'kinds');

/** The kinds the fixtures must cover: file name stem, apiVersion and kind. */
const KINDS: [stem: string, apiVersion: string, kind: string][] = [
  ['pod', 'v1', 'Pod'],
  ['job', 'batch/v1', 'Job'],
  ['cronjob', 'batch/v1', 'CronJob'],
  ['deployment', 'apps/v1', 'Deployment'],
  ['statefulset', 'apps/v1', 'StatefulSet'],
  ['service', 'v1', 'Service'],
  ['configmap', 'v1', 'ConfigMap'],
  ['secret', 'v1', 'Secret'],
  ['persistentvolumeclaim', 'v1', 'PersistentVolumeClaim'],
  ['namespace', 'v1', 'Namespace'],
  ['pytorchjob', 'kubeflow.org/v1', 'PyTorchJob'],
  ['tfjob', 'kubeflow.org/v1', 'TFJob'],
  ['mpijob', 'kubeflow.org/v1', 'MPIJob'],
  ['mpijob-v2beta1', 'kubeflow.org/v2beta1', 'MPIJob'],
  ['xgboostjob', 'kubeflow.org/v1', 'XGBoostJob'],
  ['paddlejob', 'kubeflow.org/v1', 'PaddleJob'],
  ['jaxjob', 'kubeflow.org/v1', 'JAXJob'],
  ['trainjob', 'trainer.kubeflow.org/v1alpha1', 'TrainJob'],
  ['trainingruntime', 'trainer.kubeflow.org/v1alpha1', 'TrainingRuntime'],
  ['clustertrainingruntime', 'trainer.kubeflow.org/v1alpha1', 'ClusterTrainingRuntime'],
  ['jobset', 'jobset.x-k8s.io/v1alpha2', 'JobSet'],
  ['volcano-job', 'batch.volcano.sh/v1alpha1', 'Job'],
  ['podgroup', 'scheduling.volcano.sh/v1beta1', 'PodGroup'],
  ['queue', 'scheduling.volcano.sh/v1beta1', 'Queue'],
  ['raycluster', 'ray.io/v1', 'RayCluster'],
  ['rayjob', 'ray.io/v1', 'RayJob'],
  ['rayservice', 'ray.io/v1', 'RayService'],
  ['leaderworkerset', 'leaderworkerset.x-k8s.io/v1', 'LeaderWorkerSet'],
  ['inferenceservice', 'serving.kserve.io/v1beta1', 'InferenceService'],
  ['servingruntime', 'serving.kserve.io/v1alpha1', 'ServingRuntime'],
  ['clusterservingruntime', 'serving.kserve.io/v1alpha1', 'ClusterServingRuntime'],
];

const files = readdirSync(folder)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

/** The top-level `apiVersion` and `kind` lines of a fixture. */
function header(text: string): { apiVersion?: string; kind?: string } {
  const field = (name: string) => new RegExp(`^${name}:\\s*(\\S+)\\s*$`, 'm').exec(text)?.[1];
  return { apiVersion: field('apiVersion'), kind: field('kind') };
}

describe('kinds: one valid and one invalid example of every supported kind', () => {
  it('has a valid and an invalid file for every kind, and no other files', () => {
    const expected = KINDS.flatMap(([stem]) => [`${stem}.invalid.yaml`, `${stem}.valid.yaml`]).sort();
    assert.deepEqual(files, expected);
  });

  it('has fixtures of the apiVersion and kind their names say', () => {
    const wrong = KINDS.flatMap(([stem, apiVersion, kind]) =>
      ['valid', 'invalid']
        .map((variant) => `${stem}.${variant}.yaml`)
        .filter((name) => {
          const found = header(readFileSync(join(folder, name), 'utf8'));
          return found.apiVersion !== apiVersion || found.kind !== kind;
        }),
    );
    assert.deepEqual(wrong, []);
  });

  it('lists only kinds the generated schemas know', () => {
    const index = JSON.parse(readFileSync(join(folder, '..', '..', '..', 'schemas', 'index.json'), 'utf8')) as {
      kinds: { apiVersion: string; kind: string }[];
    };
    const known = new Set(index.kinds.map((entry) => `${entry.apiVersion} ${entry.kind}`));
    assert.deepEqual(
      KINDS.filter(([, apiVersion, kind]) => !known.has(`${apiVersion} ${kind}`)),
      [],
    );
  });

  for (const name of files) {
    it(`${name}: ${name.endsWith('.valid.yaml') ? 'no findings' : 'exactly the annotated findings'}`, () => {
      const source = readFileSync(join(folder, name), 'utf8');
      const annotations = source.match(/^\s*#?\s*\^+ (error|warning|info|hint)\[/gm)?.length ?? 0;
      if (name.endsWith('.valid.yaml')) assert.equal(annotations, 0, 'a valid example carries no annotations');
      else assert.ok(annotations >= 3 && annotations <= 5, `an invalid example shows 3 to 5 mistakes, not ${annotations}`);
      checkFindings(source, { uri: `file:///workspace/${name}` });
    });
  }
});
