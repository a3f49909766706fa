// A device request names the DeviceClass its devices are chosen from; a class that does not exist
// in the cluster leaves the claim unallocated and its pods Pending. Classes are cluster objects
// that drivers install: mlinfra knows those of NVIDIA's GPU driver, and reads DeviceClasses in the
// file and its folder.
import { didYouMean } from '../../did-you-mean';
import { classRequests, deviceRequests, NVIDIA_DEVICE_CLASSES } from '../../workloads';
import { defineRule } from '../rule';
import { replaceValue } from '../yaml-edits';

const KNOWN = Object.keys(NVIDIA_DEVICE_CLASSES);

export const draDeviceClass = defineRule({
  id: 'dra/device-class',
  severity: 'warning',
  scope: 'workspace',
  kinds: ['resource.k8s.io/ResourceClaimTemplate', 'resource.k8s.io/ResourceClaim'],
  description: 'A device request names a DeviceClass that neither the workspace nor the NVIDIA GPU driver defines.',
  docs: {
    why:
      "Each request of a ResourceClaim (or of a template's claim) chooses its devices from a DeviceClass, named " +
      'by `deviceClassName` (under `exactly` or in each `firstAvailable` alternative; on the request itself in ' +
      '`v1beta1`). The API server accepts any name, but the scheduler cannot allocate a claim whose class does ' +
      'not exist, so the pods using it stay Pending until one of that name is created. mlinfra knows the classes ' +
      'the NVIDIA DRA driver for GPUs installs (`gpu.nvidia.com`, `mig.nvidia.com`, `vfio.gpu.nvidia.com` and ' +
      'the ComputeDomain classes) and reads the DeviceClasses of the same file and of the YAML files of the ' +
      'same folder; it reports another name only when it could read the folder.',
    fix:
      'Correct the class name (the quick fix offers the nearest known class), or keep the DeviceClass beside ' +
      'the claim. A class another driver installs can be left as it is: silence the finding with ' +
      '`# mlinfra-disable-next-line dra/device-class`.',
    source:
      'Kubernetes API reference › resource.k8s.io `ExactDeviceRequest`, `DeviceSubRequest` (`deviceClassName`: ' +
      '"A class is required"); Kubernetes documentation › Dynamic Resource Allocation › DeviceClass; NVIDIA ' +
      'k8s-dra-driver-gpu, `deployments/helm` (the device classes the chart installs).',
    invalid: `apiVersion: resource.k8s.io/v1
kind: ResourceClaimTemplate
metadata:
  name: eight-gpus
spec:
  spec:
    devices:
      requests:
        - name: gpus
          exactly:
            deviceClassName: gpu.nvidia.io
#                            ^^^^^^^^^^^^^ warning[dra/device-class]: Device class gpu.nvidia.io is defined by no DeviceClass in this file or its folder, and is not one the NVIDIA GPU driver installs: the claim cannot be allocated, and its pods stay Pending. Did you mean gpu.nvidia.com?
            count: 8`,
    valid: `apiVersion: resource.k8s.io/v1
kind: DeviceClass
metadata:
  name: h100.gpu.nvidia.com
spec:
  selectors:
    - cel:
        expression: "device.driver == 'gpu.nvidia.com' && device.attributes['gpu.nvidia.com'].productName == 'NVIDIA H100 80GB HBM3'"
---
apiVersion: resource.k8s.io/v1
kind: ResourceClaimTemplate
metadata:
  name: eight-gpus
spec:
  spec:
    devices:
      requests:
        - name: gpus
          firstAvailable:
            - name: h100
              deviceClassName: h100.gpu.nvidia.com
              count: 8
            - name: any
              deviceClassName: gpu.nvidia.com
              count: 8`,
  },
  check(workload, context) {
    const claims = context.claims;
    const spec = workload.root.map('spec');
    const claimSpec = workload.kind === 'ResourceClaimTemplate' ? spec?.map('spec') : spec;
    for (const request of classRequests(deviceRequests(claimSpec))) {
      const name = request.deviceClassName;
      if (!name || !request.classNode || name in NVIDIA_DEVICE_CLASSES || claims.find('DeviceClass', name) || !claims.complete) continue;
      const near = didYouMean(name, [...KNOWN, ...claims.names('DeviceClass')]);
      context.report(
        request.classNode,
        `Device class ${name} is defined by no DeviceClass in this file or its folder, and is not one the NVIDIA GPU ` +
          `driver installs: the claim cannot be allocated, and its pods stay Pending.` +
          (near ? ` Did you mean ${near}?` : ''),
        { fixes: near ? [{ title: `Change to ${near}`, edits: [replaceValue(request.classNode, near)], preferred: true }] : [] },
      );
    }
  },
});
