import * as assert from 'node:assert/strict';
import { parseDocumentText } from '../parse/yaml-file';
import { workloadOf } from './index';
import { roleAnchor, rolePods } from './roles';

/** Each pod role as `<how messages name it> @ <the key or value a finding goes on>`. */
function roles(text: string): string[] {
  const workload = workloadOf(parseDocumentText(text).root)!;
  return workload.pods.map((pod) => {
    const anchor = roleAnchor(workload, pod);
    return `${rolePods(workload, pod)} @ ${String(anchor.value)}:${text.slice(0, anchor.start).split('\n').length}`;
  });
}

describe('roles', () => {
  it('names role pods and anchors them on the role', () => {
    const pytorchJob =
      'apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nspec:\n  pytorchReplicaSpecs:\n    Master:\n      template:\n        spec: { containers: [] }\n    Worker:\n      template:\n        spec: { containers: [] }\n';
    assert.deepEqual(roles(pytorchJob), ['the Master pods @ Master:5', 'the Worker pods @ Worker:8']);
    const jobSet =
      'apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nspec:\n  replicatedJobs:\n    - name: workers\n      template: { spec: { template: { spec: { containers: [] } } } }\n';
    assert.deepEqual(roles(jobSet), ['the workers pods @ workers:5']);
    const unnamedGroup =
      'apiVersion: ray.io/v1\nkind: RayCluster\nspec:\n  workerGroupSpecs:\n    - template:\n        spec: { containers: [] }\n';
    assert.deepEqual(roles(unnamedGroup), ['the workers pods @ template:5']);
  });

  it('anchors single-template kinds on the template, a Pod on its spec', () => {
    const job = 'apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers: []\n';
    assert.deepEqual(roles(job), ["the Job's pods @ template:4"]);
    const cronJob =
      'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: []\n';
    assert.deepEqual(roles(cronJob), ["the CronJob's pods @ template:6"]);
    assert.deepEqual(roles('apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n'), ['the pod @ spec:3']);
  });
});
