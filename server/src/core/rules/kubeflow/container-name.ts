// The training operator finds a replica's training container by a fixed name (`pytorch`,
// `tensorflow`, `xgboost`, `paddle`, `jax`): its ports, its exit code for the restart policy.
// The webhook rejects a replica in which no container has that name.
import { trainingFramework, TRAINING_OPERATOR_KINDS } from '../../workloads/training-operator';
import { defineRule } from '../rule';
import { replaceValue } from '../yaml-edits';

export const kubeflowContainerName = defineRule({
  id: 'kubeflow/container-name',
  severity: 'error',
  kinds: TRAINING_OPERATOR_KINDS,
  description:
    'A replica with no container named after its framework (pytorch, tensorflow, xgboost, paddle, jax): ' +
    'the training operator rejects the job.',
  docs: {
    why:
      "The training operator treats the container with its framework's name as the training container: " +
      '`pytorch` in a PyTorchJob, `tensorflow` in a TFJob, `xgboost`, `paddle` and `jax` in the others. ' +
      "It reads that container's port for the rendezvous and its exit code for the `ExitCode` restart policy, " +
      'and its webhook rejects every replica in which no container has the name — at apply time, however ' +
      'right the rest of the job is.',
    fix:
      'Name the container that runs training after the framework; sidecars keep their names. When a replica ' +
      'has one container, the quick fix renames it.',
    source:
      'kubeflow/training-operator pkg/webhooks/{pytorch,tensorflow,xgboost,paddlepaddle,jax}/*_webhook.go ' +
      '(a container named after the framework required in each replica; the names are the `*DefaultContainerName` ' +
      'constants of pkg/apis/kubeflow.org/v1).',
    invalid: `apiVersion: kubeflow.org/v1
kind: TFJob
metadata:
  name: resnet
spec:
  tfReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: trainer
#                   ^^^^^^^ error[kubeflow/container-name]: Container trainer in Worker must be named tensorflow: the training operator finds the training container by that name and rejects a replica without one. Rename it to tensorflow.
              image: tensorflow/tensorflow:2.16.1-gpu`,
    valid: `apiVersion: kubeflow.org/v1
kind: TFJob
metadata:
  name: resnet
spec:
  tfReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: tensorflow
              image: tensorflow/tensorflow:2.16.1-gpu
            - name: log-shipper
              image: fluent/fluent-bit:3.0`,
  },
  check(workload, context) {
    const framework = trainingFramework(workload);
    if (!framework) return;
    const expected = framework.container;
    const reported = new Set<number>();
    for (const pod of workload.pods) {
      const containersKey = pod.spec.entry('containers')?.key;
      // A container without a name is the schema's finding (name is required); this rule looks once all are named.
      const named = pod.containers.every((container) => container.nameNode && container.nameNode.value !== null);
      if (!pod.containers.length || !named || !containersKey || pod.containers.some((container) => container.name === expected)) continue;
      const [only] = pod.containers;
      if (pod.containers.length > 1) {
        if (reported.has(containersKey.start)) continue;
        reported.add(containersKey.start);
        context.report(
          containersKey,
          `No container in ${pod.role} is named ${expected}: the training operator finds the training container ` +
            `by that name and rejects a replica without one. Name the container that runs training ${expected}.`,
        );
        continue;
      }
      const at = only.nameNode;
      if (!at || reported.has(at.start)) continue;
      reported.add(at.start);
      const fix = { title: `Rename container ${only.name} to ${expected}`, edits: [replaceValue(at, expected)], preferred: true };
      context.report(
        at,
        `Container ${only.name} in ${pod.role} must be named ${expected}: the training operator finds the ` +
          `training container by that name and rejects a replica without one. Rename it to ${expected}.`,
        { fixes: [fix] },
      );
    }
  },
});
