// A replica's container without an image: the training operator's webhook rejects the job (the
// Kubernetes schema leaves `image` optional, for controllers that fill it in — Kubeflow does not).
// An init container without one passes the webhook, and Kubernetes then rejects every pod.
import { trainingFramework, TRAINING_OPERATOR_KINDS } from '../../workloads/training-operator';
import type { ContainerView } from '../../workloads';
import { defineRule } from '../rule';

/** Where to point: the empty value, the valueless `image:` key, else the container's name (or first key). */
function anchor(container: ContainerView) {
  const entry = container.node.entry('image');
  if (container.image && container.image.value !== null) return container.image;
  return entry?.key ?? container.nameNode ?? container.node.node.entries[0]?.key ?? container.node.node;
}

export const kubeflowEmptyImage = defineRule({
  id: 'kubeflow/empty-image',
  severity: 'error',
  kinds: TRAINING_OPERATOR_KINDS,
  description: 'A container of a Training Operator job without an image: the job is rejected, or its pods are.',
  docs: {
    why:
      "Kubernetes leaves a container's `image` optional in pod templates, so the schema accepts a job without " +
      "one, but nothing fills it in for a Kubeflow job: the training operator's webhook rejects a replica " +
      'container with no image or an empty one. An init container without an image passes the webhook, and ' +
      'then Kubernetes rejects every pod the operator creates for the replica, so the job never starts.',
    fix: 'Set `image` to the image that runs the container.',
    source:
      'kubeflow/training-operator pkg/webhooks/{pytorch,tensorflow,xgboost,paddlepaddle,jax}/*_webhook.go ' +
      '(the image of each replica container required); Kubernetes pod validation (`spec.initContainers[*].image: ' +
      'Required value`).',
    invalid: `apiVersion: kubeflow.org/v1
kind: XGBoostJob
metadata:
  name: churn
spec:
  xgbReplicaSpecs:
    Master:
      template:
        spec:
          containers:
            - name: xgboost
#                   ^^^^^^^ error[kubeflow/empty-image]: Container xgboost in Master has no image: the training operator rejects a replica container without one. Set image.
              args: ["--job_type=Train"]`,
    valid: `apiVersion: kubeflow.org/v1
kind: XGBoostJob
metadata:
  name: churn
spec:
  xgbReplicaSpecs:
    Master:
      template:
        spec:
          containers:
            - name: xgboost
              image: ghcr.io/acme/xgboost-dist:2.0.3
              args: ["--job_type=Train"]`,
  },
  check(workload, context) {
    if (!trainingFramework(workload)) return;
    const reported = new Set<number>();
    for (const pod of workload.pods) {
      for (const container of pod.allContainers) {
        const value = container.image?.value;
        // A number or a boolean is the schema's finding (a wrong type), not a missing image.
        if ((typeof value === 'string' && value.trim() !== '') || (value !== undefined && value !== null && typeof value !== 'string'))
          continue;
        const at = anchor(container);
        if (reported.has(at.start)) continue;
        reported.add(at.start);
        const subject = `${container.init ? 'Init container' : 'Container'} ${container.name ?? '(unnamed)'} in ${pod.role}`;
        const why = container.init
          ? 'the training operator accepts the job, then Kubernetes rejects every pod of the replica'
          : 'the training operator rejects a replica container without one';
        context.report(at, `${subject} has no image: ${why}. Set image.`);
      }
    }
  },
});
