// A worker group's size is bounded by minReplicas and maxReplicas: KubeRay clamps `replicas`
// into [minReplicas, maxReplicas], and bounds the wrong way round cannot both hold.
import { RAY_CLUSTER_SPEC, RAY_KINDS } from '../../workloads';
import type { YamlMap } from '../../workloads';
import { defineRule, type RuleContext } from '../rule';
import { replaceValue } from '../yaml-edits';

function checkGroup(group: YamlMap, context: RuleContext): void {
  const name = group.string('groupName') ?? '(unnamed)';
  // Quoted counts are the schema's finding (the API server rejects them): only YAML numbers are judged.
  const count = (key: string) => (group.scalar(key)?.quoted ? undefined : group.integer(key));
  const [min, max, replicas] = [count('minReplicas'), count('maxReplicas'), count('replicas')];
  const [minNode, maxNode, replicasNode] = [group.scalar('minReplicas'), group.scalar('maxReplicas'), group.scalar('replicas')];
  if (min !== undefined && max !== undefined && minNode && maxNode && min > max) {
    context.report(
      minNode,
      `minReplicas (${min}) is greater than maxReplicas (${max}) in worker group ${name}: KubeRay cannot ` +
        `keep both — it uses maxReplicas (${max}), or refuses the cluster in versions that validate it. Make ` +
        `minReplicas at most maxReplicas.`,
      {
        fixes: [
          { title: `Set minReplicas to ${max}`, edits: [replaceValue(minNode, max)] },
          { title: `Set maxReplicas to ${min}`, edits: [replaceValue(maxNode, min)] },
        ],
      },
    );
    return;
  }
  if (replicas === undefined || !replicasNode) return;
  const [bound, side] =
    min !== undefined && replicas < min
      ? [min, 'below minReplicas']
      : max !== undefined && replicas > max
        ? [max, 'above maxReplicas']
        : [undefined, ''];
  if (bound === undefined) return;
  context.report(
    replicasNode,
    `replicas (${replicas}) is ${side} (${bound}) in worker group ${name}: KubeRay clamps it to ${bound}. ` +
      `Set replicas between ${min ?? 0} and ${max ?? 'maxReplicas'}.`,
    {
      severity: 'warning',
      fixes: [{ title: `Set replicas to ${bound}`, edits: [replaceValue(replicasNode, bound)], preferred: true }],
    },
  );
}

export const rayWorkerReplicas = defineRule({
  id: 'ray/worker-replicas',
  severity: 'error',
  kinds: RAY_KINDS,
  description: 'A Ray worker group with minReplicas above maxReplicas, or replicas outside them.',
  docs: {
    why:
      'KubeRay sizes each worker group within `[minReplicas, maxReplicas]` (the autoscaler too). With `minReplicas` ' +
      'above `maxReplicas` both cannot hold: KubeRay uses `maxReplicas` and logs "minReplicas is greater ' +
      'than maxReplicas", and versions that validate the spec refuse the cluster — either way not the group ' +
      'that was asked for. A `replicas` outside the bounds is clamped silently: the cluster starts with ' +
      'a different number of GPU workers than the manifest says (reported as a warning).',
    fix:
      'Make `minReplicas` ≤ `replicas` ≤ `maxReplicas`. The quick fixes set `replicas` to the bound KubeRay ' +
      'clamps it to, or make the two bounds meet.',
    source:
      'KubeRay `ray-operator/controllers/ray/utils/util.go` (`GetWorkerGroupDesiredReplicas`: "minReplicas ' +
      'is greater than maxReplicas, using maxReplicas as desired replicas"; replicas below minReplicas take ' +
      'minReplicas, above maxReplicas take maxReplicas) and `utils/validation.go` (`ValidateRayClusterSpec`); ' +
      'the RayCluster CRD (`workerGroupSpecs[].replicas`, `minReplicas`, `maxReplicas`).',
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
      replicas: 4
      minReplicas: 4
      #            ^ error[ray/worker-replicas]: minReplicas (4) is greater than maxReplicas (2) in worker group gpu: KubeRay cannot keep both — it uses maxReplicas (2), or refuses the cluster in versions that validate it. Make minReplicas at most maxReplicas.
      maxReplicas: 2
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.35.0-gpu
              resources:
                limits:
                  nvidia.com/gpu: 1`,
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
      replicas: 2
      minReplicas: 1
      maxReplicas: 4
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.35.0-gpu
              resources:
                limits:
                  nvidia.com/gpu: 1`,
  },
  check(workload, context) {
    const cluster = RAY_CLUSTER_SPEC[workload.kind]?.(workload.root);
    for (const group of cluster?.maps('workerGroupSpecs') ?? []) checkGroup(group, context);
  },
});
