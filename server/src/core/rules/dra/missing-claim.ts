// A pod's claim names the ResourceClaimTemplate or ResourceClaim its devices come from; when none
// of that name exists in the namespace, the pod is never scheduled. mlinfra can only tell when
// it can read the folder: the objects usually sit beside the workload (a file of its own, or the
// same file), and a typo in a name is the common way to lose them.
import { didYouMean } from '../../did-you-mean';
import { claimObject, podClaims } from '../../workloads';
import type { ScalarNode } from '../../workloads';
import { defineRule } from '../rule';
import { replaceValue } from '../yaml-edits';

export const draMissingClaim = defineRule({
  id: 'dra/missing-claim',
  severity: 'warning',
  description: "A pod's claim names a ResourceClaimTemplate or ResourceClaim that is in neither its file nor its folder.",
  docs: {
    why:
      'A pod asks for devices through Dynamic Resource Allocation by listing claims in `spec.resourceClaims`, ' +
      'each naming a ResourceClaimTemplate (`resourceClaimTemplateName`: a claim is made from it for each ' +
      'pod) or a ResourceClaim (`resourceClaimName`: one claim, shared) in its namespace. When no object of ' +
      'that name exists, the pod is created but never scheduled: it waits Pending, and for a template the ' +
      'events say it cannot be found — a misspelt name looks like a busy cluster. mlinfra looks for the ' +
      'object in the same file and in the YAML files of the same folder, and only reports when it could read ' +
      'the folder; without the object it cannot count the GPUs the pod claims either (the GPU summary then ' +
      'says "GPUs by claim, count unknown").',
    fix:
      'Correct the name (the quick fix offers the nearest name found), or add the ResourceClaimTemplate or ' +
      'ResourceClaim beside the workload. Objects created elsewhere (by a chart or a platform team) can be ' +
      'left as they are: silence the finding with `# mlinfra-disable-next-line dra/missing-claim`.',
    source:
      'Kubernetes API reference › PodSpec `resourceClaims` (`PodResourceClaim`: `resourceClaimName`, ' +
      '`resourceClaimTemplateName`); Kubernetes documentation › Dynamic Resource Allocation (pods wait for ' +
      'their claims to be created and allocated before they are scheduled).',
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
            deviceClassName: gpu.nvidia.com
            count: 8
---
apiVersion: v1
kind: Pod
metadata:
  name: finetune
spec:
  resourceClaims:
    - name: gpus
      resourceClaimTemplateName: eight-gpu
#                                ^^^^^^^^^ warning[dra/missing-claim]: ResourceClaimTemplate eight-gpu is in neither this file nor a YAML file of its folder: the pod stays Pending until one of that name exists in its namespace, and its claimed GPUs cannot be counted. Did you mean eight-gpus?
  containers:
    - name: trainer
      image: nvcr.io/nvidia/pytorch:24.05-py3
      resources:
        claims:
          - name: gpus`,
    valid: `apiVersion: resource.k8s.io/v1
kind: ResourceClaimTemplate
metadata:
  name: eight-gpus
spec:
  spec:
    devices:
      requests:
        - name: gpus
          exactly:
            deviceClassName: gpu.nvidia.com
            count: 8
---
apiVersion: v1
kind: Pod
metadata:
  name: finetune
spec:
  resourceClaims:
    - name: gpus
      resourceClaimTemplateName: eight-gpus
  containers:
    - name: trainer
      image: nvcr.io/nvidia/pytorch:24.05-py3
      resources:
        claims:
          - name: gpus`,
  },
  check(workload, context) {
    const claims = context.claims;
    // A claim shared by roles through a YAML alias is reported once.
    const seen: ScalarNode[] = [];
    for (const pod of workload.pods) {
      for (const claim of podClaims(pod)) {
        const source = claim.source;
        if (!source || seen.includes(source.node) || claimObject(claim, claims) || !claims.complete) continue;
        seen.push(source.node);
        const near = didYouMean(source.name, claims.names(source.kind));
        context.report(
          source.node,
          `${source.kind} ${source.name} is in neither this file nor a YAML file of its folder: the pod stays Pending ` +
            `until one of that name exists in its namespace, and its claimed GPUs cannot be counted.` +
            (near ? ` Did you mean ${near}?` : ''),
          { fixes: near ? [{ title: `Change to ${near}`, edits: [replaceValue(source.node, near)], preferred: true }] : [] },
        );
      }
    }
  },
});
