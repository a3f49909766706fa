// The pods the serving and notebook controllers run, as each counts them: a NIMService's replicas,
// its autoscaler's minimum or its multi-node groups, a NIMPipeline's enabled services, a stopped
// Notebook and a Knative revision kept from zero by min-scale.
import * as assert from 'node:assert/strict';
import { workloadOfObject } from '../objects';

/** `role replicas (from the text of the count's node)` per role; `?` for a count left open. */
function counts(apiVersion: string, kind: string, object: unknown): string[] {
  const view = workloadOfObject(apiVersion, kind, object);
  assert.ok(view);
  return view.pods.map((pod) => `${pod.role} ${pod.replicas ?? '?'}${pod.replicasNode ? ` (${String(pod.replicasNode.value)})` : ''}`);
}

const nimService = (spec: Record<string, unknown>) => counts('apps.nvidia.com/v1alpha1', 'NIMService', { spec });
const knative = (annotations: Record<string, string>) =>
  counts('serving.knative.dev/v1', 'Service', {
    spec: { template: { metadata: { annotations }, spec: { containers: [{ image: 'x' }] } } },
  });

describe('pod counts of the serving and notebook kinds', () => {
  it('runs a NIMService’s replicas, 1 when left out', () => {
    assert.deepEqual(nimService({ replicas: 3 }), ['NIM 3 (3)']);
    assert.deepEqual(nimService({}), ['NIM 1']);
  });

  it('runs an autoscaled NIMService’s HPA minimum, and ignores replicas then', () => {
    assert.deepEqual(nimService({ scale: { enabled: true, hpa: { minReplicas: 2, maxReplicas: 8 } } }), ['NIM 2 (2)']);
    assert.deepEqual(nimService({ scale: { enabled: true, hpa: { maxReplicas: 8 } } }), ['NIM 1']);
    assert.deepEqual(nimService({ replicas: 4, scale: { enabled: false, hpa: { minReplicas: 2, maxReplicas: 8 } } }), ['NIM 4 (4)']);
  });

  it('runs a multi-node NIMService as groups of pipeline-parallelism pods: a leader and the workers', () => {
    assert.deepEqual(nimService({ replicas: 2, multiNode: { parallelism: { pipeline: 4, tensor: 8 } } }), ['leader 2 (2)', 'worker 6 (4)']);
    // A pipeline of one stage is not multi-node: the operator deploys a Deployment.
    assert.deepEqual(nimService({ multiNode: { parallelism: { pipeline: 1, tensor: 8 } } }), ['NIM 1']);
  });

  it('runs the NIMServices of a pipeline’s enabled services, named by their entries', () => {
    const services = [
      { name: 'llm', enabled: true, spec: { replicas: 1, multiNode: { parallelism: { pipeline: 2 } } } },
      { name: 'embedding', enabled: true, spec: { scale: { enabled: true, hpa: { minReplicas: 2 } } } },
      { name: 'reranker', enabled: false, spec: {} },
      { name: 'guard', spec: {} },
    ];
    assert.deepEqual(counts('apps.nvidia.com/v1alpha1', 'NIMPipeline', { spec: { services } }), [
      'llm-leader 1 (1)',
      'llm-worker 1 (2)',
      'embedding 2 (2)',
    ]);
  });

  it('runs no pod of a stopped Notebook, whatever the annotation says', () => {
    const notebook = (annotations: Record<string, string>) =>
      counts('kubeflow.org/v1', 'Notebook', { metadata: { annotations }, spec: { template: { spec: { containers: [{ image: 'x' }] } } } });
    assert.deepEqual(notebook({}), ['notebook 1']);
    assert.deepEqual(notebook({ 'kubeflow-resource-stopped': '' }), ['notebook 0']);
  });

  it('leaves a Knative revision’s count open unless min-scale keeps pods running', () => {
    assert.deepEqual(knative({}), ['revision ?']);
    assert.deepEqual(knative({ 'autoscaling.knative.dev/min-scale': '0' }), ['revision ? (0)']);
    assert.deepEqual(knative({ 'autoscaling.knative.dev/min-scale': '3' }), ['revision 3 (3)']);
    // The current spelling wins over the older one, as in Knative.
    assert.deepEqual(knative({ 'autoscaling.knative.dev/minScale': '2', 'autoscaling.knative.dev/min-scale': '1' }), ['revision 1 (1)']);
    assert.deepEqual(knative({ 'autoscaling.knative.dev/minScale': '2' }), ['revision 2 (2)']);
  });
});
