// GPU node pools are often tainted (`nvidia.com/gpu:NoSchedule` on EKS and in the GPU
// Operator's guides, `sku=gpu` on AKS) so that CPU pods stay off them: a GPU pod that neither
// tolerates the taint nor targets GPU nodes on purpose may stay Pending.
import { asksForGpu, claimGpus, podClaims } from '../../workloads';
import { workloadKindsExcept } from '../../workloads';
import { mergesLlmPresets } from '../../workloads/llm-presets';
import { roleAnchor, rolePods } from '../../workloads/roles';
import type { ClaimIndex, PodView } from '../../workloads';
import type { YamlMap } from '../../workloads';
import { defineRule } from '../rule';
import { addEntry, addItem } from '../yaml-edits';

const TOLERATION = { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' };
/**
 * A TrainJob's pod spec is its runtime's; a Kueue Workload's pods get the tolerations of the ResourceFlavor
 * Kueue admits them to.
 */
const SKIPPED_KINDS = ['trainer.kubeflow.org/TrainJob', 'kueue.x-k8s.io/Workload'];
/** Workloads queued by Kueue get their ResourceFlavor's tolerations and node labels at admission. */
const KUEUE_QUEUE = 'kueue.x-k8s.io/queue-name';

/**
 * Node labels (keys or values) that pick GPU nodes: anything naming a GPU or an accelerator
 * (`nvidia.com/gpu.product`, `cloud.google.com/gke-accelerator`, `karpenter.k8s.aws/instance-gpu-name`,
 * a `pool: gpu-a100` of the cluster's own), NVIDIA feature discovery labels, instance types and node pools.
 */
const GPU_NODE_LABEL =
  /gpu|accelerator|^nvidia\.com\/|instance-type$|^karpenter\.k8s\.aws\/instance-|^(karpenter\.sh\/nodepool|eks\.amazonaws\.com\/nodegroup|cloud\.google\.com\/gke-nodepool|kubernetes\.azure\.com\/agentpool|agentpool)$/i;

/** A toleration for the GPU taint: its key (or value) names a GPU, or it tolerates every taint. */
function toleratesGpu(toleration: YamlMap): boolean {
  const key = toleration.string('key');
  if (key === undefined || key === '') return toleration.string('operator') === 'Exists';
  return /gpu/i.test(key) || /gpu/i.test(toleration.string('value') ?? '');
}

/** The node label keys (and values) a pod spec selects or prefers, from nodeSelector and node affinity. */
function nodeLabels(spec: YamlMap): string[] {
  const selector = (spec.map('nodeSelector')?.node.entries ?? []).flatMap((entry) => [
    String(entry.key.value),
    String(entry.value?.kind === 'scalar' ? entry.value.value : ''),
  ]);
  const affinity = spec.map('affinity')?.map('nodeAffinity');
  const required = affinity?.map('requiredDuringSchedulingIgnoredDuringExecution')?.maps('nodeSelectorTerms') ?? [];
  const preferred = (affinity?.maps('preferredDuringSchedulingIgnoredDuringExecution') ?? []).flatMap(
    (term) => term.map('preference') ?? [],
  );
  const expressions = [...required, ...preferred].flatMap((term) => term.maps('matchExpressions'));
  return [
    ...selector,
    ...expressions.flatMap((expression) => [
      expression.string('key') ?? '',
      ...expression.scalars('values').map((value) => String(value.value)),
    ]),
  ];
}

/** GPUs asked for by limit, or claimed through DRA (a claim known to hold GPUs or MIG devices). */
const asksForGpus = (pod: PodView, claims: ClaimIndex) =>
  pod.allContainers.some(asksForGpu) || podClaims(pod).some((claim) => claimGpus(claim, claims).asksForGpu === true);

function needsToleration(pod: PodView, claims: ClaimIndex): boolean {
  if (!asksForGpus(pod, claims)) return false;
  const specs = [pod.spec, ...(pod.mergedSpecs ?? [])];
  if (specs.some((spec) => spec.maps('tolerations').some(toleratesGpu))) return false;
  return !specs.some((spec) => nodeLabels(spec).some((label) => GPU_NODE_LABEL.test(label)));
}

export const gpuNoToleration = defineRule({
  id: 'gpu/no-toleration',
  severity: 'info',
  description: 'GPU pods with no toleration for the nvidia.com/gpu taint and no GPU node selector: on tainted GPU nodes they stay Pending.',
  kinds: workloadKindsExcept(SKIPPED_KINDS),
  docs: {
    why:
      'Clusters keep CPU workloads off their expensive GPU nodes with a taint, most often `nvidia.com/gpu:NoSchedule` ' +
      "(EKS GPU node groups, the NVIDIA GPU Operator's guides, Karpenter GPU node pools; AKS suggests `sku=gpu:NoSchedule`). " +
      'A pod that requests GPUs without tolerating that taint is never scheduled there and waits in Pending, ' +
      'with only a `FailedScheduling … untolerated taint` event to say why. Some clusters add the toleration ' +
      'for you (the `ExtendedResourceToleration` admission plugin, enabled on GKE), and a pod that selects ' +
      'its GPU nodes by label was written for a known cluster, so this is information only: it is not reported ' +
      'when the pod tolerates a taint whose key or value names a GPU (or every taint, `operator: Exists` ' +
      'without a key), when its node selector or node affinity uses a GPU node label (`nvidia.com/gpu.product`, ' +
      '`nvidia.com/gpu.present`, `cloud.google.com/gke-accelerator`, `karpenter.k8s.aws/instance-gpu-*`, ' +
      '`node.kubernetes.io/instance-type`, a node pool…), or when the workload is queued by Kueue (`kueue.x-k8s.io/queue-name`), ' +
      'whose ResourceFlavors add tolerations and node labels at admission, or is an LLMInferenceService that ' +
      'names LLMInferenceServiceConfigs in `baseRefs`, whose pod specs KServe merges into its own. TrainJobs are ' +
      "skipped: their pod spec is the runtime's. A pod that claims GPUs through Dynamic Resource Allocation (a claim whose " +
      'template or ResourceClaim, in the same file or folder, asks for a GPU or MIG device class) counts as ' +
      'requesting them: the admission plugin adds tolerations for extended resources only, never for claims.',
    fix:
      'Add a toleration for the taint of your GPU nodes, or select them with a node selector. The quick ' +
      "fix adds `{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}` to the pod spec's tolerations. " +
      "Knative accepts either in a revision's pod spec only when its `kubernetes.podspec-tolerations` and " +
      '`kubernetes.podspec-nodeselector` features are enabled (in the `config-features` ConfigMap; both are off by default).',
    source:
      'kubernetes.io › Taints and Tolerations ("Nodes with special hardware", and the ExtendedResourceToleration ' +
      'admission controller); NVIDIA GPU Operator and EKS GPU node group documentation (`nvidia.com/gpu:NoSchedule`); ' +
      'GKE › Run GPUs ("GKE automatically adds the toleration"); Kueue › ResourceFlavor (tolerations and ' +
      'node labels injected on admission); KServe › LLMInferenceService `baseRefs` (LLMInferenceServiceConfigs ' +
      'merged into the service); Knative Serving `config/core/configmaps/features.yaml` (`kubernetes.podspec-tolerations`, ' +
      '`kubernetes.podspec-nodeselector`).',
    invalid: `apiVersion: batch/v1
kind: Job
metadata:
  name: eval
spec:
  template:
# ^^^^^^^^ info[gpu/no-toleration]: GPUs are requested in the Job's pods with no toleration for the nvidia.com/gpu taint and no GPU node selector: GPU node pools are often tainted (nvidia.com/gpu:NoSchedule), and such pods stay Pending there. Add a toleration for nvidia.com/gpu, or a node selector for your GPU nodes.
    spec:
      restartPolicy: Never
      containers:
        - name: eval
          image: nvcr.io/nvidia/pytorch:24.05-py3
          resources:
            limits:
              nvidia.com/gpu: 1`,
    valid: `apiVersion: batch/v1
kind: Job
metadata:
  name: eval
spec:
  template:
    spec:
      restartPolicy: Never
      tolerations:
        - key: nvidia.com/gpu
          operator: Exists
          effect: NoSchedule
      containers:
        - name: eval
          image: nvcr.io/nvidia/pytorch:24.05-py3
          resources:
            limits:
              nvidia.com/gpu: 1`,
  },
  check(workload, context) {
    if (workload.root.map('metadata')?.map('labels')?.string(KUEUE_QUEUE) || mergesLlmPresets(workload)) return;
    for (const pod of workload.pods) {
      if (!needsToleration(pod, context.claims)) continue;
      const tolerations = pod.spec.entry('tolerations');
      const edit =
        tolerations?.value?.kind === 'seq'
          ? addItem(context.text, tolerations.value, TOLERATION)
          : tolerations
            ? undefined
            : addEntry(context.text, pod.spec.node, 'tolerations', [TOLERATION]);
      const fixes = edit ? [{ title: 'Add toleration for nvidia.com/gpu', edits: [edit], preferred: true }] : [];
      context.report(
        roleAnchor(workload, pod),
        `GPUs are requested in ${rolePods(workload, pod)} with no toleration for the nvidia.com/gpu taint ` +
          `and no GPU node selector: GPU node pools are often tainted (nvidia.com/gpu:NoSchedule), and such ` +
          `pods stay Pending there. Add a toleration for nvidia.com/gpu, or a node selector for your GPU nodes.`,
        { fixes },
      );
    }
  },
});
