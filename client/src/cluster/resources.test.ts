import * as assert from 'node:assert/strict';
import { resourcePath, typeByKey, typeOf, POD_TYPE, NODE_TYPE } from './resources';

describe('resource types', () => {
  it('builds API paths for core, group, namespaced and cluster-scoped resources', () => {
    assert.equal(resourcePath(POD_TYPE, 'v1', 'ml-training'), '/api/v1/namespaces/ml-training/pods');
    assert.equal(resourcePath(POD_TYPE, 'v1'), '/api/v1/pods');
    assert.equal(resourcePath(NODE_TYPE, 'v1', undefined, 'gpu-0'), '/api/v1/nodes/gpu-0');
    assert.equal(
      resourcePath(typeByKey('kubeflow.org/pytorchjobs')!, 'v1', 'ml', 'llama'),
      '/apis/kubeflow.org/v1/namespaces/ml/pytorchjobs/llama',
    );
  });

  it('tells a Volcano Job from a batch Job by its group', () => {
    assert.equal(typeOf('batch.volcano.sh/v1alpha1', 'Job')?.label, 'Volcano Job');
    assert.equal(typeOf('batch/v1', 'Job')?.label, 'Job');
  });
});
