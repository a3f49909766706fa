// An MPIJob has one launcher, the pod that runs mpirun once: the MPI operator rejects a job
// without one or with another count, and a launcher that restarts (`Always`, or `ExitCode` in
// kubeflow.org/v2beta1) is rejected too, or reruns mpirun forever.
import type { MapEntry, ScalarNode } from '../../document';
import { didYouMean } from '../../did-you-mean';
import { isReplicaType, replicaSpecsOf } from '../../workloads/training-operator';
import { asMap } from '../../workloads';
import { defineRule, type RuleContext } from '../rule';
import { replaceSpan, replaceValue } from '../yaml-edits';

/** A missing Launcher: pointed at the replica type meant as one (`launcher` in v2beta1, `Launchr`), else at `mpiReplicaSpecs`. */
function reportMissing(specsKey: ScalarNode, entries: MapEntry[], v2: boolean, context: RuleContext): void {
  const others = entries.map((entry) => entry.key).filter((key) => !isReplicaType(key.value, 'Worker'));
  const meant = didYouMean(
    'Launcher',
    others.map((key) => String(key.value)),
  );
  const key = others.find((other) => String(other.value) === meant);
  if (key) {
    const fix = { title: `Rename ${meant} to Launcher`, edits: [replaceSpan(key, 'Launcher')], preferred: true };
    context.report(
      key,
      `Replica type ${meant} is not Launcher: the MPI operator finds no launcher, the pod that runs mpirun, ` +
        `and rejects the job${v2 ? ' (replica types match exactly)' : ''}. Rename it to Launcher.`,
      { fixes: [fix] },
    );
    return;
  }
  context.report(
    specsKey,
    'An MPIJob needs a Launcher replica spec: the launcher is the pod that runs mpirun, and the MPI operator ' +
      'rejects a job without one. Add a Launcher with replicas: 1.',
  );
}

function reportRestartPolicy(policy: ScalarNode, v2: boolean, context: RuleContext): void {
  const value = String(policy.value);
  const why = v2
    ? `the MPI operator accepts only Never or OnFailure and rejects the job (Unsupported value: "${value}": ` +
      `supported values: "Never", "OnFailure")`
    : value === 'Always'
      ? 'the launcher runs mpirun once, and with Always Kubernetes restarts it whenever mpirun exits, so the job never completes'
      : 'it is not a restart policy, and Kubernetes rejects the launcher pod';
  const set = (to: string, preferred: boolean) => ({ title: `Set restartPolicy: ${to}`, edits: [replaceValue(policy, to)], preferred });
  context.report(policy, `Launcher restartPolicy ${value}: ${why}. Set restartPolicy: OnFailure (or Never).`, {
    fixes: [set('OnFailure', true), set('Never', false)],
  });
}

export const mpiLauncher = defineRule({
  id: 'mpi/launcher',
  severity: 'error',
  kinds: ['kubeflow.org/MPIJob'],
  description: 'An MPIJob launcher that is missing, has a replica count other than 1, or a restart policy other than Never or OnFailure.',
  docs: {
    why:
      'The launcher is the one pod of an MPIJob that runs `mpirun`, which starts the ranks on the Workers ' +
      'over SSH; the job succeeds when it does. The MPI operator rejects a job without a Launcher replica ' +
      'spec or with Launcher replicas other than 1 ("must be 1"), and in `kubeflow.org/v2beta1` a replica ' +
      '`restartPolicy` other than `Never` or `OnFailure` (the launcher is a batch Job, whose pods cannot ' +
      'restart `Always`). In `kubeflow.org/v1` an `Always` launcher is accepted, and restarts whenever mpirun ' +
      'exits, so the job never completes. Replica types match exactly in v2beta1 (`launcher` is not a Launcher).',
    fix:
      'Give the MPIJob one Launcher (`replicas: 1`) with `restartPolicy: OnFailure` (retries a failed mpirun ' +
      'in place) or `Never` (the default; `runPolicy.backoffLimit` then governs retries). The quick fixes ' +
      'set these values and rename a misspelled Launcher.',
    source:
      'kubeflow/mpi-operator pkg/apis/kubeflow/validation/validation.go (Launcher replica spec required, ' +
      'replicas "must be 1", restartPolicy one of Never and OnFailure) and pkg/apis/kubeflow/v2beta1/default.go; ' +
      'kubeflow/training-operator pkg/controller.v1/mpi (kubeflow.org/v1 MPIJobs, launcher pod restart policy ' +
      'from the replica spec).',
    invalid: `apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: nccl-allreduce
spec:
  slotsPerWorker: 8
  mpiReplicaSpecs:
    Launcher:
      replicas: 2
#               ^ error[mpi/launcher]: Launcher has 2 replicas: an MPIJob has one launcher, the pod that runs mpirun, and the MPI operator rejects any other count ("must be 1"). Set replicas: 1.
      restartPolicy: Always
#                    ^^^^^^ error[mpi/launcher]: Launcher restartPolicy Always: the MPI operator accepts only Never or OnFailure and rejects the job (Unsupported value: "Always": supported values: "Never", "OnFailure"). Set restartPolicy: OnFailure (or Never).
      template:
        spec:
          containers:
            - name: launcher
              image: mpioperator/nccl-tests:latest
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: worker
              image: mpioperator/nccl-tests:latest
              resources:
                limits:
                  nvidia.com/gpu: 8`,
    valid: `apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: nccl-allreduce
spec:
  slotsPerWorker: 8
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      restartPolicy: OnFailure
      template:
        spec:
          containers:
            - name: launcher
              image: mpioperator/nccl-tests:latest
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: worker
              image: mpioperator/nccl-tests:latest
              resources:
                limits:
                  nvidia.com/gpu: 8`,
  },
  check(workload, context) {
    const specs = replicaSpecsOf(workload);
    // `mpiReplicaSpecs: {}` is a job still being written (the kind's skeleton), not one without a launcher.
    if (!specs || specs.map.node.entries.length === 0) return;
    // The MPI operator (v2beta1) reads `Launcher` as written; the Training Operator (v1) fixes the case first.
    const v2 = workload.apiVersion !== 'kubeflow.org/v1';
    const entries = specs.map.node.entries;
    const launcher = entries.find((entry) => (v2 ? entry.key.value === 'Launcher' : isReplicaType(entry.key.value, 'Launcher')));
    if (!launcher) {
      reportMissing(specs.entry.key, entries, v2, context);
      return;
    }
    const spec = asMap(launcher.value);
    const replicas = spec?.integer('replicas');
    const replicasNode = spec?.scalar('replicas');
    if (replicasNode && replicas !== undefined && replicas !== 1) {
      const fix = { title: 'Set replicas: 1', edits: [replaceValue(replicasNode, 1)], preferred: true };
      context.report(
        replicasNode,
        `${String(launcher.key.value)} has ${replicas} replicas: an MPIJob has one launcher, the pod that ` +
          `runs mpirun, and the MPI operator rejects any other count ("must be 1"). Set replicas: 1.`,
        { fixes: [fix] },
      );
    }
    const policy = spec?.scalar('restartPolicy');
    const allowed = v2 ? ['Never', 'OnFailure'] : ['Never', 'OnFailure', 'ExitCode'];
    if (policy && policy.value !== null && !allowed.includes(String(policy.value))) reportRestartPolicy(policy, v2, context);
  },
});
