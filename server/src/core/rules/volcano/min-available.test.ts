import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'volcano/min-available';

/** A Volcano Job with `head` lines under spec (minAvailable…) and tasks of `name replicas [minAvailable]`. */
function job(head: string, tasks: string[]): string {
  const taskText = tasks
    .map((task) => {
      const [name, replicas, min] = task.split(' ');
      return `    - name: ${name}\n${replicas === '-' ? '' : `      replicas: ${replicas}\n`}${min ? `      minAvailable: ${min}\n` : ''}      template:\n        spec:\n          containers:\n            - name: pytorch\n              image: nvcr.io/nvidia/pytorch:24.05-py3\n`;
    })
    .join('');
  return `apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata:\n  name: ddp\nspec:\n  schedulerName: volcano\n${head}  tasks:\n${taskText}`;
}

describe(ID, () => {
  it('accepts minAvailable up to the total replicas, and task minAvailable up to its replicas', () => {
    checkRule(ID, job('  minAvailable: 4\n', ['master 1', 'worker 3 2']));
    checkRule(ID, job('  minAvailable: 1\n', ['master 1', 'worker 3 3']));
    checkRule(ID, job('', ['worker 3']));
  });

  it('reports minAvailable above the total replicas', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: batch.volcano.sh/v1alpha1
      kind: Job
      metadata:
        name: ddp
      spec:
        minAvailable: 4
      #               ^ error[volcano/min-available]: minAvailable (4) is more than the 3 pods of all tasks (master 2 + worker 1): the gang can never be scheduled, and Volcano's webhook rejects the job ("job 'minAvailable' should not be greater than total replicas in tasks"). Set minAvailable to 3 at most.
        tasks:
          - name: master
            replicas: 2
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
          - name: worker
            replicas: 1
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
    `,
    );
  });

  it("reports a task's minAvailable above its replicas", () => {
    checkRule(
      ID,
      fixture`
      apiVersion: batch.volcano.sh/v1alpha1
      kind: Job
      metadata:
        name: ddp
      spec:
        tasks:
          - name: worker
            replicas: 2
            minAvailable: 4
      #                   ^ error[volcano/min-available]: minAvailable (4) of task worker is more than its 2 replicas: the task can never start, and Volcano's webhook rejects the job ("'minAvailable' is greater than 'replicas' in task: worker"). Set it to 2 at most.
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
    `,
    );
  });

  it('leaves tasks without replicas, and quoted counts, to the schema', () => {
    checkRule(ID, job('  minAvailable: 3\n', ['master 1', 'worker -']));
    checkRule(ID, job('  minAvailable: "9"\n', ['master 1', 'worker 3 "5"']));
  });

  it('never trips over a half-written job', () => {
    checkRule(ID, job('  minAvailable: 9\n', ['worker many']));
    checkRule(ID, job('  minAvailable:\n', ['worker 1 x']));
    checkRule(ID, 'apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nspec:\n  minAvailable: 3\n  tasks:\n    -\n');
  });

  it('sets minAvailable to the total, or to the task replicas', () => {
    checkRuleFix(
      ID,
      job('  minAvailable: $09\n', ['master 1', 'worker 3']),
      'Set minAvailable to 4',
      job('  minAvailable: 4\n', ['master 1', 'worker 3']),
    );
    checkRuleFix(ID, job('', ['master 1', 'worker 3 $05']), 'Set minAvailable to 3', job('', ['master 1', 'worker 3 3']));
  });
});
