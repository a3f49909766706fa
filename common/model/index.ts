// The shared workload model: what the language server, the Clusters and GPU nodes views and the
// demo cluster all read to know a workload's pods, their requests and their GPUs. Pure: no I/O,
// no editor or protocol module. Everything outside this folder imports it through this file.
export {
  classRequests,
  deviceClassKind,
  deviceRequests,
  NO_CLAIMS,
  NVIDIA_DEVICE_CLASSES,
  NVIDIA_GPU_DRIVER,
  requestGpus,
  selectedDevices,
  type ClaimIndex,
  type DeviceKind,
  type DeviceRequest,
  type DraKind,
  type FoundObject,
  type RequestGpus,
} from './device-requests';
export { fromJson } from './from-json';
export {
  asksForGpu,
  containerGpus,
  containerRequests,
  gpusInResourceList,
  isGpuResource,
  quantityNumber,
  WHOLE_GPU_RESOURCES,
  wholeGpus,
} from './gpu-resources';
export { gpuCountText, gpuSummary, summaryLine, workloadTotals, type GpuSummary, type RoleGpus, type WorkloadTotals } from './gpu-summary';
export { REPLICA_SPECS } from './kinds/kubeflow';
export { jobPodsAtOnce } from './kinds/kubernetes';
export { NIM_KINDS } from './kinds/nim';
export { RAY_CLUSTER_SPEC, RAY_KINDS } from './kinds/ray';
export { SPARK_KINDS } from './kinds/spark';
export { memoByString } from './memo';
export type { MapEntry, MapNode, ScalarNode, ScalarValue, SeqNode, YamlNode } from './nodes';
export { containerObjectGpus, podSpecGpus, podSpecRequests, workloadOfObject } from './objects';
export { containerView, podOf, podView, resourcesOf } from './pod-spec';
export {
  appClaimGpus,
  appVisibleGpus,
  claimGpus,
  claimObject,
  claimRequests,
  claimsDevices,
  containerClaimGpus,
  containerClaims,
  containerVisibleGpus,
  podClaimGpus,
  podClaims,
  type PodClaim,
} from './pod-claims';
export { appContainerGpus, podGpus, podRequests } from './pod-requests';
export { parseQuantity, quantityText, quantityValue } from './quantity';
export type { ContainerView, EnvVar, PodView, ResourceQuantity, Resources, WorkloadView } from './workload';
export { WORKLOAD_KINDS, workloadKindsExcept, workloadOf, workloadOfType } from './workloads';
export { asMap, YamlMap } from './yaml-map';
