import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'volcano/task-dependencies';

/** A Volcano Job with tasks of `name` or `name: deps` (deps as written in `dependsOn.name`). */
function job(tasks: string[]): string {
  const taskText = tasks
    .map((task) => {
      const [name, deps] = task.split(': ');
      return `    - name: ${name}\n      replicas: 1\n${deps ? `      dependsOn:\n        name: ${deps}\n` : ''}      template:\n        spec:\n          containers:\n            - name: main\n              image: busybox\n`;
    })
    .join('');
  return `apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata:\n  name: pipeline\nspec:\n  tasks:\n${taskText}`;
}

describe(ID, () => {
  it('accepts dependencies on tasks of the job that form a DAG', () => {
    checkRule(ID, job(['prepare', 'train: [prepare]', 'evaluate: [prepare, train]']));
    checkRule(ID, job(['evaluate: [train]', 'train: [prepare]', 'prepare']));
  });

  it('reports a task that is not in the job, with the near name', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: batch.volcano.sh/v1alpha1
      kind: Job
      metadata:
        name: pipeline
      spec:
        tasks:
          - name: prepare
            replicas: 1
            template: { spec: { containers: [{ name: main, image: busybox }] } }
          - name: train
            replicas: 1
            dependsOn:
              name:
                - prepair
      #           ^^^^^^^ error[volcano/task-dependencies]: Task train depends on prepair, which is no task of this job: Volcano's webhook rejects the job ("job has dependencies between tasks, but doesn't form a directed acyclic graph(DAG)"). Did you mean prepare?
                - download
      #           ^^^^^^^^ error[volcano/task-dependencies]: Task train depends on download, which is no task of this job: Volcano's webhook rejects the job ("job has dependencies between tasks, but doesn't form a directed acyclic graph(DAG)"). Name one of its other tasks: prepare.
            template: { spec: { containers: [{ name: main, image: busybox }] } }
    `,
    );
  });

  it('reports each cycle once, and a task depending on itself', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: batch.volcano.sh/v1alpha1
      kind: Job
      metadata:
        name: pipeline
      spec:
        tasks:
          - name: a
            dependsOn: { name: [c] }
      #                         ^ error[volcano/task-dependencies]: Tasks depend on each other in a cycle (a → c → b → a, each waiting for the next): none of them can ever start, and Volcano's webhook rejects the job ("job has dependencies between tasks, but doesn't form a directed acyclic graph(DAG)"). Remove one of these dependencies.
            template: { spec: { containers: [{ name: main, image: busybox }] } }
          - name: b
            dependsOn: { name: [a] }
            template: { spec: { containers: [{ name: main, image: busybox }] } }
          - name: c
            dependsOn: { name: [b] }
            template: { spec: { containers: [{ name: main, image: busybox }] } }
          - name: d
            dependsOn: { name: [a, d] }
      #                            ^ error[volcano/task-dependencies]: Task d depends on itself: it can never start, and Volcano's webhook rejects the job ("job has dependencies between tasks, but doesn't form a directed acyclic graph(DAG)"). Remove this dependency.
            template: { spec: { containers: [{ name: main, image: busybox }] } }
    `,
    );
  });

  it('never trips over a half-written job', () => {
    checkRule(ID, job(['prepare', 'train:', 'evaluate: prepare']));
    checkRule(
      ID,
      'apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nspec:\n  tasks:\n    - name: a\n      dependsOn: { name: [zzz] }\n    - replicas: 1\n    -\n',
    );
  });

  it('replaces a near-miss name', () => {
    checkRuleFix(ID, job(['prepare', 'train: [$0prepair]']), 'Replace with prepare', job(['prepare', 'train: [prepare]']));
  });
});
