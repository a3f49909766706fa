// What the Clusters view shows in a namespace, computed from the objects of the caches: its
// training jobs grouped by kind, its inference services and its pods down to their containers, each
// with state, readiness, GPUs and age (contexts and namespaces: context-rows.ts). Pure: no VS Code,
// no network.
import { gpuCountText, workloadOfObject, workloadTotals } from '../../../common/model';
import { apiVersionOf, INFERENCE_TYPES, TRAINING_TYPES, typeByKey } from '../cluster/resources';
import { formatAge } from './model/age';
import { workloadState, isFinished, type StateInfo } from './model/job-state';
import { OwnerIndex, uidOf, type Indexed } from './model/ownership';
import { isPodReady } from './model/pods';
import { plural } from './model/plural';
import { icon } from './pod-rows';
import { childId, type FolderName, type FolderRow, type KindRow, type ObjectRow } from './node';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as JSON */

// The pod and container rows live in pod-rows.ts; the view's callers find them here too.
export { containerNode, containerNodes, podNode, podRef } from './pod-rows';

export interface NamespaceData {
  context: string;
  namespace: string;
  now: number;
  /** Objects of the workload kinds the cluster serves, by type key. */
  objects: ReadonlyMap<string, readonly any[]>;
  pods: readonly any[];
}

export interface WorkloadView {
  typeKey: string;
  kindLabel: string;
  name: string;
  namespace: string;
  uid: string;
  state: StateInfo;
  ready: number;
  /** Pods the workload runs at once, and their GPUs (common/model's totals, as the CodeLens counts them). */
  total: number;
  gpus: number;
  /** True when a role's count is left to something else (a TrainJob's runtime): the totals are a least. */
  atLeast: boolean;
  created?: string;
  pods: any[];
}

