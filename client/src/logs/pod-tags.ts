// The short tag that prefixes a pod's lines: its role and index in its workload, read from the
// labels each operator puts on the pods it makes (`master-0`, `worker-3` for the Kubeflow jobs,
// `launcher` for MPI, `head` and `<group>-<suffix>` for Ray, `node-3` for a TrainJob's JobSet,
// `leader-0`/`worker-0-2` for LeaderWorkerSet, `<task>-<i>` for Volcano, `predictor-<suffix>` for
// KServe). A pod of no known operator is tagged by its name's generated suffix, or its name.

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as JSON */

export interface PodTag {
  /** The role alone, for the filter and the colour: `worker`. */
  role: string;
  tag: string;
}

/** The random suffix of a generated name (`x7k2p` of `triton-5d8f7c6b9-x7k2p`), else the name. */
function suffix(name: string): string {
  const last = name.slice(name.lastIndexOf('-') + 1);
  return last !== name && /^[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(last) ? last : name;
}

function index(value: unknown): number | undefined {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * `pod`'s tag; `owners` are its controllers from the nearest up, as far as they are known (a JobSet
 * pod's Job says how many pods each of its jobs has, a RayJob's submitter Job is owned by the RayJob).
 */
export function podTag(pod: any, owners: readonly any[] = []): PodTag {
  const labels: Record<string, string> = pod?.metadata?.labels ?? {};
  const name = String(pod?.metadata?.name ?? '');
  const kubeflowType = labels['training.kubeflow.org/replica-type'] ?? labels['replica-type'];
  if (kubeflowType) {
    const role = kubeflowType.toLowerCase();
    if (role === 'launcher') return { role, tag: role };
    const i = index(labels['training.kubeflow.org/replica-index'] ?? labels['replica-index']);
    return { role, tag: i === undefined ? `${role}-${suffix(name)}` : `${role}-${i}` };
  }
  const rayType = labels['ray.io/node-type'];
  if (rayType === 'head') return { role: 'head', tag: 'head' };
  if (rayType) {
    const group = labels['ray.io/group'] || 'worker';
    return { role: group, tag: `${group}-${suffix(name)}` };
  }
  if (owners[0]?.kind === 'Job' && owners[1]?.kind === 'RayJob') return { role: 'submitter', tag: 'submitter' };
  const lws = labels['leaderworkerset.sigs.k8s.io/name'];
  if (lws) {
    const group = index(labels['leaderworkerset.sigs.k8s.io/group-index']) ?? 0;
    const worker = index(labels['leaderworkerset.sigs.k8s.io/worker-index']) ?? 0;
    return worker === 0 ? { role: 'leader', tag: `leader-${group}` } : { role: 'worker', tag: `worker-${group}-${worker}` };
  }
  const completion = index(
    labels['batch.kubernetes.io/job-completion-index'] ?? pod?.metadata?.annotations?.['batch.kubernetes.io/job-completion-index'],
  );
  const replicatedJob = labels['jobset.sigs.k8s.io/replicatedjob-name'];
  if (replicatedJob) {
    // The pod's index among all pods of its replicated job: the job's index times its pods, plus its own.
    const job = index(labels['jobset.sigs.k8s.io/job-index']) ?? 0;
    const perJob = Math.max(1, Number(owners[0]?.spec?.completions ?? owners[0]?.spec?.parallelism ?? 1) || 1);
    return { role: replicatedJob, tag: `${replicatedJob}-${job * perJob + (completion ?? 0)}` };
  }
  const task = labels['volcano.sh/task-spec'];
  if (task) {
    const i = index(pod?.metadata?.annotations?.['volcano.sh/task-index']) ?? index(/-(\d+)$/.exec(name)?.[1]);
    return { role: task, tag: i === undefined ? `${task}-${suffix(name)}` : `${task}-${i}` };
  }
  const component = labels['component'] && labels['serving.kserve.io/inferenceservice'] ? labels['component'] : undefined;
  if (component) return { role: component, tag: `${component}-${suffix(name)}` };
  if (completion !== undefined) return { role: 'pod', tag: `pod-${completion}` };
  return { role: 'pod', tag: suffix(name) };
}
