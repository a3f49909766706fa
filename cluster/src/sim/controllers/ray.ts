// KubeRay: a RayCluster is a head pod and worker pods per group (`<cluster>-head-<5>`,
// `<cluster>-<group>-worker-<5>`), `ready` once they all run. A RayJob starts a RayCluster,
// then a submitter Job (named as the RayJob) that runs the entrypoint, and reports the job's
// status; a RayService keeps a RayCluster serving.
import type { KubeObject } from '../../store/object';
import type { SimContext } from '../context';
import { deleteObject } from '../deletion';
import { podSpecRequests } from '../../../../common/model';
import { createObject, createPod, now, ownedBy, ownerReference, phaseOf, podFrom, simAnnotations, type Controller } from './common';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are read as JSON */

const COMPONENT = 'raycluster-controller';

function total(pods: KubeObject[], resource: string): string {
  const sum = pods.reduce((s, p) => s + (podSpecRequests(p.spec).get(resource) ?? 0), 0);
  if (resource === 'memory') return sum >= 2 ** 30 ? `${Math.round(sum / 2 ** 30)}Gi` : `${Math.round(sum / 2 ** 20)}Mi`;
  return String(Number.isInteger(sum) ? sum : sum.toFixed(1));
}

function reconcileCluster(sim: SimContext, cluster: KubeObject): void {
  if (cluster.metadata.deletionTimestamp) return;
  const name = cluster.metadata.name;
  const base = {
    'ray.io/cluster': name,
    'ray.io/is-ray-node': 'yes',
    'app.kubernetes.io/created-by': 'kuberay-operator',
    'app.kubernetes.io/name': 'kuberay',
  };
  const pods = ownedBy(sim, '/pods', cluster).filter((p) => !p.metadata.deletionTimestamp);
  const heads = pods.filter((p) => p.metadata.labels?.['ray.io/node-type'] === 'head');
  if (!heads.length) {
    const pod = podFrom(
      cluster,
      cluster.spec?.headGroupSpec?.template,
      `${name}-head-${sim.random.suffix()}`,
      { ...base, 'ray.io/node-type': 'head', 'ray.io/group': 'headgroup' },
      { 'sim.mlinfra.dev/program': 'server' },
    );
    createPod(sim, cluster, pod, COMPONENT, 'CreatedHeadPod', `Created head Pod ${cluster.metadata.namespace}/${pod.metadata.name}`);
  }
  let desired = 0;
  for (const group of cluster.spec?.workerGroupSpecs ?? []) {
    const replicas = group.suspend
      ? 0
      : Math.max(group.minReplicas ?? 0, Math.min(group.replicas ?? group.minReplicas ?? 0, group.maxReplicas ?? Infinity));
    desired += replicas * (group.numOfHosts ?? 1);
    const mine = pods.filter(
      (p) => p.metadata.labels?.['ray.io/group'] === group.groupName && p.metadata.labels?.['ray.io/node-type'] === 'worker',
    );
    for (let i = mine.length; i < replicas; i++) {
      const pod = podFrom(
        cluster,
        group.template,
        `${name}-${group.groupName}-worker-${sim.random.suffix()}`,
        { ...base, 'ray.io/node-type': 'worker', 'ray.io/group': group.groupName },
        { 'sim.mlinfra.dev/program': 'server' },
      );
      createPod(sim, cluster, pod, COMPONENT, 'CreatedWorkerPod', `Created worker Pod ${cluster.metadata.namespace}/${pod.metadata.name}`);
    }
  }
  const all = ownedBy(sim, '/pods', cluster).filter((p) => !p.metadata.deletionTimestamp);
  const head = all.find((p) => p.metadata.labels?.['ray.io/node-type'] === 'head');
  const workers = all.filter((p) => p.metadata.labels?.['ray.io/node-type'] === 'worker');
  const running = all.length > 0 && all.every((p) => phaseOf(p) === 'Running');
  sim.store.mutate('ray.io/rayclusters', cluster.metadata.namespace, name, (c) => {
    const status = (c.status ??= {});
    Object.assign(status, {
      desiredWorkerReplicas: desired,
      availableWorkerReplicas: workers.filter((p) => phaseOf(p) === 'Running').length,
      readyWorkerReplicas: workers.filter((p) => phaseOf(p) === 'Running').length,
      minWorkerReplicas: (c.spec?.workerGroupSpecs ?? []).reduce((s: number, g: any) => s + (g.minReplicas ?? 0), 0),
      maxWorkerReplicas: (c.spec?.workerGroupSpecs ?? []).reduce((s: number, g: any) => s + (g.maxReplicas ?? g.replicas ?? 0), 0),
      desiredCPU: total(all, 'cpu'),
      desiredMemory: total(all, 'memory'),
      desiredGPU: total(all, 'nvidia.com/gpu'),
      desiredTPU: '0',
      endpoints: { client: '10001', dashboard: '8265', 'gcs-server': '6379', metrics: '8080' },
      head: { podIP: head?.status?.podIP, serviceIP: head?.status?.podIP, podName: head?.metadata.name },
      observedGeneration: c.metadata.generation,
    });
    if (!head?.status?.podIP) delete status.head;
    if (running) status.state = 'ready';
  });
}

