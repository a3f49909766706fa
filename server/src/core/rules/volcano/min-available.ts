// Volcano gang-schedules a job: none of its pods starts until minAvailable of them can start
// together. A minAvailable above the pods the job has can never be met; Volcano's webhook
// rejects it, and the same for a task's minAvailable above its replicas.
import type { ScalarNode } from '../../document';
import type { YamlMap } from '../../workloads';
import { defineRule, type RuleContext } from '../rule';
import { replaceValue } from '../yaml-edits';

/** An integer written as a YAML number: a quoted one is the schema's finding, and the API server rejects it. */
function count(map: YamlMap, key: string): number | undefined {
  return map.scalar(key)?.quoted ? undefined : map.integer(key);
}

function checkTasks(tasks: YamlMap[], context: RuleContext): void {
  for (const task of tasks) {
    const [min, replicas, node] = [count(task, 'minAvailable'), count(task, 'replicas'), task.scalar('minAvailable')];
    if (min === undefined || replicas === undefined || !node || min <= replicas) continue;
    const name = task.string('name') ?? '(unnamed)';
    context.report(
      node,
      `minAvailable (${min}) of task ${name} is more than its ${replicas} replicas: the task can never ` +
        `start, and Volcano's webhook rejects the job ("'minAvailable' is greater than 'replicas' in task: ` +
        `${name}"). Set it to ${replicas} at most.`,
      {
        fixes: [{ title: `Set minAvailable to ${replicas}`, edits: [replaceValue(node, replicas)], preferred: true }],
      },
    );
  }
}

function checkJob(spec: YamlMap, tasks: YamlMap[], context: RuleContext): void {
  const min = count(spec, 'minAvailable');
  const node: ScalarNode | undefined = spec.scalar('minAvailable');
  // A task without replicas runs none, but is far more often half-written (or `replica` misspelt): judge complete jobs only.
  const counts = tasks.map((task) => count(task, 'replicas'));
  if (min === undefined || !node || counts.some((replicas) => replicas === undefined)) return;
  const total = (counts as number[]).reduce((sum, replicas) => sum + replicas, 0);
  if (min <= total) return;
  const parts = tasks.map((task, index) => `${task.string('name') ?? '(unnamed)'} ${counts[index]}`).join(' + ');
  context.report(
    node,
    `minAvailable (${min}) is more than the ${total} pods of all tasks (${parts}): the gang can never ` +
      `be scheduled, and Volcano's webhook rejects the job ("job 'minAvailable' should not be greater than ` +
      `total replicas in tasks"). Set minAvailable to ${total} at most.`,
    {
      fixes: total > 0 ? [{ title: `Set minAvailable to ${total}`, edits: [replaceValue(node, total)], preferred: true }] : [],
    },
  );
}

export const volcanoMinAvailable = defineRule({
  id: 'volcano/min-available',
  severity: 'error',
  kinds: ['batch.volcano.sh/Job'],
  description: "A Volcano Job's minAvailable is above the replicas of its tasks.",
  docs: {
    why:
      "Volcano starts a job's pods as a gang: none runs until `minAvailable` of them can be placed at once. " +
      "A job-level `minAvailable` above the replicas of all tasks, or a task's `minAvailable` above that " +
      "task's `replicas`, can never be met. Volcano's admission webhook rejects such a job; without the " +
      "webhook, the job would wait Pending forever while holding its queue's quota.",
    fix:
      'Lower `minAvailable` to the pods the job (or the task) has, or raise the `replicas` it counts. The ' +
      'quick fix sets `minAvailable` to the total.',
    source:
      "Volcano `pkg/webhooks/admission/jobs/validate/admit_job.go` (`validateJobCreate`: \"job 'minAvailable' " +
      "should not be greater than total replicas in tasks\", \"'minAvailable' is greater than 'replicas' " +
      'in task"); volcano.sh › Docs › VolcanoJob (`minAvailable`).',
    invalid: `apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata:
  name: ddp
spec:
  schedulerName: volcano
  minAvailable: 5
  #             ^ error[volcano/min-available]: minAvailable (5) is more than the 4 pods of all tasks (master 1 + worker 3): the gang can never be scheduled, and Volcano's webhook rejects the job ("job 'minAvailable' should not be greater than total replicas in tasks"). Set minAvailable to 4 at most.
  tasks:
    - name: master
      replicas: 1
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              resources:
                limits:
                  nvidia.com/gpu: 8
    - name: worker
      replicas: 3
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              resources:
                limits:
                  nvidia.com/gpu: 8`,
    valid: `apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata:
  name: ddp
spec:
  schedulerName: volcano
  minAvailable: 4
  tasks:
    - name: master
      replicas: 1
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              resources:
                limits:
                  nvidia.com/gpu: 8
    - name: worker
      replicas: 3
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              resources:
                limits:
                  nvidia.com/gpu: 8`,
  },
  check(workload, context) {
    const spec = workload.root.map('spec');
    const tasks = spec?.maps('tasks') ?? [];
    if (!spec || tasks.length === 0) return;
    checkJob(spec, tasks, context);
    checkTasks(tasks, context);
  },
});
