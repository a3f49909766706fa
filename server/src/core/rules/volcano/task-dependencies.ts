// A Volcano task with `dependsOn` starts after the tasks it names: the names must be tasks of
// the job, and the dependencies must form a DAG, or Volcano's webhook rejects the job.
import type { ScalarNode } from '../../document';
import { didYouMean } from '../../did-you-mean';
import { defineRule, type RuleContext } from '../rule';
import { replaceValue } from '../yaml-edits';

const DAG_MESSAGE = "job has dependencies between tasks, but doesn't form a directed acyclic graph(DAG)";

interface Task {
  name: string;
  /** The tasks it waits for, as written in `dependsOn.name`. */
  dependsOn: ScalarNode[];
}

/** A cycle through `start` (its first edge is reported), following known dependencies only. */
function cycleFrom(start: string, byName: Map<string, Task>): ScalarNode[] | undefined {
  const path: ScalarNode[] = [];
  const visited = new Set<string>();
  const walk = (name: string): boolean => {
    for (const edge of byName.get(name)?.dependsOn ?? []) {
      const next = String(edge.value);
      path.push(edge);
      if (next === start) return true;
      if (!visited.has(next) && byName.has(next)) {
        visited.add(next);
        if (walk(next)) return true;
      }
      path.pop();
    }
    return false;
  };
  return walk(start) ? path : undefined;
}

function reportCycles(tasks: Task[], byName: Map<string, Task>, context: RuleContext): void {
  const inReportedCycle = new Set<string>();
  for (const task of tasks) {
    if (inReportedCycle.has(task.name)) continue;
    const cycle = cycleFrom(task.name, byName);
    if (!cycle) continue;
    const names = [task.name, ...cycle.map((edge) => String(edge.value))];
    names.forEach((name) => inReportedCycle.add(name));
    const rejected = `Volcano's webhook rejects the job ("${DAG_MESSAGE}")`;
    const message =
      cycle.length === 1
        ? `Task ${task.name} depends on itself: it can never start, and ${rejected}. Remove this dependency.`
        : `Tasks depend on each other in a cycle (${names.join(' → ')}, each waiting for the next): none of ` +
          `them can ever start, and ${rejected}. Remove one of these dependencies.`;
    context.report(cycle[0], message);
  }
}

export const volcanoTaskDependencies = defineRule({
  id: 'volcano/task-dependencies',
  severity: 'error',
  kinds: ['batch.volcano.sh/Job'],
  description: 'A Volcano task depends on a task the job does not have, or tasks depend on each other in a cycle.',
  docs: {
    why:
      "A task's `dependsOn.name` lists the tasks it waits for: its pods are created only once the named " +
      "tasks run (any or all of them, as `dependsOn.iteration` says). Volcano's admission webhook sorts " +
      'the tasks by their dependencies and rejects a job whose dependencies do not form a DAG — a cycle, ' +
      'or a name that is no task of the job, which no order can satisfy.',
    fix:
      'Name tasks of the same job, and break the cycle by removing one of its dependencies. When a name ' +
      'is a near miss of a task name, the quick fix replaces it.',
    source:
      'Volcano `pkg/webhooks/admission/jobs/validate/admit_job.go` (`validateJobCreate` and `topoSort`: ' +
      '"job has dependencies between tasks, but doesn\'t form a directed acyclic graph(DAG)"); the Volcano ' +
      'Job CRD (`tasks[].dependsOn.name`, `dependsOn.iteration`).',
    invalid: `apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata:
  name: pipeline
spec:
  schedulerName: volcano
  minAvailable: 1
  tasks:
    - name: prepare
      replicas: 1
      template:
        spec:
          containers:
            - name: prepare
              image: busybox
    - name: train
      replicas: 2
      dependsOn:
        name: [prepair]
#              ^^^^^^^ error[volcano/task-dependencies]: Task train depends on prepair, which is no task of this job: Volcano's webhook rejects the job ("job has dependencies between tasks, but doesn't form a directed acyclic graph(DAG)"). Did you mean prepare?
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
  name: pipeline
spec:
  schedulerName: volcano
  minAvailable: 1
  tasks:
    - name: prepare
      replicas: 1
      template:
        spec:
          containers:
            - name: prepare
              image: busybox
    - name: train
      replicas: 2
      dependsOn:
        name: [prepare]
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
    const maps = workload.root.map('spec')?.maps('tasks') ?? [];
    const tasks: Task[] = maps.flatMap((task) => {
      const name = task.string('name');
      return name === undefined
        ? []
        : [
            {
              name,
              dependsOn:
                task
                  .map('dependsOn')
                  ?.scalars('name')
                  .filter((edge) => edge.value !== null) ?? [],
            },
          ];
    });
    // An unnamed task gets a default name from Volcano's mutating webhook: names cannot be judged then.
    if (tasks.length < maps.length) return;
    const byName = new Map(tasks.map((task) => [task.name, task]));
    for (const task of tasks) {
      for (const edge of task.dependsOn) {
        const target = String(edge.value);
        if (byName.has(target)) continue;
        const others = tasks.map((other) => other.name).filter((name) => name !== task.name);
        const near = didYouMean(target, others);
        const advice = near
          ? `Did you mean ${near}?`
          : others.length
            ? `Name one of its other tasks: ${others.join(', ')}.`
            : 'Remove the dependency.';
        context.report(
          edge,
          `Task ${task.name} depends on ${target}, which is no task of this job: Volcano's webhook rejects ` +
            `the job ("${DAG_MESSAGE}"). ${advice}`,
          {
            fixes: near ? [{ title: `Replace with ${near}`, edits: [replaceValue(edge, near)], preferred: true }] : [],
          },
        );
      }
    }
    reportCycles(tasks, byName, context);
  },
});
