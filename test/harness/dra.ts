// Dynamic Resource Allocation objects for tests, as YAML documents: the claim templates, claims
// and device classes that pods' claims lead to.

/** A ResourceClaimTemplate (resource.k8s.io/v1) of one request `gpus`: `count` devices of the class, or `All`. */
export function claimTemplate(name: string, deviceClassName = 'gpu.nvidia.com', count: number | 'All' = 1): string {
  const amount = count === 'All' ? '            allocationMode: All\n' : `            count: ${count}\n`;
  return (
    `apiVersion: resource.k8s.io/v1\nkind: ResourceClaimTemplate\nmetadata:\n  name: ${name}\nspec:\n  spec:\n    devices:\n` +
    `      requests:\n        - name: gpus\n          exactly:\n            deviceClassName: ${deviceClassName}\n${amount}`
  );
}

/** A DeviceClass selecting devices by one CEL expression. */
export function deviceClass(name: string, expression: string): string {
  return (
    `apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata:\n  name: ${name}\nspec:\n  selectors:\n` +
    `    - cel:\n        expression: "${expression}"\n`
  );
}
