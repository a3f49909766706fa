// Long-running workloads: Deployments (pods `<deployment>-<template hash>-<5 chars>`, kept at
// `replicas`, replaced when the template changes), KServe InferenceServices (a predictor
// Deployment, raw deployment mode), LeaderWorkerSets (groups of a leader `<lws>-<i>` and
// workers `<lws>-<i>-<j>`) and Volcano Jobs (pods `<job>-<task>-<i>`).
import type { KubeObject } from '../../store/object';
import type { SimContext } from '../context';
import { deleteObject } from '../deletion';
import {
  createObject,
  createPod,
  isReady,
  now,
  ownedBy,
  ownerReference,
  phaseOf,
  podFrom,
  setCondition,
  templateHash,
  type Controller,
} from './common';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are read as JSON */

function reconcileDeployment(sim: SimContext, d: KubeObject): void {
  if (d.metadata.deletionTimestamp) return;
  const hash = templateHash(d.spec?.template ?? {});
  const replicas: number = d.spec?.replicas ?? 1;
  const pods = ownedBy(sim, '/pods', d).filter((p) => !p.metadata.deletionTimestamp);
  const current = pods.filter((p) => p.metadata.labels?.['pod-template-hash'] === hash);
  for (const old of pods.filter((p) => p.metadata.labels?.['pod-template-hash'] !== hash))
    deleteObject(sim.store, sim.clock, '/pods', old, 'Background');
  for (const extra of current.slice(replicas)) deleteObject(sim.store, sim.clock, '/pods', extra, 'Background');
  if (current.length < replicas && (d.status?.replicas ?? 0) < replicas && current.length === 0) {
    sim.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${d.metadata.name}-${hash} from 0 to ${replicas}`, {
      component: 'deployment-controller',
    });
  }
  for (let i = current.length; i < replicas; i++) {
    const pod = podFrom(d, d.spec?.template, `${d.metadata.name}-${hash}-${sim.random.suffix()}`, { 'pod-template-hash': hash });
    sim.store.create('/pods', pod);
  }
  const kept = ownedBy(sim, '/pods', d).filter((p) => !p.metadata.deletionTimestamp && p.metadata.labels?.['pod-template-hash'] === hash);
  const ready = kept.filter(isReady).length;
  const time = now(sim);
  sim.store.mutate('apps/deployments', d.metadata.namespace, d.metadata.name, (dep) => {
    const status = (dep.status ??= {});
    Object.assign(status, {
      observedGeneration: dep.metadata.generation,
      replicas: kept.length,
      updatedReplicas: kept.length,
      readyReplicas: ready,
      availableReplicas: ready,
    });
    if (ready === 0) delete status.readyReplicas;
    if (ready === 0) delete status.availableReplicas;
    const unavailable = kept.length - ready;
    if (unavailable > 0) status.unavailableReplicas = unavailable;
    else delete status.unavailableReplicas;
    status.conditions ??= [];
    setCondition(
      status.conditions,
      'Available',
      ready >= replicas,
      ready >= replicas ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
      ready >= replicas ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
      time,
    );
    setCondition(
      status.conditions,
      'Progressing',
      true,
      ready >= replicas ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
      ready >= replicas
        ? `ReplicaSet "${dep.metadata.name}-${hash}" has successfully progressed.`
        : `ReplicaSet "${dep.metadata.name}-${hash}" is progressing.`,
      time,
    );
  });
}

const TRITON_IMAGE = 'nvcr.io/nvidia/tritonserver:24.08-py3';

function predictorTemplate(isvc: KubeObject): any {
  const predictor = isvc.spec?.predictor ?? {};
  const labels = {
    'serving.kserve.io/inferenceservice': isvc.metadata.name,
    component: 'predictor',
    app: `isvc.${isvc.metadata.name}-predictor`,
  };
  const placement: any = {};
  for (const key of ['nodeSelector', 'tolerations', 'affinity', 'serviceAccountName', 'volumes'])
    if (predictor[key]) placement[key] = predictor[key];
  if (predictor.containers?.length) return { metadata: { labels }, spec: { ...placement, containers: predictor.containers } };
  const model = predictor.model ?? predictor.triton ?? predictor.pytorch ?? predictor.sklearn ?? {};
  const format = String(model.modelFormat?.name ?? (predictor.triton ? 'triton' : 'sklearn'));
  const image = format === 'triton' || format === 'tensorrt' || format === 'onnx' ? TRITON_IMAGE : `kserve/${format}server:v0.14.1`;
  const container: any = {
    name: 'kserve-container',
    image,
    args: model.args ?? [`--model-repository=/mnt/models`],
    env: [{ name: 'STORAGE_URI', value: model.storageUri ?? '' }],
  };
  if (model.resources) container.resources = model.resources;
  return { metadata: { labels }, spec: { ...placement, containers: [container] } };
}

function reconcileInferenceService(sim: SimContext, isvc: KubeObject): void {
  if (isvc.metadata.deletionTimestamp) return;
  const ns = isvc.metadata.namespace as string;
  const name = `${isvc.metadata.name}-predictor`;
  const template = predictorTemplate(isvc);
  const replicas = isvc.spec?.predictor?.minReplicas ?? 1;
  const existing = sim.store.get('apps/deployments', ns, name);
  if (!existing) {
    createObject(sim, 'apps/deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns, labels: template.metadata.labels, ownerReferences: [ownerReference(isvc)] },
      spec: { replicas, selector: { matchLabels: { app: template.metadata.labels.app } }, template },
    });
  }
  const ready = (sim.store.get('apps/deployments', ns, name)?.status?.availableReplicas ?? 0) > 0;
  const time = now(sim);
  sim.store.mutate('serving.kserve.io/inferenceservices', ns, isvc.metadata.name, (i) => {
    const status = (i.status ??= {});
    status.conditions ??= [];
    for (const type of ['IngressReady', 'PredictorReady', 'Ready'])
      setCondition(
        status.conditions,
        type,
        ready,
        ready ? '' : 'MinimumReplicasUnavailable',
        ready ? '' : 'Deployment does not have minimum availability.',
        time,
        false,
      );
    for (const c of status.conditions) {
      if (c.reason) continue;
      delete c.reason;
      delete c.message;
    }
    status.url = `http://${i.metadata.name}-${ns}.example.com`;
    status.address = { url: `http://${i.metadata.name}-predictor.${ns}.svc.cluster.local` };
    status.components = { predictor: { url: `http://${i.metadata.name}-predictor-${ns}.example.com` } };
    status.modelStatus = {
      states: { activeModelState: ready ? 'Loaded' : 'Pending', targetModelState: 'Loaded' },
      transitionStatus: ready ? 'UpToDate' : 'InProgress',
    };
    status.observedGeneration = i.metadata.generation;
  });
}

