// A Training Operator job has one coordinating pod: a PyTorchJob's or an XGBoostJob's Master
// (exactly one replica, or the webhook rejects the job), a TFJob's Chief — or Master, its older
// name, never both — which TensorFlow allows once in its cluster.
import type { ScalarNode } from '../../document';
import type { YamlMap } from '../../workloads';
import { isReplicaType, trainingFramework, replicaSpecsOf, TRAINING_OPERATOR_KINDS } from '../../workloads/training-operator';
import { defineRule, type RuleContext } from '../rule';
import { replaceValue } from '../yaml-edits';

/** What the single Master is, by kind, for the message. */
const MASTER_ROLE: Record<string, string> = {
  PyTorchJob: 'a PyTorchJob has one Master (rank 0, where the workers rendezvous)',
  XGBoostJob: 'an XGBoostJob has one Master (it runs the tracker the workers connect to)',
};

function setToOne(replicas: ScalarNode) {
  return [{ title: 'Set replicas: 1', edits: [replaceValue(replicas, 1)], preferred: true }];
}

function checkTfChief(leaders: { key: ScalarNode; value: YamlMap }[], context: RuleContext): void {
  for (const { key, value } of leaders) {
    const replicas = value.integer('replicas');
    const node = value.scalar('replicas');
    if (replicas === undefined || replicas <= 1 || !node) continue;
    context.report(
      node,
      `${String(key.value)} has ${replicas} replicas: a TFJob has one chief, the pod that coordinates training ` +
        `and writes checkpoints, and TensorFlow fails with more ("There must be at most one 'chief' job"). ` +
        `Set replicas: 1, and count the other pods as Workers.`,
      { fixes: setToOne(node) },
    );
  }
  for (const { key } of leaders.slice(1)) {
    context.report(
      key,
      `A TFJob has a Chief or a Master, not both: Master is the older name of the same role, and the training ` +
        `operator rejects a job with more than one. Keep one of them and make the other pods Workers.`,
    );
  }
}

export const kubeflowMasterReplicas = defineRule({
  id: 'kubeflow/master-replicas',
  severity: 'error',
  kinds: TRAINING_OPERATOR_KINDS,
  description:
    'More than one master: PyTorchJob or XGBoostJob Master replicas other than 1, a TFJob Chief or Master with several replicas, or both.',
  docs: {
    why:
      'A distributed job has one pod that coordinates the others. In a PyTorchJob the Master is rank 0, ' +
      'whose address every worker receives as `MASTER_ADDR`; in an XGBoostJob it runs the tracker. The training ' +
      "operator's webhook rejects a Master with any replica count other than 1. In a TFJob the chief is " +
      '`Chief` (or `Master`, its older name): the operator rejects a job that has both, and TensorFlow rejects ' +
      'a cluster with more than one chief task when training starts, after the pods were scheduled.',
    fix:
      "Set the Master's (or the Chief's) replicas to 1 and count the other pods as Workers; keep only one " +
      'of Chief and Master in a TFJob. The quick fix sets replicas to 1.',
    source:
      'kubeflow/training-operator pkg/webhooks/pytorch/pytorchjob_webhook.go and pkg/webhooks/xgboost/xgboostjob_webhook.go ' +
      '(Master replicas "must be 1"), pkg/webhooks/tensorflow/tfjob_webhook.go (at most one Chief or Master); ' +
      "TensorFlow tensorflow/python/distribute/multi_worker_util.py (\"There must be at most one 'chief' " +
      'job").',
    invalid: `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: finetune
spec:
  pytorchReplicaSpecs:
    Master:
      replicas: 4
#               ^ error[kubeflow/master-replicas]: Master has 4 replicas: a PyTorchJob has one Master (rank 0, where the workers rendezvous), and the training operator rejects any other count ("must be 1"). Set replicas: 1, and count the other pods as Workers.
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3`,
    valid: `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: finetune
spec:
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
    Worker:
      replicas: 3
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3`,
  },
  check(workload, context) {
    const framework = trainingFramework(workload);
    const specs = framework && replicaSpecsOf(workload);
    if (!framework || !specs) return;
    const entries = specs.map.mapEntries();
    if (framework.kind === 'TFJob') {
      checkTfChief(
        entries.filter(({ key }) => isReplicaType(key.value, 'Chief') || isReplicaType(key.value, 'Master')),
        context,
      );
      return;
    }
    const role = MASTER_ROLE[framework.kind];
    if (!role) return;
    for (const { key, value } of entries) {
      const replicas = value.integer('replicas');
      const node = value.scalar('replicas');
      if (!isReplicaType(key.value, 'Master') || replicas === undefined || replicas === 1 || !node) continue;
      context.report(
        node,
        `${String(key.value)} has ${replicas} replicas: ${role}, and the training operator rejects any other ` +
          `count ("must be 1"). Set replicas: 1, and count the other pods as Workers.`,
        { fixes: setToOne(node) },
      );
    }
  },
});
