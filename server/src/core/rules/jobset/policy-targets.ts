// A JobSet's success and failure policies apply to the replicated jobs they name: a name that
// is no replicated job of the JobSet is rejected by its webhook.
import type { ScalarNode } from '../../document';
import { didYouMean } from '../../did-you-mean';
import { defineRule } from '../rule';
import { replaceValue } from '../yaml-edits';

export const jobsetPolicyTargets = defineRule({
  id: 'jobset/policy-targets',
  severity: 'error',
  kinds: ['jobset.x-k8s.io/JobSet'],
  description: 'A JobSet success or failure policy names a replicated job that does not exist.',
  docs: {
    why:
      '`successPolicy.targetReplicatedJobs` says whose completion completes the JobSet, and a failure policy ' +
      "rule's `targetReplicatedJobs` which jobs' failures it handles. The JobSet webhook checks each name " +
      'against `replicatedJobs` and rejects the JobSet when one is missing ("invalid replicatedJob name ' +
      "'…' does not appear in .spec.ReplicatedJobs\") — typically a typo, or a replicated job renamed without " +
      'its policies.',
    fix:
      'Name replicated jobs of the JobSet (an empty or absent list means all of them). When a name is a ' +
      'near miss of a replicated job, the quick fix replaces it.',
    source:
      "JobSet `pkg/webhooks/jobset_webhook.go` (`ValidateCreate`: \"invalid replicatedJob name '%s' does " +
      'not appear in .spec.ReplicatedJobs"; `validateFailurePolicy`: the same for failure policy rules); ' +
      'the JobSet CRD (`successPolicy.targetReplicatedJobs`, `failurePolicy.rules[].targetReplicatedJobs`).',
    invalid: `apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata:
  name: train
spec:
  successPolicy:
    operator: All
    targetReplicatedJobs: [worker]
#                          ^^^^^^ error[jobset/policy-targets]: successPolicy names worker, which is no replicated job of this JobSet: the JobSet webhook rejects it ("invalid replicatedJob name 'worker' does not appear in .spec.ReplicatedJobs"). Did you mean workers?
  replicatedJobs:
    - name: workers
      replicas: 4
      template:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: jax
                  image: ghcr.io/acme/maxtext:2024.10
                  resources:
                    limits:
                      nvidia.com/gpu: 8`,
    valid: `apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata:
  name: train
spec:
  successPolicy:
    operator: All
    targetReplicatedJobs: [workers]
  replicatedJobs:
    - name: workers
      replicas: 4
      template:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: jax
                  image: ghcr.io/acme/maxtext:2024.10
                  resources:
                    limits:
                      nvidia.com/gpu: 8`,
  },
  check(workload, context) {
    const spec = workload.root.map('spec');
    const jobs = spec?.maps('replicatedJobs') ?? [];
    const names = jobs.map((job) => job.string('name')).filter((name): name is string => name !== undefined);
    if (!spec || names.length === 0) return;
    const checkTargets = (policy: string, targets: ScalarNode[]) => {
      for (const node of targets) {
        if (node.value === null || names.includes(String(node.value))) continue;
        const target = String(node.value);
        const near = didYouMean(target, names);
        context.report(
          node,
          `${policy} names ${target}, which is no replicated job of this JobSet: the JobSet webhook rejects ` +
            `it ("invalid replicatedJob name '${target}' does not appear in .spec.ReplicatedJobs"). ${near ? `Did you mean ${near}?` : `Name one of ${names.join(', ')}.`}`,
          {
            fixes: near ? [{ title: `Replace with ${near}`, edits: [replaceValue(node, near)], preferred: true }] : [],
          },
        );
      }
    };
    checkTargets('successPolicy', spec.map('successPolicy')?.scalars('targetReplicatedJobs') ?? []);
    for (const rule of spec.map('failurePolicy')?.maps('rules') ?? []) {
      checkTargets(`failurePolicy rule ${rule.string('name') ?? '(unnamed)'}`, rule.scalars('targetReplicatedJobs'));
    }
  },
});