function reconcileLeaderWorkerSet(sim: SimContext, lws: KubeObject): void {
  if (lws.metadata.deletionTimestamp) return;
  const name = lws.metadata.name;
  const groups: number = lws.spec?.replicas ?? 1;
  const template = lws.spec?.leaderWorkerTemplate ?? {};
  const size: number = template.size ?? 1;
  for (let g = 0; g < groups; g++) {
    for (let w = 0; w < size; w++) {
      const podName = w === 0 ? `${name}-${g}` : `${name}-${g}-${w}`;
      const labels = {
        'leaderworkerset.sigs.k8s.io/name': name,
        'leaderworkerset.sigs.k8s.io/group-index': String(g),
        'leaderworkerset.sigs.k8s.io/worker-index': String(w),
      };
      createPod(
        sim,
        lws,
        podFrom(lws, w === 0 ? (template.leaderTemplate ?? template.workerTemplate) : template.workerTemplate, podName, labels, {
          'leaderworkerset.sigs.k8s.io/size': String(size),
        }),
        'leaderworkerset-controller',
      );
    }
  }
  const pods = ownedBy(sim, '/pods', lws).filter((p) => !p.metadata.deletionTimestamp);
  let ready = 0;
  for (let g = 0; g < groups; g++) {
    const group = pods.filter((p) => p.metadata.labels?.['leaderworkerset.sigs.k8s.io/group-index'] === String(g));
    if (group.length === size && group.every(isReady)) ready++;
  }
  const time = now(sim);
  sim.store.mutate('leaderworkerset.x-k8s.io/leaderworkersets', lws.metadata.namespace, name, (l) => {
    const status = (l.status ??= {});
    Object.assign(status, {
      replicas: groups,
      readyReplicas: ready,
      updatedReplicas: groups,
      hpaPodSelector: `leaderworkerset.sigs.k8s.io/name=${name},leaderworkerset.sigs.k8s.io/worker-index=0`,
    });
    status.conditions ??= [];
    setCondition(status.conditions, 'Available', ready === groups, 'AllGroupsReady', 'All replicas are ready', time, false);
  });
}