const byName = (a: { metadata?: { name?: string } }, b: { metadata?: { name?: string } }) =>
  (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;

/** The shared model's totals of a live object (list items carry no apiVersion and kind: its type says them). */
function liveTotals(typeKey: string, object: any): { pods: number; gpus: number; atLeast: boolean } {
  const type = typeByKey(typeKey);
  const view = type && workloadOfObject(object?.apiVersion ?? apiVersionOf(type, type.versions[0]), type.kind, object);
  return view ? workloadTotals(view) : { pods: 0, gpus: 0, atLeast: false };
}

/** A namespace's workloads with their pods, computed once per change of its caches. */
export class NamespaceModel {
  readonly index: OwnerIndex;
  private readonly podsOf: Map<string, any[]>;
  readonly pods: any[];

  constructor(readonly data: NamespaceData) {
    const entries: Indexed[] = [];
    for (const [typeKey, objects] of data.objects) for (const object of objects) entries.push({ typeKey, object });
    this.index = new OwnerIndex(entries);
    this.podsOf = this.index.podsByWorkload(data.pods);
    this.pods = [...data.pods].sort(byName);
  }

  private view(typeKey: string, kindLabel: string, object: any): WorkloadView {
    const uid = uidOf(typeKey, object);
    const pods = (this.podsOf.get(uid) ?? []).sort(byName);
    const shape = liveTotals(typeKey, object);
    const running = pods.some((p) => p.status?.phase === 'Running');
    return {
      typeKey,
      kindLabel,
      name: object.metadata?.name ?? '',
      namespace: this.data.namespace,
      uid,
      state: workloadState(typeKey, object, running),
      ready: pods.filter(isPodReady).length,
      total: shape.pods,
      gpus: shape.gpus,
      atLeast: shape.atLeast,
      created: object.metadata?.creationTimestamp,
      pods,
    };
  }

  /** Training jobs that nothing listed owns, grouped by kind in the order of TRAINING_TYPES. */
  training(): Array<{ typeKey: string; label: string; jobs: WorkloadView[] }> {
    return TRAINING_TYPES.flatMap((type) => {
      const jobs = (this.data.objects.get(type.key) ?? [])
        .filter((o) => this.index.isTopLevel(o))
        .sort(byName)
        .map((o) => this.view(type.key, type.label, o));
      return jobs.length ? [{ typeKey: type.key, label: type.label, jobs }] : [];
    });
  }

  /** KServe InferenceServices, and Deployments whose pods ask for GPUs (Triton …). */
  inference(): WorkloadView[] {
    return INFERENCE_TYPES.flatMap((type) =>
      (this.data.objects.get(type.key) ?? [])
        .filter((o) => this.index.isTopLevel(o))
        .map((o) => this.view(type.key, type.label, o))
        .filter((v) => v.typeKey !== 'apps/deployments' || v.gpus > 0),
    ).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** What a workload owns besides its pods (a RayJob's RayCluster and submitter Job …), as `Kind name`. */
  owned(view: WorkloadView): string[] {
    const result: string[] = [];
    for (const [typeKey, objects] of this.data.objects) {
      const label = [...TRAINING_TYPES, ...INFERENCE_TYPES].find((t) => t.key === typeKey)?.label ?? typeKey;
      for (const object of objects) {
        if (uidOf(typeKey, object) === view.uid) continue;
        const top = this.index.top({ typeKey, object });
        if (uidOf(top.typeKey, top.object) === view.uid) result.push(`${label} ${object.metadata?.name}`);
      }
    }
    return result.sort();
  }

  workload(typeKey: string, name: string): WorkloadView | undefined {
    const type = [...TRAINING_TYPES, ...INFERENCE_TYPES].find((t) => t.key === typeKey);
    const object = (this.data.objects.get(typeKey) ?? []).find((o) => o.metadata?.name === name);
    return type && object ? this.view(typeKey, type.label, object) : undefined;
  }
}

/** Running and pending jobs hold or wait for their GPUs; finished and suspended ones do not. */
function wantsGpus(state: string): boolean {
  return state === 'running' || state === 'pending';
}

/** `running · 2/2 ready · 16 GPUs · 5m`; a finished job drops the readiness. */
export function workloadDescription(view: WorkloadView, now: number, withKind = false): string {
  const parts = withKind ? [view.kindLabel] : [];
  parts.push(view.state.state);
  if (!isFinished(view.state.state) && view.total > 0) parts.push(`${view.ready}/${view.total} ready`);
  if (view.gpus > 0) parts.push(gpuCountText(view.gpus, view.atLeast));
  const age = formatAge(view.created, now);
  if (age) parts.push(age);
  return parts.join(' · ');
}

export function workloadNode(parentId: string, context: string, view: WorkloadView, now: number, inference = false): ObjectRow {
  const { icon: id, color } = icon(view.state.state);
  const detail = view.state.detail ? `\n${view.state.detail}` : '';
  return {
    type: inference ? 'inference' : 'job',
    id: childId(parentId, 'wl', `${view.typeKey}/${view.name}`),
    label: view.name,
    description: workloadDescription(view, now, inference),
    tooltip:
      `${view.kindLabel} ${view.namespace}/${view.name}: ${view.state.state}${detail}\n${plural(view.pods.length, 'pod')}, ` +
      `${gpuCountText(view.gpus, view.atLeast)} in all`,
    icon: id,
    color,
    contextValue: inference ? 'mlinfra.inference' : 'mlinfra.job',
    collapsible: view.pods.length ? 'collapsed' : 'none',
    ref: { context, namespace: view.namespace, typeKey: view.typeKey, name: view.name },
  };
}

export const FOLDER_LABELS: Record<FolderName, string> = { training: 'Training jobs', inference: 'Inference services', pods: 'Pods' };

/** A namespace's context and name, as the rows below it carry them. */
export interface NamespaceScope {
  context: string;
  namespace: string;
}

export function folderId(namespaceRowId: string, folder: FolderName): string {
  return `${namespaceRowId}/${folder}`;
}

export function folderNode(parentId: string, scope: NamespaceScope, folder: FolderName, model: NamespaceModel | undefined): FolderRow {
  let description: string | undefined;
  if (model && folder === 'training') {
    const jobs = model.training().flatMap((g) => g.jobs);
    const gpus = jobs.filter((j) => wantsGpus(j.state.state)).reduce((sum, j) => sum + j.gpus, 0);
    description = `${plural(jobs.length, 'job')}${gpus ? ` · ${plural(gpus, 'GPU')} in active jobs` : ''}`;
  } else if (model && folder === 'inference') {
    const services = model.inference();
    const gpus = services.reduce((sum, s) => sum + s.gpus, 0);
    description = `${plural(services.length, 'service')}${gpus ? ` · ${plural(gpus, 'GPU')}` : ''}`;
  } else if (model) {
    description = plural(model.pods.length, 'pod');
  }
  const icons: Record<FolderName, string> = { training: 'rocket', inference: 'server-process', pods: 'package' };
  return {
    type: 'folder',
    id: folderId(parentId, folder),
    label: FOLDER_LABELS[folder],
    description,
    icon: icons[folder],
    contextValue: 'mlinfra.folder',
    collapsible: 'collapsed',
    context: scope.context,
    namespace: scope.namespace,
    folder,
  };
}

export interface KindGroup {
  typeKey: string;
  label: string;
  jobs: WorkloadView[];
}

export function kindGroupNode(folderId: string, scope: NamespaceScope, group: KindGroup): KindRow {
  const active = group.jobs.filter((j) => wantsGpus(j.state.state));
  const gpus = active.reduce((sum, j) => sum + j.gpus, 0);
  return {
    type: 'kind',
    id: childId(folderId, 'kind', group.typeKey),
    label: group.label,
    description: `${plural(group.jobs.length, 'job')}${gpus ? ` · ${plural(gpus, 'GPU')} in active jobs` : ''}`,
    icon: 'symbol-class',
    contextValue: 'mlinfra.kind',
    collapsible: 'expanded',
    context: scope.context,
    namespace: scope.namespace,
    typeKey: group.typeKey,
  };
}
