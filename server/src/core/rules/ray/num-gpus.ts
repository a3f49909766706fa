// The GPUs Ray believes a node has come from `num-gpus` (or the group's `resources.GPU`), not
// from the pod: KubeRay only fills num-gpus from the Ray container's GPU limit when it is
// unset. A different number makes Ray place GPU work on GPUs the pod lacks, or never use some.
import type { ScalarNode } from '../../document';
import { containerClaimGpus, isGpuResource, quantityNumber } from '../../workloads';
import { RAY_CLUSTER_SPEC, RAY_KINDS } from '../../workloads';
import type { ClaimIndex, ContainerView, PodView, WorkloadView } from '../../workloads';
import type { YamlMap } from '../../workloads';
import { defineRule, type RuleContext } from '../rule';
import { removeEntry, replaceValue } from '../yaml-edits';

interface RayGroup {
  /** `head group` or `worker group <name>`, for messages. */
  label: string;
  group: YamlMap;
  pod?: PodView;
  container?: ContainerView;
}

/** The head and worker groups of the cluster spec, each with its Ray container (the first one, as KubeRay takes it). */
function rayGroups(workload: WorkloadView): RayGroup[] {
  const cluster = RAY_CLUSTER_SPEC[workload.kind]?.(workload.root);
  if (!cluster) return [];
  const podOf = (group: YamlMap) => {
    const spec = group.map('template')?.map('spec')?.node;
    const pod = workload.pods.find((candidate) => candidate.spec.node === spec);
    return { pod, container: pod?.containers[0] };
  };
  const head = cluster.map('headGroupSpec');
  const groups: RayGroup[] = head ? [{ label: 'head group', group: head, ...podOf(head) }] : [];
  for (const group of cluster.maps('workerGroupSpecs'))
    groups.push({ label: `worker group ${group.string('groupName') ?? '(unnamed)'}`, group, ...podOf(group) });
  return groups;
}

/** The GPUs (whole, MIG slices or shares) the container is limited to; undefined when a limit is not a plain number. */
function limitGpus(container: ContainerView): number | undefined {
  let sum = 0;
  for (const limit of container.resources.limits.filter((quantity) => isGpuResource(quantity.name))) {
    const count = quantityNumber(limit);
    if (count === undefined) return undefined;
    sum += count;
  }
  return sum;
}

