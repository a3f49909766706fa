import * as assert from 'node:assert/strict';
import { groupVersionsToRead, resourcePath, servedVersions, TRAINING_TYPES, typeByKey, typeOf, POD_TYPE, NODE_TYPE } from './resources';

describe('resource types', () => {
  it('builds API paths for core, group, namespaced and cluster-scoped resources', () => {
    assert.equal(resourcePath(POD_TYPE, 'v1', 'ml-training'), '/api/v1/namespaces/ml-training/pods');
    assert.equal(resourcePath(POD_TYPE, 'v1'), '/api/v1/pods');
    assert.equal(resourcePath(NODE_TYPE, 'v1', undefined, 'gpu-0'), '/api/v1/nodes/gpu-0');
    assert.equal(resourcePath(typeByKey('kubeflow.org/pytorchjobs')!, 'v1', 'ml', 'llama'), '/apis/kubeflow.org/v1/namespaces/ml/pytorchjobs/llama');
  });

  it('tells a Volcano Job from a batch Job by its group', () => {
    assert.equal(typeOf('batch.volcano.sh/v1alpha1', 'Job')?.label, 'Volcano Job');
    assert.equal(typeOf('batch/v1', 'Job')?.label, 'Job');
  });

  it('picks the preferred version the cluster serves, and skips kinds it does not serve', () => {
    const discovery = new Map([
      ['kubeflow.org/v1', new Set(['pytorchjobs', 'tfjobs', 'mpijobs'])],
      ['kubeflow.org/v2beta1', new Set(['mpijobs'])],
      ['batch/v1', new Set(['jobs', 'cronjobs'])],
    ]);
    const served = servedVersions(TRAINING_TYPES, discovery);
    assert.deepEqual([...served], [
      ['kubeflow.org/pytorchjobs', 'v1'],
      ['kubeflow.org/tfjobs', 'v1'],
      ['kubeflow.org/mpijobs', 'v2beta1'],
      ['batch/jobs', 'v1'],
    ]);
  });

  it('reads the resource lists only of announced group versions it may use', () => {
    const announced = new Set(['apps/v1', 'batch/v1', 'kubeflow.org/v1', 'ray.io/v1', 'example.com/v1']);
    assert.deepEqual(groupVersionsToRead(TRAINING_TYPES, announced), ['batch/v1', 'kubeflow.org/v1', 'ray.io/v1']);
  });
});
