// Whether a pod belongs to the workload a session follows, and its controllers on the way up (a pod
// → its Job → the JobSet → the TrainJob; a pod → its ReplicaSet → the Deployment): each owner is
// read once, by its ownerReference, whatever its kind, and kept by uid. Where an owner cannot be
// read (RBAC, deleted), the views' ownership (a Deployment's selector, KServe's label) decides.
import { OwnerIndex, uidOf, type Indexed } from '../views/model/ownership';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as JSON */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

/** Reads an owner in a namespace; undefined when it cannot be read (gone, forbidden, a kind not served). */
export type ReadOwner = (ref: OwnerReference, namespace: string) => Promise<any>;

export interface Membership {
  belongs: boolean;
  /** The pod's controllers from the nearest up, as far as they were read (the target last when it belongs). */
  owners: any[];
}

const MAX_DEPTH = 10;

export function controllerRef(object: any): OwnerReference | undefined {
  const refs: any[] = object?.metadata?.ownerReferences ?? [];
  const ref = refs.find((r) => r?.controller) ?? refs[0];
  return ref?.uid ? (ref as OwnerReference) : undefined;
}

export class PodOwners {
  private readonly known = new Map<string, Promise<any>>();
  private readonly targetUid: string;

  constructor(
    private readonly target: Indexed,
    private readonly read: ReadOwner,
  ) {
    this.targetUid = uidOf(target.typeKey, target.object);
  }

  private owner(ref: OwnerReference, namespace: string): Promise<any> {
    let found = this.known.get(ref.uid);
    if (!found) {
      // An object of the same name made anew is another object: only the uid the reference names counts.
      found = this.read(ref, namespace).then(
        (object) => (object?.metadata?.uid === ref.uid ? object : undefined),
        () => undefined,
      );
      this.known.set(ref.uid, found);
    }
    return found;
  }

  async membership(pod: any): Promise<Membership> {
    const namespace = String(pod?.metadata?.namespace ?? '');
    const owners: any[] = [];
    let ref = controllerRef(pod);
    let unreadable = ref === undefined;
    for (let depth = 0; ref && depth < MAX_DEPTH; depth++) {
      if (ref.uid === this.targetUid) return { belongs: true, owners: [...owners, this.target.object] };
      const object = await this.owner(ref, namespace);
      if (!object) {
        unreadable = true;
        break;
      }
      owners.push(object);
      ref = controllerRef(object);
    }
    if (!unreadable) return { belongs: false, owners };
    const index = new OwnerIndex([this.target, ...owners.map((object) => ({ typeKey: '', object }))]);
    const workload = index.workloadOfPod(pod);
    return { belongs: workload !== undefined && uidOf(workload.typeKey, workload.object) === this.targetUid, owners };
  }

  /** Owners read so far (each once). */
  get reads(): number {
    return this.known.size;
  }
}
