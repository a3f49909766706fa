import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'jobset/depends-on';

/** A JobSet with replicated jobs of `name` or `name: dep, dep` (dependsOn names, status Complete). */
function jobSet(jobs: string[]): string {
  const text = jobs
    .map((job) => {
      const [name, deps] = job.split(': ');
      const dependsOn =
        deps === undefined
          ? ''
          : `      dependsOn:\n${deps
              .split(', ')
              .map((dep) => `        - name: ${dep}\n          status: Complete\n`)
              .join('')}`;
      return `    - name: ${name}\n${dependsOn}      template:\n        spec:\n          template:\n            spec:\n              restartPolicy: Never\n              containers:\n                - name: main\n                  image: busybox\n`;
    })
    .join('');
  return `apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata:\n  name: train\nspec:\n  replicatedJobs:\n${text}`;
}

describe(ID, () => {
  it('accepts dependencies on earlier replicated jobs', () => {
    checkRule(ID, jobSet(['initializer', 'trainer: initializer', 'evaluator: initializer, trainer']));
    checkRule(ID, jobSet(['a', 'b']));
  });

  it('reports dependsOn on the first replicated job', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: jobset.x-k8s.io/v1alpha2
      kind: JobSet
      metadata:
        name: train
      spec:
        replicatedJobs:
          - name: trainer
            dependsOn:
      #     ^^^^^^^^^ error[jobset/depends-on]: dependsOn is set on trainer, the first replicated job: it has no replicated job before it to wait for, and the JobSet webhook rejects it ("DependsOn can't be set for the first ReplicatedJob"). Remove dependsOn, or list trainer after the jobs it waits for.
              - name: initializer
                status: Complete
            template: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: main, image: busybox }] } } } }
          - name: initializer
            template: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: main, image: busybox }] } } } }
    `,
    );
  });

  it('reports a later job, the job itself and an unknown name', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: jobset.x-k8s.io/v1alpha2
      kind: JobSet
      metadata:
        name: train
      spec:
        replicatedJobs:
          - name: initializer
            template: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: main, image: busybox }] } } } }
          - name: trainer
            dependsOn:
              - { name: evaluator, status: Ready }
      #                 ^^^^^^^^^ error[jobset/depends-on]: Replicated job trainer depends on evaluator, which is listed after it: replicated jobs may only wait for earlier ones, and the JobSet webhook rejects it ("replicatedJob: trainer cannot depend on replicatedJob: evaluator"). Move evaluator before trainer.
              - { name: trainer, status: Ready }
      #                 ^^^^^^^ error[jobset/depends-on]: Replicated job trainer depends on itself: it would wait for itself forever, and the JobSet webhook rejects it ("replicatedJob: trainer cannot depend on replicatedJob: trainer"). Name a replicated job listed before it.
              - { name: initialiser, status: Complete }
      #                 ^^^^^^^^^^^ error[jobset/depends-on]: Replicated job trainer depends on initialiser, which is no replicated job of this JobSet: the JobSet webhook rejects it ("replicatedJob: trainer cannot depend on replicatedJob: initialiser"). Did you mean initializer?
              - { name: data, status: Complete }
      #                 ^^^^ error[jobset/depends-on]: Replicated job trainer depends on data, which is no replicated job of this JobSet: the JobSet webhook rejects it ("replicatedJob: trainer cannot depend on replicatedJob: data"). Name one listed before it: initializer.
            template: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: main, image: busybox }] } } } }
          - name: evaluator
            template: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: main, image: busybox }] } } } }
    `,
    );
  });

  it('never trips over a half-written JobSet', () => {
    checkRule(
      ID,
      'apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nspec:\n  replicatedJobs:\n    -\n    - name: b\n      dependsOn:\n        - status: Ready\n        -\n    - dependsOn:\n',
    );
  });

  it('removes dependsOn from the first job, and replaces a near-miss name', () => {
    checkRuleFix(
      ID,
      jobSet(['trainer: initializer', 'initializer']).replace('dependsOn', '$0dependsOn'),
      'Remove dependsOn',
      jobSet(['trainer', 'initializer']),
    );
    checkRuleFix(
      ID,
      jobSet(['initializer', 'trainer: $0initialiser']),
      'Replace with initializer',
      jobSet(['initializer', 'trainer: initializer']),
    );
  });
});