function submitterTemplate(rayjob: KubeObject): any {
  const head = rayjob.spec?.rayClusterSpec?.headGroupSpec?.template?.spec?.containers?.[0] ?? {};
  const entrypoint = String(rayjob.spec?.entrypoint ?? 'python main.py');
  return {
    metadata: { annotations: simAnnotations(rayjob) },
    spec: {
      restartPolicy: 'Never',
      containers: [
        {
          name: 'ray-job-submitter',
          image: head.image ?? 'rayproject/ray:2.41.0',
          command: ['ray', 'job', 'submit', '--address', 'http://ray-head:8265', '--', ...entrypoint.split(' ')],
          resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '200Mi' } },
        },
      ],
    },
  };
}

function reconcileRayJob(sim: SimContext, rayjob: KubeObject): void {
  if (rayjob.metadata.deletionTimestamp) return;
  const ns = rayjob.metadata.namespace;
  const time = now(sim);
  let status = rayjob.status ?? {};
  if (!status.rayClusterName) {
    status = {
      jobDeploymentStatus: 'Initializing',
      jobId: `${rayjob.metadata.name}-${sim.random.suffix(5)}`,
      rayClusterName: `${rayjob.metadata.name}-raycluster-${sim.random.suffix()}`,
      startTime: time,
      observedGeneration: rayjob.metadata.generation,
    };
    sim.store.mutate('ray.io/rayjobs', ns, rayjob.metadata.name, (j) => (j.status = status));
    createObject(sim, 'ray.io/rayclusters', {
      apiVersion: 'ray.io/v1',
      kind: 'RayCluster',
      metadata: {
        name: status.rayClusterName,
        namespace: ns,
        labels: { 'ray.io/originated-from-cr-name': rayjob.metadata.name, 'ray.io/originated-from-crd': 'RayJob' },
        ownerReferences: [ownerReference(rayjob)],
      },
      spec: rayjob.spec?.rayClusterSpec ?? {},
    });
    return;
  }
  if (status.jobDeploymentStatus === 'Complete' || status.jobDeploymentStatus === 'Failed') return;
  const cluster = sim.store.get('ray.io/rayclusters', ns, status.rayClusterName);
  let submitter = sim.store.get('batch/jobs', ns, rayjob.metadata.name);
  if (cluster?.status?.state === 'ready' && !submitter) {
    submitter = createObject(sim, 'batch/jobs', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: rayjob.metadata.name,
        namespace: ns,
        labels: { 'ray.io/originated-from-cr-name': rayjob.metadata.name },
        annotations: simAnnotations(rayjob),
        ownerReferences: [ownerReference(rayjob)],
      },
      spec: { backoffLimit: 2, template: submitterTemplate(rayjob) },
    });
  }
  const has = (type: string) => (submitter?.status?.conditions ?? []).some((c: any) => c.type === type && c.status === 'True');
  const next = { ...status };
  if (submitter)
    Object.assign(next, {
      jobDeploymentStatus: 'Running',
      jobStatus: 'RUNNING',
      dashboardURL: `${status.rayClusterName}-head-svc.${ns}.svc.cluster.local:8265`,
    });
  if (has('Complete'))
    Object.assign(next, { jobDeploymentStatus: 'Complete', jobStatus: 'SUCCEEDED', endTime: time, message: 'Job finished successfully.' });
  if (has('Failed'))
    Object.assign(next, {
      jobDeploymentStatus: 'Failed',
      jobStatus: 'FAILED',
      endTime: time,
      message: 'Job entrypoint command failed',
      reason: 'AppFailed',
    });
  sim.store.mutate('ray.io/rayjobs', ns, rayjob.metadata.name, (j) => (j.status = next));
  if ((has('Complete') || has('Failed')) && rayjob.spec?.shutdownAfterJobFinishes && cluster) {
    sim.clock.schedule((rayjob.spec?.ttlSecondsAfterFinished ?? 0) * 1000, () => {
      const current = sim.store.get('ray.io/rayclusters', ns, cluster.metadata.name);
      if (current) deleteObject(sim.store, sim.clock, 'ray.io/rayclusters', current, 'Background');
    });
  }
}

function reconcileRayService(sim: SimContext, service: KubeObject): void {
  if (service.metadata.deletionTimestamp) return;
  const ns = service.metadata.namespace;
  let name = service.status?.activeServiceStatus?.rayClusterName;
  if (!name) {
    name = `${service.metadata.name}-raycluster-${sim.random.suffix()}`;
    createObject(sim, 'ray.io/rayclusters', {
      apiVersion: 'ray.io/v1',
      kind: 'RayCluster',
      metadata: {
        name,
        namespace: ns,
        labels: { 'ray.io/originated-from-cr-name': service.metadata.name, 'ray.io/originated-from-crd': 'RayService' },
        ownerReferences: [ownerReference(service)],
      },
      spec: service.spec?.rayClusterConfig ?? {},
    });
  }
  const cluster = sim.store.get('ray.io/rayclusters', ns, name);
  const ready = cluster?.status?.state === 'ready';
  sim.store.mutate('ray.io/rayservices', ns, service.metadata.name, (s) => {
    s.status = {
      ...(s.status ?? {}),
      activeServiceStatus: { rayClusterName: name },
      serviceStatus: ready ? 'Running' : 'WaitForServeDeploymentReady',
      numServeEndpoints: ready ? 1 + (cluster?.status?.availableWorkerReplicas ?? 0) : 0,
      observedGeneration: s.metadata.generation,
    };
  });
}

export function rayControllers(sim: SimContext): Controller[] {
  return [
    { resource: 'ray.io/rayclusters', reconcile: (o) => reconcileCluster(sim, o) },
    { resource: 'ray.io/rayjobs', reconcile: (o) => reconcileRayJob(sim, o) },
    { resource: 'ray.io/rayservices', reconcile: (o) => reconcileRayService(sim, o) },
  ];
}
