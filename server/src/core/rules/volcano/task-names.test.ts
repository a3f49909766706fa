import { fixture } from '../../../../../test/harness/fixture';
import { checkRule } from '../../../../../test/harness/rules';

const ID = 'volcano/task-names';

describe(ID, () => {
  it('accepts distinct task names', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: batch.volcano.sh/v1alpha1
      kind: Job
      metadata:
        name: ddp
      spec:
        tasks:
          - name: master
            replicas: 1
            template: { spec: { containers: [{ name: pytorch, image: nvcr.io/nvidia/pytorch:24.05-py3 }] } }
          - name: worker
            replicas: 2
            template: { spec: { containers: [{ name: pytorch, image: nvcr.io/nvidia/pytorch:24.05-py3 }] } }
          - replicas: 1
    `,
    );
  });

  it('reports every repeat of a task name', () => {
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
            replicas: 1
            template: { spec: { containers: [{ name: pytorch, image: nvcr.io/nvidia/pytorch:24.05-py3 }] } }
          - name: ps
            replicas: 1
            template: { spec: { containers: [{ name: pytorch, image: nvcr.io/nvidia/pytorch:24.05-py3 }] } }
          - name: worker
      #           ^^^^^^ error[volcano/task-names]: Another task of this job is already named worker: Volcano's webhook rejects the job ("duplicated task name worker"), as the tasks' pods would get the same names. Rename one of them.
            replicas: 2
            template: { spec: { containers: [{ name: pytorch, image: nvcr.io/nvidia/pytorch:24.05-py3 }] } }
          - { name: worker, replicas: 1 }
      #             ^^^^^^ error[volcano/task-names]: Another task of this job is already named worker: Volcano's webhook rejects the job ("duplicated task name worker"), as the tasks' pods would get the same names. Rename one of them.
    `,
    );
  });
});
