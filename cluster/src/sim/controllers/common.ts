// What the controllers share: owner references, the pods (or other objects) an owner made,
// pods built from a template, and conditions set the way the operators set them.
import { clone, timestamp, type KubeObject, type OwnerReference } from '../../store/object';
import type { SimContext } from '../context';
import { withDefaults } from '../defaults';
import { qosClass } from '../qos';

/* eslint-disable @typescript-eslint/no-explicit-any -- templates are read as JSON */

export interface Controller {
  /** The resource key it reconciles (`batch/jobs`). */
  resource: string;
  reconcile(object: KubeObject): void;
}

export function ownerReference(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid as string,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function ownedBy(sim: SimContext, resource: string, owner: KubeObject): KubeObject[] {
  return sim.store
    .list(resource, owner.metadata.namespace)
    .filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid));
}

/** The owner's `sim.mlinfra.dev/*` annotations, which tune the simulated programs of the pods it makes. */
export function simAnnotations(owner: KubeObject): Record<string, string> {
  return Object.fromEntries(Object.entries(owner.metadata.annotations ?? {}).filter(([k]) => k.startsWith('sim.mlinfra.dev/')));
}

/** A pod from a template, owned by `owner`, with Kubernetes' defaults filled in. */
export function podFrom(
  owner: KubeObject,
  template: any,
  name: string,
  labels: Record<string, string>,
  annotations: Record<string, string> = {},
): KubeObject {
  const spec = clone(template?.spec ?? {});
  spec.restartPolicy ??= 'Always';
  spec.schedulerName ??= 'default-scheduler';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.serviceAccountName ??= 'default';
  spec.containers = (spec.containers ?? []).map((c: any) => ({
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: String(c.image ?? '').endsWith(':latest') || !String(c.image ?? '').includes(':') ? 'Always' : 'IfNotPresent',
    resources: {},
    ...c,
  }));
  const metadata: any = {
    name,
    namespace: owner.metadata.namespace,
    labels: { ...(template?.metadata?.labels ?? {}), ...labels },
    ownerReferences: [ownerReference(owner)],
  };
  const all = { ...simAnnotations(owner), ...(template?.metadata?.annotations ?? {}), ...annotations };
  if (Object.keys(all).length) metadata.annotations = all;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec, status: { phase: 'Pending', qosClass: qosClass(spec) } };
}

/** Creates a pod (once) and records the controller's event. */
export function createPod(
  sim: SimContext,
  owner: KubeObject,
  pod: KubeObject,
  component: string,
  reason = 'SuccessfulCreate',
  message = `Created pod: ${pod.metadata.name}`,
): void {
  if (sim.store.get('/pods', pod.metadata.namespace, pod.metadata.name)) return;
  sim.store.create('/pods', pod);
  sim.events.record(owner, 'Normal', reason, message, { component });
}

export function phaseOf(pod: KubeObject): string {
  return pod.status?.phase ?? 'Pending';
}

export function isReady(pod: KubeObject): boolean {
  return (pod.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
}

export function restarts(pod: KubeObject): number {
  return (pod.status?.containerStatuses ?? []).reduce((sum: number, s: any) => sum + (s.restartCount ?? 0), 0);
}

export function now(sim: SimContext): string {
  return timestamp(sim.clock.now());
}

/** Sets a condition, keeping its transition time while its status stays. */
export function setCondition(
  conditions: any[],
  type: string,
  status: boolean,
  reason: string,
  message: string,
  time: string,
  withUpdate = true,
): void {
  const existing = conditions.find((c) => c.type === type);
  const value = status ? 'True' : 'False';
  if (existing) {
    if (existing.status !== value) {
      existing.lastTransitionTime = time;
      if (withUpdate) existing.lastUpdateTime = time;
    }
    Object.assign(existing, { status: value, reason, message });
    return;
  }
  conditions.push({ type, status: value, reason, message, ...(withUpdate ? { lastUpdateTime: time } : {}), lastTransitionTime: time });
}

/** A stable short hash of a value (a pod template), as the pod-template-hash label. */
export function templateHash(value: unknown): string {
  let h = 2166136261;
  for (const ch of JSON.stringify(value)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let out = '';
  for (let i = 0; i < 10; i++) {
    out += alphabet[h % alphabet.length];
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
  }
  return out;
}

/** Creates an object a controller makes (a Job, a RayCluster) with the API server's defaults. */
export function createObject(sim: SimContext, resource: string, object: KubeObject): KubeObject {
  return sim.store.create(resource, withDefaults(resource, object, sim.random));
}
