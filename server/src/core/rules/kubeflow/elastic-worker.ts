// An elastic PyTorchJob scales its Workers between elasticPolicy's minReplicas and maxReplicas:
// without a Worker replica spec there is nothing to scale, and the training operator's webhook
// rejects the job.
import { isReplicaType, replicaSpecsOf } from '../../workloads/training-operator';
import { defineRule } from '../rule';
import { replaceSpan } from '../yaml-edits';

export const kubeflowElasticWorker = defineRule({
  id: 'kubeflow/elastic-worker',
  severity: 'error',
  kinds: ['kubeflow.org/PyTorchJob'],
  description: 'A PyTorchJob with an elasticPolicy but no Worker replica spec: the training operator rejects it.',
  docs: {
    why:
      "Elastic training runs torchrun's rendezvous among the Workers and scales them between `elasticPolicy.minReplicas` " +
      'and `maxReplicas`; the training operator sets the elastic environment (`PET_NNODES` as a range, the ' +
      'rendezvous endpoint) on the Worker pods only. Its webhook rejects a PyTorchJob with an `elasticPolicy` ' +
      'and no Worker replica spec — typically a Master-only job to which an elastic policy was added.',
    fix:
      'Put the pods under a Worker replica spec (an elastic job needs no Master: the rendezvous replaces ' +
      'it), or remove `elasticPolicy` for a fixed-size job. When the job has only a Master, a quick fix ' +
      'renames it to Worker.',
    source:
      'kubeflow/training-operator pkg/webhooks/pytorch/pytorchjob_webhook.go (a Worker replica spec required ' +
      'with `elasticPolicy`) and pkg/controller.v1/pytorch/elastic.go (the elastic environment of the Workers).',
    invalid: `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: elastic-finetune
spec:
  elasticPolicy:
# ^^^^^^^^^^^^^ error[kubeflow/elastic-worker]: elasticPolicy needs a Worker replica spec: elastic training scales the Workers between minReplicas and maxReplicas, and the training operator rejects an elastic PyTorchJob without one. Move the pods to a Worker replica spec (an elastic job needs no Master), or remove elasticPolicy.
    rdzvBackend: c10d
    minReplicas: 1
    maxReplicas: 4
  pytorchReplicaSpecs:
    Master:
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3`,
    valid: `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: elastic-finetune
spec:
  elasticPolicy:
    rdzvBackend: c10d
    minReplicas: 1
    maxReplicas: 4
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3`,
  },
  check(workload, context) {
    const elastic = workload.root.map('spec')?.entry('elasticPolicy');
    const specs = replicaSpecsOf(workload);
    // `elasticPolicy:` with no value is no policy: the operator reads a missing one.
    if (elastic?.value?.kind !== 'map' || !specs) return;
    const keys = specs.map.node.entries.map((entry) => entry.key);
    // No replica spec at all is a job still being written, not an elastic one without Workers.
    if (!keys.length || keys.some((key) => isReplicaType(key.value, 'Worker'))) return;
    const master = keys.length === 1 && isReplicaType(keys[0].value, 'Master') ? keys[0] : undefined;
    const fixes = master ? [{ title: `Rename ${String(master.value)} to Worker`, edits: [replaceSpan(master, 'Worker')] }] : [];
    context.report(
      elastic.key,
      'elasticPolicy needs a Worker replica spec: elastic training scales the Workers between minReplicas ' +
        'and maxReplicas, and the training operator rejects an elastic PyTorchJob without one. Move the pods ' +
        'to a Worker replica spec (an elastic job needs no Master), or remove elasticPolicy.',
      { fixes },
    );
  },
});
