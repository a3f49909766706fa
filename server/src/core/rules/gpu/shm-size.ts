// A memory-backed /dev/shm is a tmpfs whose pages are charged to the container that writes
// them: without a sizeLimit it may fill the pod's memory (the node's, with no limit), and a
// sizeLimit at or above the memory limit leaves the processes nothing when it fills.
import type { MapNode } from '../../document';
import { parseQuantity } from '../../workloads';
import { memoryLimit, shmMount, shmSizeFor, type ShmVolume } from '../../workloads/shm';
import type { ContainerView } from '../../workloads';
import { defineRule } from '../rule';
import { addEntry, replaceValue } from '../yaml-edits';

const names = (containers: ContainerView[]) => containers.map((container) => container.name ?? '(unnamed)').join(', ');

export const gpuShmSize = defineRule({
  id: 'gpu/shm-size',
  severity: 'warning',
  description: 'A memory-backed /dev/shm without a sizeLimit, or one not below the memory limit: a full /dev/shm gets the pod OOM-killed.',
  docs: {
    why:
      'An emptyDir with `medium: Memory` is a tmpfs, and the pages written to it are charged to the memory ' +
      "of the container that writes them. Without a `sizeLimit` it can grow to the pod's memory limit — " +
      "to the node's memory when there is none — so DataLoader workers or NCCL filling /dev/shm get the " +
      'container OOM-killed, or the pod evicted for node memory pressure, hours into a run. A sizeLimit ' +
      "at or above the container's memory limit is no bound at all: /dev/shm full means no memory left for " +
      'the processes.',
    fix:
      'Set `emptyDir.sizeLimit` below the memory limit of every container that mounts the volume. The quick ' +
      'fix sets it to half the smallest such limit (the other half stays for the processes), or 16Gi when ' +
      'no container has a memory limit.',
    source:
      'kubernetes.io › Volumes › emptyDir ("memory-backed emptyDir … counts against container memory limit"; ' +
      "the size of a memory-backed volume defaults to the pod's memory limit, or the node's allocatable " +
      'memory — SizeMemoryBackedVolumes); Linux tmpfs accounting to the memory cgroup of the writer.',
    invalid: `apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: trainer
          image: nvcr.io/nvidia/pytorch:24.05-py3
          resources:
            limits:
              nvidia.com/gpu: 4
              memory: 128Gi
          volumeMounts:
            - name: dshm
              mountPath: /dev/shm
      volumes:
        - name: dshm
          emptyDir:
#         ^^^^^^^^ warning[gpu/shm-size]: /dev/shm (volume dshm, mounted by container trainer) is memory-backed without a sizeLimit: it can fill the pod's memory, and what it holds counts against the container's memory limit, so a full /dev/shm gets the container OOM-killed. Set sizeLimit below the memory limit, e.g. 64Gi.
            medium: Memory`,
    valid: `apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: trainer
          image: nvcr.io/nvidia/pytorch:24.05-py3
          resources:
            limits:
              nvidia.com/gpu: 4
              memory: 128Gi
          volumeMounts:
            - name: dshm
              mountPath: /dev/shm
      volumes:
        - name: dshm
          emptyDir:
            medium: Memory
            sizeLimit: 64Gi`,
  },
  check(workload, context) {
    // A volume shared by roles through a YAML alias is reported once.
    const seen: MapNode[] = []; // a few containers: a list is cheaper than a Set
    for (const pod of workload.pods) {
      // The containers mounting each memory-backed volume at /dev/shm.
      const mounted = new Map<string, { volume: ShmVolume; containers: ContainerView[] }>();
      for (const container of pod.allContainers) {
        const volume = shmMount(pod, container)?.volume;
        if (volume?.memory) mounted.set(volume.name, { volume, containers: [...(mounted.get(volume.name)?.containers ?? []), container] });
      }
      for (const { volume, containers } of mounted.values()) {
        if (seen.includes(volume.node.node)) continue;
        seen.push(volume.node.node);
        const where = () => `/dev/shm (volume ${volume.name}, mounted by container ${names(containers)})`;
        if (!volume.sizeLimit && volume.emptyDir && volume.emptyDirEntry) {
          const size = shmSizeFor(containers);
          const fix = {
            title: `Add sizeLimit: ${size}`,
            edits: [addEntry(context.text, volume.emptyDir.node, 'sizeLimit', size)],
            preferred: true,
          };
          context.report(
            volume.emptyDirEntry.key,
            `${where()} is memory-backed without a sizeLimit: it can fill the pod's memory, and what it holds ` +
              `counts against the container's memory limit, so a full /dev/shm gets the container OOM-killed. Set ` +
              `sizeLimit below the memory limit, e.g. ${size}.`,
            { fixes: [fix] },
          );
          continue;
        }
        const limit = parseQuantity(volume.sizeLimit?.value);
        if (!volume.sizeLimit || limit === undefined) continue;
        // The container with the smallest memory limit: the first one /dev/shm can starve.
        let smallest: { container: ContainerView; memory: number } | undefined;
        for (const container of containers) {
          const memory = memoryLimit(container);
          if (memory !== undefined && (!smallest || memory < smallest.memory)) smallest = { container, memory };
        }
        if (!smallest || limit < smallest.memory) continue;
        const size = shmSizeFor(containers);
        const memory = smallest.container.resources.limits.find((quantity) => quantity.name === 'memory')?.value?.value;
        const fix = { title: `Set sizeLimit to ${size}`, edits: [replaceValue(volume.sizeLimit, size)], preferred: true };
        context.report(
          volume.sizeLimit,
          `The sizeLimit ${String(volume.sizeLimit.value)} of ${where()} is not below the memory limit ${String(memory)} ` +
            `of container ${smallest.container.name ?? '(unnamed)'}: what /dev/shm holds counts against that limit, ` +
            `so when it fills the processes have no memory left and the container is OOM-killed. Lower sizeLimit, ` +
            `e.g. to ${size}.`,
          { fixes: [fix] },
        );
      }
    }
  },
});
