import * as assert from 'node:assert/strict';
import { parseYamlFile } from '../parse/yaml-file';
import { containerLabel } from './container-label';
import { workloadOf } from './index';

function labels(text: string): string[] {
  const workload = workloadOf(parseYamlFile(text).documents[0].root)!;
  return workload.pods.flatMap((pod) => pod.allContainers.map((container) => containerLabel(workload, pod, container)));
}

describe('container labels', () => {
  it('names the container, init or not, and its role when the workload has several', () => {
    assert.deepEqual(
      labels('apiVersion: v1\nkind: Pod\nspec:\n  initContainers: [{ name: warmup }]\n  containers: [{ name: trainer }, { image: x }]\n'),
      ['init container warmup', 'container trainer', 'container (unnamed)'],
    );
    const job =
      'apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nspec:\n  pytorchReplicaSpecs:\n    Master: { template: { spec: { containers: [{ name: pytorch }] } } }\n    Worker: { template: { spec: { containers: [{ name: pytorch }] } } }\n';
    assert.deepEqual(labels(job), ['container pytorch of Master', 'container pytorch of Worker']);
  });
});