function countOf(node: ScalarNode): number | undefined {
  const text = String(node.value ?? '').trim();
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/**
 * The GPUs the Ray container gets through DRA claims: whole GPUs, or undefined when they cannot
 * be counted (a claim not found, MIG slices, which Ray counts its own way).
 */
function claimedGpus(pod: PodView, container: ContainerView, claims: ClaimIndex): number | undefined {
  const claimed = containerClaimGpus(pod, container, claims);
  return claimed.asksForGpu && claimed.gpus === 0 ? undefined : claimed.gpus;
}

function checkGroup({ label, group, pod, container }: RayGroup, context: RuleContext): void {
  const params = group.map('rayStartParams');
  const numGpus = params?.scalar('num-gpus');
  const resourcesGpu = group.map('resources')?.scalar('GPU');
  if (params && numGpus && resourcesGpu) {
    const lone = params.node.entries.length === 1;
    const paramsEntry = group.entry('rayStartParams')!;
    const edit = lone
      ? { start: paramsEntry.key.end, end: params.node.end, newText: ': {}' }
      : removeEntry(context.text, params.node, params.entry('num-gpus')!);
    context.report(
      params.entry('num-gpus')!.key,
      `num-gpus is set both in rayStartParams and as resources.GPU of the ${label}: KubeRay passes resources.GPU ` +
        `to ray start and num-gpus is ignored. Remove num-gpus from rayStartParams.`,
      {
        fixes: [{ title: 'Remove num-gpus from rayStartParams', edits: [edit], preferred: true }],
      },
    );
  }
  const setting = resourcesGpu ?? numGpus;
  if (!setting || !container || !pod) return;
  const [ray, limited, claimed] = [countOf(setting), limitGpus(container), claimedGpus(pod, container, context.claims)];
  if (ray === undefined || limited === undefined || claimed === undefined) return;
  const gpus = limited + claimed;
  if (ray === gpus) return;
  const where = setting === resourcesGpu ? 'resources.GPU' : 'num-gpus in rayStartParams';
  const written = `"${String(setting.value)}"`;
  const fix = {
    title: `Set ${setting === resourcesGpu ? 'resources.GPU' : 'num-gpus'} to "${gpus}"`,
    edits: [replaceValue(setting, String(gpus))],
    preferred: gpus > 0,
  };
  const name = container.name ?? '(unnamed)';
  const holds =
    gpus === 0
      ? `its Ray container ${name} has no GPU limit`
      : claimed > 0
        ? `its Ray container ${name} has ${gpusText(gpus)}, ${limited ? 'by limit and by claim' : 'by claim'}`
        : `its Ray container ${name} is limited to ${gpusText(gpus)}`;
  const what = `${where} of the ${label} is ${written} but ${holds}`;
  // Without num-gpus KubeRay passes the GPU limit; with GPUs by claim alone it passes none, and Ray counts those it sees.
  const fallback = claimed > 0 && !limited ? 'Ray then counts the GPUs the container sees' : 'KubeRay then takes the GPU limit';
  const advice = `Set it to "${gpus}", or remove it (${fallback}).`;
  if (ray > gpus) {
    context.report(setting, `${what}: Ray schedules GPU tasks and actors onto GPUs the pod does not have, and they fail. ${advice}`, {
      fixes: [fix],
      severity: 'error',
    });
  } else {
    const idle =
      ray === 0
        ? 'Ray schedules no GPU work there and the GPUs stay idle'
        : `Ray never schedules work on ${gpus - ray} of them, which stay idle`;
    context.report(setting, `${what}: ${idle}. ${advice}`, { fixes: [fix] });
  }
}

const gpusText = (count: number) => `${count} GPU${count === 1 ? '' : 's'}`;

export const rayNumGpus = defineRule({
  id: 'ray/num-gpus',
  severity: 'warning',
  kinds: RAY_KINDS,
  description: "A Ray group's num-gpus differs from its container's GPU limit, or is set twice.",
  docs: {
    why:
      'Ray schedules GPU tasks and actors by the GPUs each node announces, which `ray start` takes from ' +
      "`num-gpus`. KubeRay sets `num-gpus` from the Ray container's GPU limit only when `rayStartParams` " +
      'leaves it out; when it is written, Ray believes it whatever the pod holds. Above the limit, Ray places ' +
      'work on GPUs the pod does not have and it fails at run time (reported as an error); below it, the ' +
      "other GPUs stay idle for the life of the cluster. A group's `resources` map (`GPU`) overrides `rayStartParams` " +
      'for the same resource, so writing both leaves a `num-gpus` that does nothing.',
    fix:
      'Leave `num-gpus` out and let KubeRay take it from the GPU limit, or make it equal to the limit (rayStartParams ' +
      'values are strings: `num-gpus: "2"`). Set GPUs in one place: `resources.GPU` or `rayStartParams.num-gpus`. ' +
      'The quick fixes set the value to the limit, or remove the `num-gpus` that `resources` overrides.',
    source:
      'KubeRay `ray-operator/controllers/ray/common/pod.go` (`generateRayStartCommand`: "num-gpus" is added ' +
      'from the GPU limit of the Ray container — the first one — only when rayStartParams does not have ' +
      'it); the RayCluster API (`rayStartParams` and `resources`, maps of strings on `headGroupSpec` and ' +
      'each of `workerGroupSpecs`; `resources` override the resources passed in rayStartParams); docs.ray.io ' +
      '› Ray on Kubernetes › Configuring GPUs.',
    invalid: `apiVersion: ray.io/v1
kind: RayCluster
metadata:
  name: llm
spec:
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.35.0
  workerGroupSpecs:
    - groupName: gpu
      minReplicas: 1
      maxReplicas: 4
      rayStartParams:
        num-gpus: "8"
#                 ^^^ error[ray/num-gpus]: num-gpus in rayStartParams of the worker group gpu is "8" but its Ray container ray-worker is limited to 4 GPUs: Ray schedules GPU tasks and actors onto GPUs the pod does not have, and they fail. Set it to "4", or remove it (KubeRay then takes the GPU limit).
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.35.0-gpu
              resources:
                limits:
                  nvidia.com/gpu: 4`,
    valid: `apiVersion: ray.io/v1
kind: RayCluster
metadata:
  name: llm
spec:
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.35.0
  workerGroupSpecs:
    - groupName: gpu
      minReplicas: 1
      maxReplicas: 4
      rayStartParams:
        num-gpus: "4"
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.35.0-gpu
              resources:
                limits:
                  nvidia.com/gpu: 4`,
  },
  check(workload, context) {
    for (const group of rayGroups(workload)) checkGroup(group, context);
  },
});
