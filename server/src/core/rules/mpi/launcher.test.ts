import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'mpi/launcher';

/** An MPIJob whose Launcher replica spec has the given lines (and key). */
const job = (apiVersion: string, launcher: string, key = 'Launcher') => `apiVersion: kubeflow.org/${apiVersion}
kind: MPIJob
metadata:
  name: allreduce
spec:
  mpiReplicaSpecs:
    ${key}:
${launcher}      template:
        spec:
          containers:
            - name: launcher
              image: mpioperator/openmpi:0.5.0
    Worker:
      replicas: 2
`;

describe(ID, () => {
  it('accepts one launcher that restarts on failure or never', () => {
    checkRule(ID, job('v2beta1', '      replicas: 1\n      restartPolicy: OnFailure\n'));
    checkRule(ID, job('v2beta1', '      restartPolicy: Never\n'));
    checkRule(ID, job('v1', '      restartPolicy: ExitCode\n', 'launcher'));
  });

  it('reports a missing launcher, or one whose type is written otherwise', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v2beta1
      kind: MPIJob
      metadata:
        name: allreduce
      spec:
        mpiReplicaSpecs:
      # ^^^^^^^^^^^^^^^ error[mpi/launcher]: An MPIJob needs a Launcher replica spec: the launcher is the pod that runs mpirun, and the MPI operator rejects a job without one. Add a Launcher with replicas: 1.
          Worker:
            replicas: 2
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v2beta1
      kind: MPIJob
      metadata:
        name: allreduce
      spec:
        mpiReplicaSpecs:
          launcher:
      #   ^^^^^^^^ error[mpi/launcher]: Replica type launcher is not Launcher: the MPI operator finds no launcher, the pod that runs mpirun, and rejects the job (replica types match exactly). Rename it to Launcher.
            replicas: 1
          Worker:
            replicas: 2
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: MPIJob
      metadata:
        name: allreduce
      spec:
        mpiReplicaSpecs:
          Launchr:
      #   ^^^^^^^ error[mpi/launcher]: Replica type Launchr is not Launcher: the MPI operator finds no launcher, the pod that runs mpirun, and rejects the job. Rename it to Launcher.
            replicas: 1
          Worker:
            replicas: 2
    `,
    );
  });

  it('reports launcher replicas other than 1', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: MPIJob
      metadata:
        name: allreduce
      spec:
        mpiReplicaSpecs:
          Launcher: { replicas: 0 }
      #                         ^ error[mpi/launcher]: Launcher has 0 replicas: an MPIJob has one launcher, the pod that runs mpirun, and the MPI operator rejects any other count ("must be 1"). Set replicas: 1.
          Worker:
            replicas: 2
    `,
    );
  });

  it('reports restart policies the launcher cannot have, by version', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v2beta1
      kind: MPIJob
      metadata:
        name: allreduce
      spec:
        mpiReplicaSpecs:
          Launcher:
            restartPolicy: ExitCode
      #                    ^^^^^^^^ error[mpi/launcher]: Launcher restartPolicy ExitCode: the MPI operator accepts only Never or OnFailure and rejects the job (Unsupported value: "ExitCode": supported values: "Never", "OnFailure"). Set restartPolicy: OnFailure (or Never).
          Worker:
            replicas: 2
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: MPIJob
      metadata:
        name: allreduce
      spec:
        mpiReplicaSpecs:
          Launcher:
            restartPolicy: Always
      #                    ^^^^^^ error[mpi/launcher]: Launcher restartPolicy Always: the launcher runs mpirun once, and with Always Kubernetes restarts it whenever mpirun exits, so the job never completes. Set restartPolicy: OnFailure (or Never).
          Worker:
            replicas: 2
            restartPolicy: Always
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: MPIJob
      metadata:
        name: allreduce
      spec:
        mpiReplicaSpecs:
          Launcher:
            restartPolicy: never
      #                    ^^^^^ error[mpi/launcher]: Launcher restartPolicy never: it is not a restart policy, and Kubernetes rejects the launcher pod. Set restartPolicy: OnFailure (or Never).
    `,
    );
  });

  it('leaves other kinds alone, and jobs with no replica spec yet', () => {
    checkRule(ID, 'apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nmetadata:\n  name: allreduce\nspec:\n  mpiReplicaSpecs: {}\n');
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        pytorchReplicaSpecs:
          Worker:
            replicas: 2
    `,
    );
  });

  it('sets replicas and the restart policy, and renames the launcher', () => {
    checkRuleFix(ID, job('v2beta1', '      replicas: $02\n'), 'Set replicas: 1', job('v2beta1', '      replicas: 1\n'));
    checkRuleFix(
      ID,
      job('v2beta1', '      restartPolicy: $0Always\n'),
      'Set restartPolicy: OnFailure',
      job('v2beta1', '      restartPolicy: OnFailure\n'),
    );
    checkRuleFix(ID, job('v1', '      restartPolicy: $0Always\n'), 'Set restartPolicy: Never', job('v1', '      restartPolicy: Never\n'));
    checkRuleFix(ID, job('v2beta1', '', '$0launcher'), 'Rename launcher to Launcher', job('v2beta1', ''));
  });
});
