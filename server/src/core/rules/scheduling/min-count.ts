// Kubernetes' own gang scheduling (scheduling.k8s.io): a PodGroup whose policy is `gang` admits
// none of its pods until `minCount` of them can be scheduled together. Pods join it through
// `spec.schedulingGroup.podGroupName`; a Workload's pod group templates are the policies its
// controller's PodGroups copy. A minimum above the pods there are can never be met: as with
// Volcano's minAvailable, but found across documents (the same file and its folder).
import type { YamlNode } from '../../document';
import { workloadOf, type ScalarNode, type WorkloadView, type YamlMap } from '../../workloads';
import { neighbourFiles } from '../../workloads/folder-manifests';
import { defineRule, type RuleContext, type RuleWorkspace } from '../rule';
import { replaceValue } from '../yaml-edits';

/** The gang's minimum as written: an integer (a quoted one is the schema's finding), with its node. */
function minCount(policyOwner: YamlMap | undefined): { count: number; node: ScalarNode } | undefined {
  const gang = policyOwner?.map('schedulingPolicy')?.map('gang');
  const node = gang?.scalar('minCount');
  const count = node?.quoted ? undefined : gang?.integer('minCount');
  return node && count !== undefined ? { count, node } : undefined;
}

/** The workloads of the file and of its folder's files holding `word`, with where each was found. */
function workloadsAround(workspace: RuleWorkspace, word: RegExp): { workload: WorkloadView; source: string }[] {
  const files: { name: string; roots: readonly (YamlNode | null)[] }[] = [{ name: 'this file', roots: workspace.documents }];
  files.push(...(neighbourFiles(workspace.uri, workspace.host, word) ?? []));
  return files.flatMap(({ name, roots }) =>
    roots.flatMap((root) => {
      const workload = workloadOf(root);
      return workload ? [{ workload, source: name }] : [];
    }),
  );
}

interface Pods {
  total: number;
  /** `Job trainer 4` or `MPIJob llm: Launcher 1 + Worker 8`, with where it was found. */
  parts: string[];
}

/** Adds the pods of `roles` of a workload; false when one role's count is left open (nothing certain to compare with). */
function addPods(into: Pods, workload: WorkloadView, roles: WorkloadView['pods'], source: string): boolean {
  if (roles.some((pod) => pod.replicas === undefined)) return false;
  const name = `${workload.kind} ${workload.name ?? '(unnamed)'}`;
  const counts = roles.map((pod) => (workload.pods.length > 1 ? `${pod.role} ${pod.replicas}` : String(pod.replicas)));
  into.total += roles.reduce((sum, pod) => sum + pod.replicas!, 0);
  into.parts.push(`${name}${workload.pods.length > 1 ? ':' : ''} ${counts.join(' + ')}, ${source}`);
  return true;
}

/** The pods whose template names the PodGroup; undefined when none does here (they may come from elsewhere) or a count is open. */
function joiningPods(podGroup: string, workspace: RuleWorkspace): Pods | undefined {
  const pods: Pods = { total: 0, parts: [] };
  for (const { workload, source } of workloadsAround(workspace, /podGroupName/)) {
    const roles = workload.pods.filter((pod) => pod.spec.map('schedulingGroup')?.string('podGroupName') === podGroup);
    if (roles.length && !addPods(pods, workload, roles, source)) return undefined;
  }
  return pods.parts.length ? pods : undefined;
}

