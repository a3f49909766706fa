// The Job controller: keeps `parallelism` pods running until `completions` succeeded (pods
// named `<job>-<5 chars>`, or `<job>-<index>-<5 chars>` when Indexed), counts failures against
// backoffLimit, and writes status (active, ready, succeeded, failed, conditions) as 1.32 does.
import type { KubeObject } from '../../store/object';
import type { SimContext } from '../context';
import { deleteObject } from '../deletion';
import { createPod, isReady, now, ownedBy, phaseOf, podFrom, restarts, setCondition, type Controller } from './common';

/* eslint-disable @typescript-eslint/no-explicit-any -- status is written as JSON */

const COMPONENT = 'job-controller';

export function jobController(sim: SimContext): Controller {
  return {
    resource: 'batch/jobs',
    reconcile(job) {
      if (job.metadata.deletionTimestamp) return;
      const pods = ownedBy(sim, '/pods', job).filter((p) => !p.metadata.deletionTimestamp);
      const conditions: any[] = job.status?.conditions ?? [];
      const finished = conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
      const spec = job.spec ?? {};
      const completions: number = spec.completions ?? 1;
      const parallelism: number = spec.parallelism ?? 1;
      const backoffLimit: number = spec.backoffLimit ?? 6;
      const succeeded = pods.filter((p) => phaseOf(p) === 'Succeeded');
      const failed = pods.filter((p) => phaseOf(p) === 'Failed').length;
      const active = pods.filter((p) => phaseOf(p) !== 'Succeeded' && phaseOf(p) !== 'Failed');
      const failures = failed + pods.reduce((sum, p) => sum + (spec.template?.spec?.restartPolicy === 'OnFailure' ? restarts(p) : 0), 0);
      const time = now(sim);
      let outcome: 'Complete' | 'Failed' | undefined;
      if (!finished && failures > backoffLimit) outcome = 'Failed';
      else if (!finished && succeeded.length >= completions) outcome = 'Complete';
      if (!finished && !outcome && !spec.suspend) {
        const indexed = spec.completionMode === 'Indexed';
        const busy = new Set([...active, ...succeeded].map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index']));
        let missing = Math.min(parallelism, completions - succeeded.length) - active.length;
        for (let index = 0; missing > 0 && index < (indexed ? completions : Infinity); index++) {
          if (indexed && busy.has(String(index))) continue;
          const name = indexed ? `${job.metadata.name}-${index}-${sim.random.suffix()}` : `${job.metadata.name}-${sim.random.suffix()}`;
          const labels: Record<string, string> = {
            'batch.kubernetes.io/controller-uid': job.metadata.uid as string,
            'batch.kubernetes.io/job-name': job.metadata.name,
            'controller-uid': job.metadata.uid as string,
            'job-name': job.metadata.name,
          };
          const annotations: Record<string, string> = {};
          if (indexed)
            labels['batch.kubernetes.io/job-completion-index'] = annotations['batch.kubernetes.io/job-completion-index'] = String(index);
          createPod(sim, job, podFrom(job, spec.template, name, labels, annotations), COMPONENT);
          missing--;
          if (!indexed) continue;
        }
      }
      if (outcome === 'Failed') {
        for (const pod of active) deleteObject(sim.store, sim.clock, '/pods', pod, 'Background');
        sim.events.record(job, 'Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', { component: COMPONENT });
      }
      if (outcome === 'Complete') sim.events.record(job, 'Normal', 'Completed', 'Job completed', { component: COMPONENT });
      sim.store.mutate('batch/jobs', job.metadata.namespace, job.metadata.name, (j) => {
        const status = (j.status ??= {});
        status.startTime ??= time;
        const current = ownedBy(sim, '/pods', j).filter((p) => !p.metadata.deletionTimestamp);
        const running = current.filter((p) => phaseOf(p) !== 'Succeeded' && phaseOf(p) !== 'Failed');
        status.active = outcome === 'Failed' ? 0 : running.length;
        status.ready = outcome === 'Failed' ? 0 : running.filter(isReady).length;
        status.succeeded = current.filter((p) => phaseOf(p) === 'Succeeded').length;
        status.failed = outcome === 'Failed' ? Math.max(failures, 1) : failures;
        status.terminating = 0;
        status.uncountedTerminatedPods = {};
        for (const key of ['active', 'succeeded', 'failed', 'ready'] as const) if (status[key] === 0 && key !== 'ready') delete status[key];
        status.conditions ??= [];
        if (outcome === 'Complete') {
          setCondition(
            status.conditions,
            'SuccessCriteriaMet',
            true,
            'CompletionsReached',
            'Reached expected number of succeeded pods',
            time,
            false,
          );
          setCondition(status.conditions, 'Complete', true, 'CompletionsReached', 'Reached expected number of succeeded pods', time, false);
          status.completionTime = time;
        }
        if (outcome === 'Failed') {
          setCondition(
            status.conditions,
            'FailureTarget',
            true,
            'BackoffLimitExceeded',
            'Job has reached the specified backoff limit',
            time,
            false,
          );
          setCondition(
            status.conditions,
            'Failed',
            true,
            'BackoffLimitExceeded',
            'Job has reached the specified backoff limit',
            time,
            false,
          );
        }
        if (!status.conditions.length) delete status.conditions;
      });
    },
  };
}

/** The defaults the API server gives a new Job: selector and template labels by its uid, counts. */
export function defaultJob(job: KubeObject): void {
  const spec = (job.spec ??= {});
  const uid = job.metadata.uid as string;
  spec.parallelism ??= 1;
  if (spec.completions === undefined && spec.parallelism === 1) spec.completions = 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  spec.manualSelector ??= undefined;
  spec.selector ??= { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  const template = (spec.template ??= {});
  template.metadata ??= {};
  template.metadata.labels = {
    ...(template.metadata.labels ?? {}),
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': job.metadata.name,
    'controller-uid': uid,
    'job-name': job.metadata.name,
  };
  if (spec.manualSelector === undefined) delete spec.manualSelector;
}
