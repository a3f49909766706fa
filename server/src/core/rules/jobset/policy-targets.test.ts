import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'jobset/policy-targets';

/** A JobSet with replicated jobs `driver` and `workers`, and the policies given (lines under spec). */
const jobSet = (policies: string) => `apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata:
  name: train
spec:
${policies}  replicatedJobs:
    - name: driver
      template: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: main, image: busybox }] } } } }
    - name: workers
      replicas: 4
      template: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: main, image: busybox }] } } } }
`;

describe(ID, () => {
  it('accepts policies naming replicated jobs, or none', () => {
    checkRule(
      ID,
      jobSet(
        '  successPolicy:\n    operator: Any\n    targetReplicatedJobs: [driver]\n  failurePolicy:\n    maxRestarts: 3\n    rules:\n      - name: restartWorkers\n        action: RestartJobSet\n        targetReplicatedJobs: [workers, driver]\n      - name: failOthers\n        action: FailJobSet\n',
      ),
    );
    checkRule(ID, jobSet('  successPolicy:\n    operator: All\n    targetReplicatedJobs: []\n'));
  });

  it('reports names that are no replicated job, in the success policy and in failure policy rules', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: jobset.x-k8s.io/v1alpha2
      kind: JobSet
      metadata:
        name: train
      spec:
        successPolicy:
          operator: All
          targetReplicatedJobs:
            - worker
      #       ^^^^^^ error[jobset/policy-targets]: successPolicy names worker, which is no replicated job of this JobSet: the JobSet webhook rejects it ("invalid replicatedJob name 'worker' does not appear in .spec.ReplicatedJobs"). Did you mean workers?
            - driver
        failurePolicy:
          rules:
            - name: failFast
              action: FailJobSet
              targetReplicatedJobs: [launcher]
      #                              ^^^^^^^^ error[jobset/policy-targets]: failurePolicy rule failFast names launcher, which is no replicated job of this JobSet: the JobSet webhook rejects it ("invalid replicatedJob name 'launcher' does not appear in .spec.ReplicatedJobs"). Name one of driver, workers.
        replicatedJobs:
          - name: driver
            template: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: main, image: busybox }] } } } }
          - name: workers
            template: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: main, image: busybox }] } } } }
    `,
    );
  });

  it('never trips over a half-written JobSet', () => {
    checkRule(
      ID,
      jobSet(
        '  successPolicy:\n    targetReplicatedJobs:\n      -\n      - { name: x }\n  failurePolicy:\n    rules:\n      -\n      - targetReplicatedJobs: driver\n',
      ),
    );
    checkRule(ID, 'apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nspec:\n  successPolicy:\n    targetReplicatedJobs: [a]\n');
  });

  it('replaces a near-miss name', () => {
    checkRuleFix(
      ID,
      jobSet('  successPolicy:\n    operator: All\n    targetReplicatedJobs: [$0worker]\n'),
      'Replace with workers',
      jobSet('  successPolicy:\n    operator: All\n    targetReplicatedJobs: [workers]\n'),
    );
    checkRuleFix(
      ID,
      jobSet(
        '  failurePolicy:\n    rules:\n      - name: r\n        action: RestartJobSet\n        targetReplicatedJobs:\n          - $0drivr\n',
      ),
      'Replace with driver',
      jobSet(
        '  failurePolicy:\n    rules:\n      - name: r\n        action: RestartJobSet\n        targetReplicatedJobs:\n          - driver\n',
      ),
    );
  });
});
