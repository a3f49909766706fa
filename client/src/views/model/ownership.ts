// Which workload a pod belongs to: up its owner references (a pod → its Job → the JobSet → the
// TrainJob; a pod → the RayCluster → the RayJob) to the topmost object the views know, or, where
// the chain passes through objects they do not watch (ReplicaSets), by a Deployment's selector or
// KServe's label. Built once per refresh over all of a namespace's objects: linear in their number.

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as JSON */

export interface Indexed {
  typeKey: string;
  object: any;
}

export function uidOf(typeKey: string, object: any): string {
  return object?.metadata?.uid ?? `${typeKey}/${object?.metadata?.namespace ?? ''}/${object?.metadata?.name ?? ''}`;
}

function controllerUid(object: any): string | undefined {
  const refs: any[] = object?.metadata?.ownerReferences ?? [];
  return (refs.find((r) => r?.controller) ?? refs[0])?.uid;
}

function matches(selector: any, labels: Record<string, string>): boolean {
  const wanted = selector?.matchLabels;
  if (!wanted || typeof wanted !== 'object' || Object.keys(wanted).length === 0) return false;
  return Object.entries(wanted).every(([k, v]) => labels[k] === v);
}

export class OwnerIndex {
  private readonly byUid = new Map<string, Indexed>();
  private readonly deployments: Indexed[] = [];
  private readonly services = new Map<string, Indexed>();

  constructor(entries: Iterable<Indexed>) {
    for (const entry of entries) {
      this.byUid.set(uidOf(entry.typeKey, entry.object), entry);
      if (entry.typeKey === 'apps/deployments') this.deployments.push(entry);
      if (entry.typeKey === 'serving.kserve.io/inferenceservices') this.services.set(entry.object?.metadata?.name, entry);
    }
  }

  /** The owner that controls `object`, if the index has it. */
  owner(object: any): Indexed | undefined {
    const uid = controllerUid(object);
    return uid ? this.byUid.get(uid) : undefined;
  }

  /** Whether no indexed object controls `object`: it is listed on its own. */
  isTopLevel(object: any): boolean {
    return this.owner(object) === undefined;
  }

  /** The topmost indexed owner of `object` (itself when it is indexed and nothing owns it). */
  top(entry: Indexed): Indexed {
    let current = entry;
    for (let depth = 0; depth < 10; depth++) {
      const owner = this.owner(current.object);
      if (!owner || owner === current) break;
      current = owner;
    }
    return current;
  }

  /** The workload a pod belongs to, if any. */
  workloadOfPod(pod: any): Indexed | undefined {
    const owner = this.owner(pod);
    if (owner) return this.top(owner);
    const labels: Record<string, string> = pod?.metadata?.labels ?? {};
    const service = this.services.get(labels['serving.kserve.io/inferenceservice']);
    if (service) return service;
    const deployment = this.deployments.find((d) => matches(d.object?.spec?.selector, labels));
    return deployment ? this.top(deployment) : undefined;
  }

  /** The pods of each workload, by the workload's uid. */
  podsByWorkload(pods: readonly any[]): Map<string, any[]> {
    const result = new Map<string, any[]>();
    for (const pod of pods) {
      const workload = this.workloadOfPod(pod);
      if (!workload) continue;
      const uid = uidOf(workload.typeKey, workload.object);
      const list = result.get(uid);
      if (list) list.push(pod);
      else result.set(uid, [pod]);
    }
    return result;
  }
}
