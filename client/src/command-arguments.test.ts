// The cluster commands read rows by their typed fields: "Switch context" on the row of a context
// named like an EKS ARN switches to that context (reading ids lost every name holding a slash).
import * as assert from 'node:assert/strict';
import {
  containerArgument,
  contextArgument,
  logTargetArgument,
  namespaceArgument,
  objectArgument,
  retryArgument,
  trainingJobArgument,
} from './command-arguments';
import { containerNodes, podNode, workloadNode, type WorkloadView } from './views/clusters-model';
import { contextNode, namespaceNode } from './views/context-rows';
import { errorNode, type NodeData } from './views/node';

const ARN = 'arn:aws:eks:us-west-2:123456789012:cluster/ml-prod';
const ODD = 'team/kind:batch/ns:ml';
/** What the extension's API and tests hand back: a JSON copy of the row. */
const copy = (row: NodeData): NodeData => JSON.parse(JSON.stringify(row)) as NodeData;

const view: WorkloadView = {
  typeKey: 'kubeflow.org/pytorchjobs',
  kindLabel: 'PyTorchJob',
  name: 'llama',
  namespace: 'ml',
  uid: 'j1',
  state: { state: 'running' },
  ready: 1,
  total: 1,
  gpus: 8,
  atLeast: false,
  pods: [],
};

describe('cluster command arguments', () => {
  it('switch to the context of a context row, whatever its name holds', () => {
    for (const name of [ARN, ODD, 'mlinfra-demo']) {
      const row = contextNode({ name }, false);
      assert.equal(contextArgument(row), name);
      assert.equal(contextArgument(copy(row)), name);
    }
    assert.equal(contextArgument('mlinfra-demo'), 'mlinfra-demo');
    assert.equal(contextArgument(undefined), undefined, 'from the palette: the command asks');
    assert.equal(contextArgument(namespaceNode(ARN, 'ml', false)), undefined, 'a namespace row is not a context');
  });

  it('switch to a namespace row with its context', () => {
    assert.deepEqual(namespaceArgument(namespaceNode(ARN, 'ml-serving', false)), { context: ARN, namespace: 'ml-serving' });
    assert.deepEqual(namespaceArgument('ml-serving'), { namespace: 'ml-serving' });
    assert.equal(namespaceArgument(contextNode({ name: ARN }, true)), undefined);
  });

  it('read the object of a row, or an object reference, for the live YAML', () => {
    const job = workloadNode('k', ARN, view, 0);
    const ref = { context: ARN, namespace: 'ml', typeKey: 'kubeflow.org/pytorchjobs', name: 'llama' };
    assert.deepEqual(objectArgument(copy(job)), ref);
    assert.deepEqual(objectArgument(ref), ref);
    assert.equal(objectArgument(contextNode({ name: ARN }, true)), undefined);
    assert.equal(objectArgument({ name: 'llama' }), undefined);
  });

  it('delete only a training job row', () => {
    const job = workloadNode('k', ARN, view, 0);
    const ref = { context: ARN, namespace: 'ml', typeKey: 'kubeflow.org/pytorchjobs', name: 'llama' };
    assert.deepEqual(trainingJobArgument(copy(job)), { ref, label: 'PyTorchJob' });
    const inference = { ...view, typeKey: 'serving.kserve.io/inferenceservices', kindLabel: 'InferenceService' };
    assert.equal(trainingJobArgument(workloadNode('k', ARN, inference, 0, true)), undefined);
    assert.equal(trainingJobArgument({ ref }), undefined, 'not a row');
  });

  it('read the container of a container row, and what an error row retries', () => {
    const pod = { metadata: { name: 'p', namespace: 'ml' }, spec: { containers: [{ name: 'main', image: 'x' }] } };
    const [container] = containerNodes(podNode('j', ARN, pod, 0).id, ARN, pod);
    const podRef = { context: ARN, namespace: 'ml', typeKey: '/pods', name: 'p' };
    assert.deepEqual(containerArgument(copy(container)), { pod: podRef, container: 'main', init: false });
    const error = errorNode('ns', { message: 'forbidden', kind: 'forbidden', code: 403 }, { context: ARN, namespace: 'ml' });
    assert.deepEqual(retryArgument(copy(error)), { context: ARN, namespace: 'ml' });
    assert.equal(retryArgument(undefined), undefined);
  });

  it('read the logs target of a job, inference service, pod or container row, or a target itself', () => {
    const target = { context: ARN, namespace: 'ml', typeKey: 'kubeflow.org/pytorchjobs', name: 'llama' };
    assert.deepEqual(logTargetArgument(copy(workloadNode('k', ARN, view, 0))), target);
    const inference = { ...view, typeKey: 'serving.kserve.io/inferenceservices', kindLabel: 'InferenceService', name: 'bert' };
    assert.deepEqual(logTargetArgument(workloadNode('k', ARN, inference, 0, true)), {
      ...target,
      typeKey: inference.typeKey,
      name: 'bert',
    });
    const pod = { metadata: { name: 'p', namespace: 'ml' }, spec: { containers: [{ name: 'main', image: 'x' }] } };
    const podRow = podNode('j', ARN, pod, 0);
    assert.deepEqual(logTargetArgument(copy(podRow)), { context: ARN, namespace: 'ml', typeKey: '/pods', name: 'p' });
    const [container] = containerNodes(podRow.id, ARN, pod);
    assert.deepEqual(logTargetArgument(copy(container)), { context: ARN, namespace: 'ml', typeKey: '/pods', name: 'p', container: 'main' });
    assert.deepEqual(logTargetArgument({ ...target, container: 'pytorch' }), { ...target, container: 'pytorch' });
    assert.equal(logTargetArgument(namespaceNode(ARN, 'ml', false)), undefined, 'a namespace has no logs of its own');
    assert.equal(logTargetArgument(contextNode({ name: ARN }, true)), undefined);
  });
});
