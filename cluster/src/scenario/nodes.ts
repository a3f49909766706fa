// The demo cluster's nodes: two with 8 NVIDIA A100 80GB each, two with 8 H100 80GB each (the
// labels NVIDIA GPU feature discovery sets, and the GPU taint), and one CPU node.
import type { KubeObject } from '../store/object';

interface GpuModel {
  product: string;
  family: string;
  memoryMiB: number;
  machine: string;
  instanceType: string;
}

export const A100: GpuModel = {
  product: 'NVIDIA-A100-SXM4-80GB',
  family: 'ampere',
  memoryMiB: 81920,
  machine: 'a2-ultragpu-8g',
  instanceType: 'a2-ultragpu-8g',
};
export const H100: GpuModel = {
  product: 'NVIDIA-H100-80GB-HBM3',
  family: 'hopper',
  memoryMiB: 81559,
  machine: 'a3-highgpu-8g',
  instanceType: 'a3-highgpu-8g',
};

function node(
  name: string,
  ip: string,
  labels: Record<string, string>,
  capacity: Record<string, string>,
  created: string,
  taints: unknown[],
): KubeObject {
  const allocatable = {
    ...capacity,
    cpu: `${Number(capacity.cpu) * 1000 - 1930}m`,
    memory: capacity.memory.replace(/^(\d+)Ki$/, (_, n) => `${Number(n) - 12_000_000}Ki`),
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      creationTimestamp: created,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'topology.kubernetes.io/region': 'us-central1',
        'topology.kubernetes.io/zone': 'us-central1-a',
        ...labels,
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: {
      podCIDR: `10.244.${ip.split('.')[3]}.0/24`,
      podCIDRs: [`10.244.${ip.split('.')[3]}.0/24`],
      ...(taints.length ? { taints } : {}),
    },
    status: {
      capacity,
      allocatable,
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          lastHeartbeatTime: created,
          lastTransitionTime: created,
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        {
          type: 'DiskPressure',
          status: 'False',
          lastHeartbeatTime: created,
          lastTransitionTime: created,
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
        },
        {
          type: 'PIDPressure',
          status: 'False',
          lastHeartbeatTime: created,
          lastTransitionTime: created,
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
        },
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: created,
          lastTransitionTime: created,
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '5.15.0-1071-nvidia',
        kubeProxyVersion: 'v1.32.4',
        kubeletVersion: 'v1.32.4',
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 22.04.5 LTS',
        systemUUID: '',
      },
    },
  };
}

function gpuNode(name: string, ip: string, model: GpuModel, created: string): KubeObject {
  const labels = {
    'node.kubernetes.io/instance-type': model.instanceType,
    'nvidia.com/cuda.driver.major': '550',
    'nvidia.com/cuda.driver.minor': '127',
    'nvidia.com/gpu.count': '8',
    'nvidia.com/gpu.family': model.family,
    'nvidia.com/gpu.machine': model.machine,
    'nvidia.com/gpu.memory': String(model.memoryMiB),
    'nvidia.com/gpu.present': 'true',
    'nvidia.com/gpu.product': model.product,
    'nvidia.com/gpu.replicas': '1',
    'nvidia.com/mig.capable': 'true',
  };
  const capacity = {
    cpu: model === H100 ? '208' : '96',
    'ephemeral-storage': '1055762868Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: model === H100 ? '1919959544Ki' : '1392493884Ki',
    'nvidia.com/gpu': '8',
    pods: '110',
  };
  return node(name, ip, labels, capacity, created, [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }]);
}

/** The five nodes, created `created` (RFC 3339). */
export function demoNodes(created: string): KubeObject[] {
  return [
    gpuNode('gpu-a100-0', '10.128.0.11', A100, created),
    gpuNode('gpu-a100-1', '10.128.0.12', A100, created),
    gpuNode('gpu-h100-0', '10.128.0.21', H100, created),
    gpuNode('gpu-h100-1', '10.128.0.22', H100, created),
    node(
      'cpu-0',
      '10.128.0.31',
      { 'node.kubernetes.io/instance-type': 'n2-standard-32' },
      { cpu: '32', 'ephemeral-storage': '203070420Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '131900728Ki', pods: '110' },
      created,
      [],
    ),
  ];
}
