// A Volcano Job's tasks are told apart by name: pods are named `<job>-<task>-<index>`, and
// dependencies, policies and the svc plugin's host files refer to tasks by name.
import { defineRule } from '../rule';

export const volcanoTaskNames = defineRule({
  id: 'volcano/task-names',
  severity: 'error',
  kinds: ['batch.volcano.sh/Job'],
  description: 'Two tasks of a Volcano Job have the same name.',
  docs: {
    why:
      "Volcano names a task's pods `<job>-<task>-<index>`, and `dependsOn`, the svc plugin's host lists " +
      '(`/etc/volcano/<task>.host`) and `VC_<TASK>_HOSTS` refer to tasks by name. Two tasks with one name ' +
      'would create pods with the same names, so Volcano\'s admission webhook rejects the job ("duplicated ' +
      'task name").',
    fix: 'Give each task its own name.',
    source:
      'Volcano `pkg/webhooks/admission/jobs/validate/admit_job.go` (`validateJobCreate`: "duplicated task ' +
      'name"); volcano.sh › Docs › VolcanoJob (`tasks`).',
    invalid: `apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata:
  name: etl
spec:
  schedulerName: volcano
  minAvailable: 3
  tasks:
    - name: extract
      replicas: 1
      template:
        spec:
          containers:
            - name: etl
              image: ghcr.io/acme/etl:1.4
    - name: extract
#           ^^^^^^^ error[volcano/task-names]: Another task of this job is already named extract: Volcano's webhook rejects the job ("duplicated task name extract"), as the tasks' pods would get the same names. Rename one of them.
      replicas: 2
      template:
        spec:
          containers:
            - name: etl
              image: ghcr.io/acme/etl:1.4`,
    valid: `apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata:
  name: etl
spec:
  schedulerName: volcano
  minAvailable: 3
  tasks:
    - name: extract
      replicas: 1
      template:
        spec:
          containers:
            - name: etl
              image: ghcr.io/acme/etl:1.4
    - name: load
      replicas: 2
      template:
        spec:
          containers:
            - name: etl
              image: ghcr.io/acme/etl:1.4`,
  },
  check(workload, context) {
    const seen = new Set<string>();
    for (const task of workload.root.map('spec')?.maps('tasks') ?? []) {
      const name = task.string('name');
      const node = task.scalar('name');
      if (name === undefined || !node) continue;
      if (seen.has(name)) {
        context.report(
          node,
          `Another task of this job is already named ${name}: Volcano's webhook rejects the job ("duplicated ` +
            `task name ${name}"), as the tasks' pods would get the same names. Rename one of them.`,
        );
      }
      seen.add(name);
    }
  },
});
