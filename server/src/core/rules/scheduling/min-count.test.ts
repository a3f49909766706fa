import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';
import { testHost } from '../../../../../test/harness/hosts';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'scheduling/min-count';

const tooMany = (min: number, what: string, pods: number, effect: string, parts: string) =>
  `minCount (${min}) ${what} is more than the ${pods} pod${pods === 1 ? '' : 's'} ${effect} (${parts}): the gang can never be ` +
  `scheduled, and its pods wait Pending. Set minCount to ${pods} at most.`;

/** A PodGroup with a gang policy of `minCount` (written as given). */
const podGroup = (minCount: string, annotation = '') => `apiVersion: scheduling.k8s.io/v1alpha2
kind: PodGroup
metadata:
  name: workers
spec:
  schedulingPolicy:
    gang:
      minCount: ${minCount}
${annotation}`;

/** A Job of `parallelism` pods in the PodGroup `workers`. */
const job = (name: string, parallelism: number) => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
  parallelism: ${parallelism}
  template:
    spec:
      restartPolicy: Never
      schedulingGroup:
        podGroupName: workers
      containers:
        - name: trainer
          image: nvcr.io/nvidia/pytorch:24.05-py3
`;

describe(ID, () => {
  it('counts the pods that join a PodGroup in the file and in the YAML files of its folder', () => {
    const host = testHost({
      'file:///w/gang/workers.yaml': job('more', 2),
      'file:///w/gang/other.yaml': job('unrelated', 9).replace('workers', 'others'),
    });
    const parts = 'Job first 3, this file; Job more 2, workers.yaml';
    const annotation = `#               ^ warning[${ID}]: ${tooMany(8, 'of PodGroup workers', 5, 'that join it', parts)}\n`;
    checkFindings(`${podGroup('8', annotation)}---\n${job('first', 3)}`, { uri: 'file:///w/gang/group.yaml', host, only: ID });
    checkFindings(`${podGroup('5')}---\n${job('first', 3)}`, { uri: 'file:///w/gang/group.yaml', host, only: ID });
  });

  it("names each role of a workload with several, and compares a Workload's templates with its controller's pods", () => {
    checkRule(
      ID,
      fixture`
      apiVersion: scheduling.k8s.io/v1alpha2
      kind: Workload
      metadata:
        name: llm
      spec:
        controllerRef:
          apiGroup: kubeflow.org
          kind: MPIJob
          name: llm
        podGroupTemplates:
          - name: launcher
            schedulingPolicy:
              basic: {}
          - name: workers
            schedulingPolicy:
              gang:
                minCount: 16
      #                   ^^ warning[scheduling/min-count]: ${tooMany(16, 'of pod group template workers', 9, 'of its controller', 'MPIJob llm: Launcher 1 + Worker 8, this file')}
      ---
      apiVersion: kubeflow.org/v2beta1
      kind: MPIJob
      metadata:
        name: llm
      spec:
        mpiReplicaSpecs:
          Launcher:
            replicas: 1
            template:
              spec:
                containers:
                  - name: launcher
                    image: mpioperator/openmpi:0.6.0
          Worker:
            replicas: 8
            template:
              spec:
                containers:
                  - name: worker
                    image: mpioperator/openmpi:0.6.0
    `,
    );
  });

  it('says nothing without pods to count, with a count left open, or with a minCount that is not a number', () => {
    checkRule(ID, podGroup('8'));
    const daemonSet = job('x', 1)
      .replace('batch/v1\nkind: Job', 'apps/v1\nkind: DaemonSet')
      .replace('  parallelism: 1\n', '  selector: { matchLabels: { app: x } }\n');
    checkRule(ID, `${podGroup('8')}---\n${daemonSet}`);
    checkRule(ID, `${podGroup('"8"')}---\n${job('first', 3)}`);
    checkRule(ID, `${podGroup('')}---\n${job('first', 3)}`);
    // A Workload whose controller is not here.
    checkRule(
      ID,
      'apiVersion: scheduling.k8s.io/v1alpha2\nkind: Workload\nmetadata:\n  name: w\nspec:\n  controllerRef:\n    kind: Job\n    name: absent\n' +
        '  podGroupTemplates:\n    - name: all\n      schedulingPolicy:\n        gang:\n          minCount: 4\n',
    );
  });

  it('sets minCount to the pods there are', () => {
    checkRuleFix(ID, `${podGroup('$08')}---\n${job('first', 3)}`, 'Set minCount to 3', `${podGroup('3')}---\n${job('first', 3)}`);
  });
});