/** The pods of the object a Workload names as its controller, when the file or its folder has it. */
function controllerPods(ref: YamlMap | undefined, workspace: RuleWorkspace): Pods | undefined {
  const [kind, name, group] = [ref?.string('kind'), ref?.string('name'), ref?.string('apiGroup') ?? ''];
  if (!kind || !name) return undefined;
  const word = new RegExp(kind.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const found = workloadsAround(workspace, word).find(
    ({ workload }) => workload.kind === kind && workload.name === name && workload.groupKind === `${group}/${kind}`,
  );
  const pods: Pods = { total: 0, parts: [] };
  return found && addPods(pods, found.workload, found.workload.pods, found.source) ? pods : undefined;
}

function report(context: RuleContext, min: { count: number; node: ScalarNode }, what: string, pods: Pods, effect: string): void {
  context.report(
    min.node,
    `minCount (${min.count}) ${what} is more than the ${pods.total} pod${pods.total === 1 ? '' : 's'} ` +
      `${effect} (${pods.parts.join('; ')}): the gang can never be scheduled, and its pods wait Pending. ` +
      `Set minCount to ${pods.total} at most.`,
    {
      fixes:
        pods.total > 0 ? [{ title: `Set minCount to ${pods.total}`, edits: [replaceValue(min.node, pods.total)], preferred: true }] : [],
    },
  );
}

export const schedulingMinCount = defineRule({
  id: 'scheduling/min-count',
  severity: 'warning',
  scope: 'workspace',
  kinds: ['scheduling.k8s.io/PodGroup', 'scheduling.k8s.io/Workload'],
  description: "A gang's minCount is above the pods that can join it.",
  docs: {
    why:
      'Kubernetes schedules a PodGroup whose policy is `gang` all or nothing: none of its pods is bound until ' +
      '`minCount` of them can be scheduled at the same time. Pods join the group through their ' +
      '`spec.schedulingGroup.podGroupName`; a Workload describes the groups of a job (`podGroupTemplates`), whose ' +
      'controller makes PodGroups from them. A `minCount` above the pods that join the group — a replica count ' +
      'lowered, a Job whose `parallelism` was forgotten — can never be met: no webhook rejects it, the pods ' +
      'simply wait Pending while holding their quota. mlinfra counts the pods of the workloads in the same ' +
      'file and in the YAML files of the same folder that name the PodGroup, and for a Workload the pods of ' +
      'the object its `controllerRef` names; it says nothing when it finds none, or when a count is left open ' +
      '(a DaemonSet, an autoscaled group).',
    fix: 'Lower `minCount` to the pods there are (the quick fix sets it to their number), or raise the replicas it counts.',
    source:
      'Kubernetes API reference › scheduling.k8s.io/v1alpha2 PodGroup and Workload (`schedulingPolicy.gang.minCount`: ' +
      '"the minimum number of pods that must be schedulable or scheduled at the same time for the scheduler to ' +
      'admit the entire group"), PodSpec `schedulingGroup.podGroupName`; KEP-4671 (gang scheduling). ' +
      'See volcano/min-available for the same check on Volcano jobs.',
    invalid: `apiVersion: scheduling.k8s.io/v1alpha2
kind: PodGroup
metadata:
  name: workers
spec:
  schedulingPolicy:
    gang:
      minCount: 8
#               ^ warning[scheduling/min-count]: minCount (8) of PodGroup workers is more than the 4 pods that join it (Job trainer 4, this file): the gang can never be scheduled, and its pods wait Pending. Set minCount to 4 at most.
---
apiVersion: batch/v1
kind: Job
metadata:
  name: trainer
spec:
  parallelism: 4
  completions: 4
  template:
    spec:
      restartPolicy: Never
      schedulingGroup:
        podGroupName: workers
      containers:
        - name: trainer
          image: nvcr.io/nvidia/pytorch:24.05-py3`,
    valid: `apiVersion: scheduling.k8s.io/v1alpha2
kind: PodGroup
metadata:
  name: workers
spec:
  schedulingPolicy:
    gang:
      minCount: 4
---
apiVersion: batch/v1
kind: Job
metadata:
  name: trainer
spec:
  parallelism: 4
  completions: 4
  template:
    spec:
      restartPolicy: Never
      schedulingGroup:
        podGroupName: workers
      containers:
        - name: trainer
          image: nvcr.io/nvidia/pytorch:24.05-py3`,
  },
  check(workload, context) {
    const workspace = context.workspace;
    const spec = workload.root.map('spec');
    if (!workspace || !spec) return;
    if (workload.kind === 'PodGroup') {
      const min = minCount(spec);
      const pods = min && workload.name ? joiningPods(workload.name, workspace) : undefined;
      if (min && pods && min.count > pods.total) report(context, min, `of PodGroup ${workload.name}`, pods, 'that join it');
      return;
    }
    let pods: Pods | undefined | null = null;
    for (const template of spec.maps('podGroupTemplates')) {
      const min = minCount(template);
      if (!min) continue;
      // The controller's pods, read once: each template's groups hold some of them, never more.
      if (pods === null) pods = controllerPods(spec.map('controllerRef'), workspace);
      if (!pods || min.count <= pods.total) continue;
      const name = template.string('name') ?? '(unnamed)';
      report(context, min, `of pod group template ${name}`, pods, `of its controller`);
    }
  },
});
