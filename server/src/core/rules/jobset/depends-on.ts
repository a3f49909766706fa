// JobSet starts replicated jobs in their order, and `dependsOn` can only wait for one listed
// before: the first has nothing to wait for, and a later or unknown name is rejected.
import { didYouMean } from '../../did-you-mean';
import { asMap } from '../../workloads';
import { defineRule } from '../rule';
import { removeEntry, replaceValue } from '../yaml-edits';

export const jobsetDependsOn = defineRule({
  id: 'jobset/depends-on',
  severity: 'error',
  kinds: ['jobset.x-k8s.io/JobSet'],
  description: 'A JobSet dependsOn on the first replicated job, or naming one that is not before it.',
  docs: {
    why:
      '`dependsOn` makes a replicated job wait until the named ones are Ready or Complete. JobSet orders ' +
      'replicated jobs by their place in `replicatedJobs`, and a job may only depend on jobs listed before ' +
      'it: the first one has nothing to wait for, and a name that comes later (or the job itself, or no ' +
      'replicated job at all) could never be satisfied. The JobSet webhook rejects all of these ("DependsOn ' +
      'can\'t be set for the first ReplicatedJob", "replicatedJob: … cannot depend on replicatedJob: …").',
    fix:
      'List the replicated jobs in the order they run and name only earlier ones in `dependsOn`; remove ' +
      '`dependsOn` from the first. The quick fixes remove it from the first job, or replace a near-miss ' +
      'name with the earlier job it resembles.',
    source:
      'JobSet `pkg/webhooks/jobset_webhook.go` (`ValidateCreate`: "DependsOn can\'t be set for the first ' +
      'ReplicatedJob", "replicatedJob: %s cannot depend on replicatedJob: %s"); the JobSet CRD (`replicatedJobs[].dependsOn`: ' +
      '"the first ReplicatedJob in the slice cannot use the DependsOn API").',
    invalid: `apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata:
  name: train
spec:
  replicatedJobs:
    - name: initializer
      template:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: download
                  image: busybox
    - name: trainer
      replicas: 2
      dependsOn:
        - name: initialiser
#               ^^^^^^^^^^^ error[jobset/depends-on]: Replicated job trainer depends on initialiser, which is no replicated job of this JobSet: the JobSet webhook rejects it ("replicatedJob: trainer cannot depend on replicatedJob: initialiser"). Did you mean initializer?
          status: Complete
      template:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: pytorch
                  image: nvcr.io/nvidia/pytorch:24.05-py3
                  resources:
                    limits:
                      nvidia.com/gpu: 8`,
    valid: `apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata:
  name: train
spec:
  replicatedJobs:
    - name: initializer
      template:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: download
                  image: busybox
    - name: trainer
      replicas: 2
      dependsOn:
        - name: initializer
          status: Complete
      template:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: pytorch
                  image: nvcr.io/nvidia/pytorch:24.05-py3
                  resources:
                    limits:
                      nvidia.com/gpu: 8`,
  },
  check(workload, context) {
    // By place in the list, blank items included: the webhook counts the first item as the first job.
    const jobs = (workload.root.map('spec')?.seq('replicatedJobs')?.items ?? []).map(asMap);
    const names = jobs.map((job) => job?.string('name'));
    jobs.forEach((job, index) => {
      const entry = job?.entry('dependsOn');
      if (!job || !entry) return;
      const name = names[index] ?? '(unnamed)';
      if (index === 0) {
        context.report(
          entry.key,
          `dependsOn is set on ${name}, the first replicated job: it has no replicated job before it to wait ` +
            `for, and the JobSet webhook rejects it ("DependsOn can't be set for the first ReplicatedJob"). Remove ` +
            `dependsOn, or list ${name} after the jobs it waits for.`,
          {
            fixes: [{ title: 'Remove dependsOn', edits: [removeEntry(context.text, job.node, entry)] }],
          },
        );
        return;
      }
      const earlier = names.slice(0, index).filter((other): other is string => other !== undefined);
      for (const dependency of job.maps('dependsOn')) {
        const node = dependency.scalar('name');
        const target = dependency.string('name');
        if (!node || target === undefined || earlier.includes(target)) continue;
        const rejected = `the JobSet webhook rejects it ("replicatedJob: ${name} cannot depend on replicatedJob: ${target}")`;
        if (target === name) {
          context.report(
            node,
            `Replicated job ${name} depends on itself: it would wait for itself forever, and ${rejected}. Name ` +
              `a replicated job listed before it.`,
          );
        } else if (names.includes(target)) {
          context.report(
            node,
            `Replicated job ${name} depends on ${target}, which is listed after it: replicated jobs may only ` +
              `wait for earlier ones, and ${rejected}. Move ${target} before ${name}.`,
          );
        } else {
          const near = didYouMean(target, earlier);
          const advice = near ? `Did you mean ${near}?` : `Name one listed before it: ${earlier.join(', ') || '(none)'}.`;
          context.report(
            node,
            `Replicated job ${name} depends on ${target}, which is no replicated job of this JobSet: ${rejected}. ${advice}`,
            {
              fixes: near ? [{ title: `Replace with ${near}`, edits: [replaceValue(node, near)], preferred: true }] : [],
            },
          );
        }
      }
    });
  },
});
