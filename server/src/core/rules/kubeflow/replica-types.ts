// Each Training Operator framework has fixed replica types (PyTorchJob: Master and Worker; TFJob:
// Chief, Master, PS, Worker and Evaluator…): the operator's webhook rejects any other, and an
// XGBoostJob without the Master that runs its tracker.
import { didYouMean } from '../../did-you-mean';
import { isReplicaType, trainingFramework, replicaSpecsOf, TRAINING_OPERATOR_KINDS } from '../../workloads/training-operator';
import { defineRule } from '../rule';
import { replaceSpan } from '../yaml-edits';

/** `Master or Worker`, `Chief, Master, PS, Worker or Evaluator`. */
function either(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

export const kubeflowReplicaTypes = defineRule({
  id: 'kubeflow/replica-types',
  severity: 'error',
  kinds: TRAINING_OPERATOR_KINDS,
  description:
    "A replica type the job's framework does not have, or an XGBoostJob without its Master: the training operator rejects the job.",
  docs: {
    why:
      'The Training Operator knows a fixed set of replica types for each framework: PyTorchJob, XGBoostJob ' +
      'and PaddleJob have Master and Worker; TFJob has Chief, Master, PS, Worker and Evaluator; JAXJob has ' +
      'only Worker. Its validating webhook rejects a job with any other replica type (a misspelled `Workers`, ' +
      'a `Launcher` copied from an MPIJob, a TFJob `Chief` in a PyTorchJob), and an XGBoostJob must have ' +
      'a Master, the pod that runs the tracker its workers connect to. Types match in any case: the operator ' +
      'rewrites `worker` to `Worker` before validating.',
    fix:
      'Rename the replica type to one the framework has. The quick fix renames a near miss (`Workers` → ' +
      '`Worker`, `Eval` → `Evaluator`).',
    source:
      'kubeflow/training-operator pkg/webhooks/{pytorch,tensorflow,xgboost,paddlepaddle,jax}/*_webhook.go ' +
      '(replica types `Unsupported value: … supported values: …`; XGBoost: Master replica spec required), ' +
      'and the defaulting that renames types to their camel case (`setTypeNameToCamelCase`).',
    invalid: `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: finetune
spec:
  pytorchReplicaSpecs:
    Master:
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
    Workers:
#   ^^^^^^^ error[kubeflow/replica-types]: Replica type Workers is not one a PyTorchJob has: the training operator rejects the job (Unsupported value: "Workers": supported values: "Master", "Worker"). Did you mean Worker?
      replicas: 3
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
    const keys = specs.map.node.entries.map((entry) => entry.key);
    const written = keys.map((key) => String(key.value));
    const free = framework.replicaTypes.filter((type) => !written.some((name) => isReplicaType(name, type)));
    const suggested: string[] = [];
    for (const key of keys) {
      const name = String(key.value);
      if (framework.replicaTypes.some((type) => isReplicaType(name, type))) continue;
      const supported = framework.replicaTypes.map((type) => `"${type}"`).join(', ');
      const suggestion = didYouMean(name, free);
      if (suggestion) suggested.push(suggestion);
      const advice = suggestion ? `Did you mean ${suggestion}?` : `Use ${either(framework.replicaTypes)}.`;
      const fixes = suggestion
        ? [{ title: `Rename ${name} to ${suggestion}`, edits: [replaceSpan(key, suggestion)], preferred: true }]
        : [];
      context.report(
        key,
        `Replica type ${name} is not one ${/^[AEIOX]/.test(framework.kind) ? 'an' : 'a'} ${framework.kind} ` +
          `has: the training operator rejects the job (Unsupported value: "${name}": supported values: ${supported}). ` +
          `${advice}`,
        { fixes },
      );
    }
    // An empty map is a job still being written (the kind's skeleton), not one without a Master.
    if (framework.kind === 'XGBoostJob' && keys.length && free.includes('Master') && !suggested.includes('Master')) {
      context.report(
        specs.entry.key,
        'An XGBoostJob needs a Master replica spec: the Master runs the tracker its workers connect to, and ' +
          'the training operator rejects a job without one. Add a Master with replicas: 1.',
      );
    }
  },
});