function reconcileVolcanoJob(sim: SimContext, job: KubeObject): void {
  if (job.metadata.deletionTimestamp) return;
  const phase = job.status?.state?.phase;
  const finished = phase === 'Completed' || phase === 'Failed';
  if (!finished) {
    for (const task of job.spec?.tasks ?? []) {
      for (let i = 0; i < (task.replicas ?? 1); i++) {
        const labels = {
          'volcano.sh/job-name': job.metadata.name,
          'volcano.sh/job-namespace': job.metadata.namespace as string,
          'volcano.sh/task-spec': task.name,
          'volcano.sh/queue-name': job.spec?.queue ?? 'default',
        };
        const pod = podFrom(job, task.template, `${job.metadata.name}-${task.name}-${i}`, labels, {
          'volcano.sh/task-index': String(i),
          'volcano.sh/job-version': '0',
        });
        if (!task.template?.spec?.restartPolicy) pod.spec.restartPolicy = 'OnFailure';
        createPod(sim, job, pod, 'vc-controller-manager');
      }
    }
  }
  const pods = ownedBy(sim, '/pods', job).filter((p) => !p.metadata.deletionTimestamp);
  const count = (ph: string) => pods.filter((p) => phaseOf(p) === ph).length;
  const total = (job.spec?.tasks ?? []).reduce((s: number, t: any) => s + (t.replicas ?? 1), 0);
  let next = phase ?? 'Pending';
  if (!finished) {
    if (count('Failed') > 0) next = 'Failed';
    else if (total > 0 && count('Succeeded') === total) next = 'Completed';
    else if (count('Running') + count('Succeeded') >= (job.spec?.minAvailable ?? total) && count('Running') > 0) next = 'Running';
  }
  const time = now(sim);
  sim.store.mutate('batch.volcano.sh/jobs', job.metadata.namespace, job.metadata.name, (j) => {
    const status = (j.status ??= {});
    if (status.state?.phase !== next) {
      status.state = { phase: next, lastTransitionTime: time };
      status.conditions = [...(status.conditions ?? []), { status: next, lastTransitionTime: time }];
    }
    Object.assign(status, {
      minAvailable: j.spec?.minAvailable ?? total,
      running: count('Running'),
      pending: count('Pending'),
      succeeded: count('Succeeded'),
      failed: count('Failed'),
      version: 0,
    });
    for (const key of ['running', 'pending', 'succeeded', 'failed']) if (status[key] === 0) delete status[key];
  });
}

export function servingControllers(sim: SimContext): Controller[] {
  return [
    { resource: 'apps/deployments', reconcile: (o) => reconcileDeployment(sim, o) },
    { resource: 'serving.kserve.io/inferenceservices', reconcile: (o) => reconcileInferenceService(sim, o) },
    { resource: 'leaderworkerset.x-k8s.io/leaderworkersets', reconcile: (o) => reconcileLeaderWorkerSet(sim, o) },
    { resource: 'batch.volcano.sh/jobs', reconcile: (o) => reconcileVolcanoJob(sim, o) },
  ];
}
