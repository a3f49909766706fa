// JobSet and Trainer v2's TrainJob. A JobSet makes a batch Job per replica of each replicated job
// (`<jobset>-<replicatedJob>-<index>`, Indexed, so pods are `<job>-<index>-<5 chars>`) and is
// Completed when they all are, Failed when one fails. A TrainJob makes the JobSet its runtime
// would: one replicated job `node` with a pod per node.
import type { KubeObject } from '../../store/object';
import type { SimContext } from '../context';
import { clone } from '../../store/object';
import { createObject, now, ownedBy, ownerReference, setCondition, simAnnotations, type Controller } from './common';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are read as JSON */

function jobState(job: KubeObject): 'Complete' | 'Failed' | 'Active' {
  const has = (type: string) => (job.status?.conditions ?? []).some((c: any) => c.type === type && c.status === 'True');
  return has('Complete') ? 'Complete' : has('Failed') ? 'Failed' : 'Active';
}

function reconcileJobSet(sim: SimContext, jobset: KubeObject): void {
  if (jobset.metadata.deletionTimestamp) return;
  const replicated: any[] = jobset.spec?.replicatedJobs ?? [];
  const finished = jobset.status?.terminalState;
  const name = jobset.metadata.name;
  if (!finished) {
    for (const rj of replicated) {
      for (let i = 0; i < (rj.replicas ?? 1); i++) {
        const jobName = `${name}-${rj.name}-${i}`;
        if (sim.store.get('batch/jobs', jobset.metadata.namespace, jobName)) continue;
        const labels = {
          'jobset.sigs.k8s.io/jobset-name': name,
          'jobset.sigs.k8s.io/replicatedjob-name': rj.name,
          'jobset.sigs.k8s.io/job-index': String(i),
          'jobset.sigs.k8s.io/replicatedjob-replicas': String(rj.replicas ?? 1),
        };
        const template = clone(rj.template ?? {});
        const spec = (template.spec ??= {});
        spec.completionMode ??= 'Indexed';
        spec.template ??= {};
        spec.template.metadata = {
          ...(spec.template.metadata ?? {}),
          labels: { ...(spec.template.metadata?.labels ?? {}), ...labels },
          annotations: { ...(spec.template.metadata?.annotations ?? {}), ...simAnnotations(jobset) },
        };
        spec.template.spec ??= {};
        spec.template.spec.restartPolicy ??= 'Never';
        createObject(sim, 'batch/jobs', {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: {
            name: jobName,
            namespace: jobset.metadata.namespace,
            labels: { ...(template.metadata?.labels ?? {}), ...labels },
            annotations: simAnnotations(jobset),
            ownerReferences: [ownerReference(jobset)],
          },
          spec,
        });
        sim.events.record(jobset, 'Normal', 'SuccessfulCreate', `Created job: ${jobName}`, { component: 'jobset-controller' });
      }
    }
  }
  const jobs = ownedBy(sim, 'batch/jobs', jobset);
  const expected = replicated.reduce((sum, rj) => sum + (rj.replicas ?? 1), 0);
  const failed = jobs.find((j) => jobState(j) === 'Failed');
  const complete = jobs.length === expected && jobs.every((j) => jobState(j) === 'Complete');
  const time = now(sim);
  sim.store.mutate('jobset.x-k8s.io/jobsets', jobset.metadata.namespace, name, (js) => {
    const status = (js.status ??= {});
    status.restarts ??= 0;
    status.conditions ??= [];
    status.replicatedJobsStatus = replicated.map((rj) => {
      const mine = jobs.filter((j) => j.metadata.labels?.['jobset.sigs.k8s.io/replicatedjob-name'] === rj.name);
      return {
        name: rj.name,
        ready: mine.filter((j) => jobState(j) === 'Active' && (j.status?.ready ?? 0) > 0).length,
        succeeded: mine.filter((j) => jobState(j) === 'Complete').length,
        failed: mine.filter((j) => jobState(j) === 'Failed').length,
        active: mine.filter((j) => jobState(j) === 'Active' && (j.status?.active ?? 0) > 0).length,
        suspended: 0,
      };
    });
    if (finished) return;
    if (failed) {
      setCondition(
        status.conditions,
        'Failed',
        true,
        'FailedJobs',
        `jobset failed due to job ${failed.metadata.name} failing`,
        time,
        false,
      );
      status.terminalState = 'Failed';
    } else if (complete) {
      setCondition(status.conditions, 'Completed', true, 'AllJobsCompleted', 'jobset completed successfully', time, false);
      status.terminalState = 'Completed';
    }
  });
}

function reconcileTrainJob(sim: SimContext, trainjob: KubeObject): void {
  if (trainjob.metadata.deletionTimestamp) return;
  const trainer = trainjob.spec?.trainer ?? {};
  const nodes = trainer.numNodes ?? 1;
  const name = trainjob.metadata.name;
  const ns = trainjob.metadata.namespace;
  if (!sim.store.get('jobset.x-k8s.io/jobsets', ns, name)) {
    const container: any = { name: 'node', image: trainer.image ?? 'pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime' };
    if (trainer.command) container.command = trainer.command;
    if (trainer.args) container.args = trainer.args;
    if (trainer.env) container.env = trainer.env;
    if (trainer.resourcesPerNode) container.resources = trainer.resourcesPerNode;
    const labels = { 'trainer.kubeflow.org/trainjob-name': name };
    createObject(sim, 'jobset.x-k8s.io/jobsets', {
      apiVersion: 'jobset.x-k8s.io/v1alpha2',
      kind: 'JobSet',
      metadata: { name, namespace: ns, labels, annotations: simAnnotations(trainjob), ownerReferences: [ownerReference(trainjob)] },
      spec: {
        replicatedJobs: [
          {
            name: 'node',
            replicas: 1,
            template: {
              metadata: { labels },
              spec: {
                parallelism: nodes,
                completions: nodes,
                backoffLimit: 0,
                template: { metadata: { labels }, spec: { restartPolicy: 'Never', containers: [container] } },
              },
            },
          },
        ],
      },
    });
  }
  const jobset = sim.store.get('jobset.x-k8s.io/jobsets', ns, name);
  const time = now(sim);
  sim.store.mutate('trainer.kubeflow.org/trainjobs', ns, name, (tj) => {
    const status = (tj.status ??= {});
    status.conditions ??= [];
    if (status.conditions.some((c: any) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')) return;
    setCondition(status.conditions, 'Created', true, 'JobSetCreated', 'Succeeded to create Jobs', time, false);
    if (jobset?.status?.terminalState === 'Completed')
      setCondition(status.conditions, 'Complete', true, 'JobSetCompleted', 'jobset completed successfully', time, false);
    if (jobset?.status?.terminalState === 'Failed')
      setCondition(status.conditions, 'Failed', true, 'JobSetFailed', 'jobset failed', time, false);
  });
}

export function jobSetControllers(sim: SimContext): Controller[] {
  return [
    { resource: 'jobset.x-k8s.io/jobsets', reconcile: (o) => reconcileJobSet(sim, o) },
    { resource: 'trainer.kubeflow.org/trainjobs', reconcile: (o) => reconcileTrainJob(sim, o) },
  ];
}
