import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'ray/num-gpus';

const indent = (text: string, by: number) =>
  text
    .split('\n')
    .map((line) => (line ? ' '.repeat(by) + line : line))
    .join('\n');

/** The same cluster spec (written at column 0, annotations included) in each Ray kind. */
function rayKinds(cluster: string): string[] {
  return [
    `apiVersion: ray.io/v1\nkind: RayCluster\nmetadata:\n  name: llm\nspec:\n${indent(cluster, 2)}`,
    `apiVersion: ray.io/v1\nkind: RayJob\nmetadata:\n  name: llm\nspec:\n  entrypoint: python train.py\n  rayClusterSpec:\n${indent(cluster, 4)}`,
    `apiVersion: ray.io/v1\nkind: RayService\nmetadata:\n  name: llm\nspec:\n  rayClusterConfig:\n${indent(cluster, 4)}`,
    `apiVersion: ray.io/v1\nkind: RayCronJob\nmetadata:\n  name: llm\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n` +
      `    entrypoint: python train.py\n    rayClusterSpec:\n${indent(cluster, 6)}`,
  ];
}

const HEAD = fixture`
  headGroupSpec:
    rayStartParams:
      dashboard-host: "0.0.0.0"
      num-gpus: "0"
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.35.0
            resources:
              limits:
                cpu: "4"
`;

describe(ID, () => {
  it('accepts num-gpus equal to the limit, left out, or counting MIG slices, in every Ray kind', () => {
    for (const source of rayKinds(
      HEAD +
        fixture`
      workerGroupSpecs:
        - groupName: a100
          minReplicas: 1
          maxReplicas: 4
          rayStartParams:
            num-gpus: "8"
          template:
            spec:
              containers:
                - name: ray-worker
                  image: rayproject/ray:2.35.0-gpu
                  resources:
                    limits:
                      nvidia.com/gpu: 8
        - groupName: inferred
          minReplicas: 0
          maxReplicas: 2
          rayStartParams: {}
          template:
            spec:
              containers:
                - name: ray-worker
                  image: rayproject/ray:2.35.0-gpu
                  resources:
                    limits:
                      nvidia.com/gpu: 2
        - groupName: mig
          minReplicas: 0
          maxReplicas: 2
          rayStartParams:
            num-gpus: "1"
          template:
            spec:
              containers:
                - name: ray-worker
                  image: rayproject/ray:2.35.0-gpu
                  resources:
                    limits:
                      nvidia.com/mig-1g.5gb: 1
                - name: sidecar
                  image: fluent/fluent-bit:3.0
    `,
    )) {
      checkRule(ID, source);
    }
  });

  it('reports num-gpus above the limit as an error and below it as a warning, in every Ray kind', () => {
    for (const source of rayKinds(fixture`
      headGroupSpec:
        rayStartParams:
          num-gpus: "1"
      #             ^^^ error[ray/num-gpus]: num-gpus in rayStartParams of the head group is "1" but its Ray container ray-head has no GPU limit: Ray schedules GPU tasks and actors onto GPUs the pod does not have, and they fail. Set it to "0", or remove it (KubeRay then takes the GPU limit).
        template:
          spec:
            containers:
              - name: ray-head
                image: rayproject/ray:2.35.0
      workerGroupSpecs:
        - groupName: big
          minReplicas: 1
          maxReplicas: 4
          rayStartParams:
            num-gpus: "8"
      #               ^^^ error[ray/num-gpus]: num-gpus in rayStartParams of the worker group big is "8" but its Ray container ray-worker is limited to 4 GPUs: Ray schedules GPU tasks and actors onto GPUs the pod does not have, and they fail. Set it to "4", or remove it (KubeRay then takes the GPU limit).
          template:
            spec:
              containers:
                - name: ray-worker
                  image: rayproject/ray:2.35.0-gpu
                  resources:
                    limits:
                      nvidia.com/gpu: 4
        - groupName: small
          minReplicas: 1
          maxReplicas: 4
          rayStartParams: { num-gpus: "2" }
      #                               ^^^ warning[ray/num-gpus]: num-gpus in rayStartParams of the worker group small is "2" but its Ray container ray-worker is limited to 8 GPUs: Ray never schedules work on 6 of them, which stay idle. Set it to "8", or remove it (KubeRay then takes the GPU limit).
          template:
            spec:
              containers:
                - name: ray-worker
                  image: rayproject/ray:2.35.0-gpu
                  resources:
                    limits:
                      nvidia.com/gpu: 8
    `)) {
      checkRule(ID, source);
    }
  });

  it('compares num-gpus with the GPUs a worker group claims through DRA, and says nothing when they cannot be counted', () => {
    const templates = fixture`
      apiVersion: resource.k8s.io/v1
      kind: ResourceClaimTemplate
      metadata:
        name: four-gpus
      spec:
        spec:
          devices:
            requests:
              - { name: gpus, exactly: { deviceClassName: gpu.nvidia.com, count: 4 } }
      ---
      apiVersion: resource.k8s.io/v1
      kind: ResourceClaimTemplate
      metadata:
        name: mig-slices
      spec:
        spec:
          devices:
            requests:
              - { name: slices, exactly: { deviceClassName: mig.nvidia.com, count: 2 } }
      ---
    `;
    const group = (name: string, numGpus: string, claim: string, limits = '') => `  - groupName: ${name}
    rayStartParams: { num-gpus: "${numGpus}" }
    template:
      spec:
        resourceClaims: [{ name: gpus, resourceClaimTemplateName: ${claim} }]
        containers:
          - name: ray-worker
            image: rayproject/ray:2.35.0-gpu
            resources:
              claims: [{ name: gpus }]
${limits}`;
    const byClaim =
      '#                               ^^^ error[ray/num-gpus]: num-gpus in rayStartParams of the worker group claimed is "8" but its Ray container ray-worker has 4 GPUs, by claim: Ray schedules GPU tasks and actors onto GPUs the pod does not have, and they fail. Set it to "4", or remove it (Ray then counts the GPUs the container sees).\n';
    const both =
      '#                               ^^^ warning[ray/num-gpus]: num-gpus in rayStartParams of the worker group both is "4" but its Ray container ray-worker has 5 GPUs, by limit and by claim: Ray never schedules work on 1 of them, which stay idle. Set it to "5", or remove it (KubeRay then takes the GPU limit).\n';
    const cluster =
      `${HEAD}workerGroupSpecs:\n` +
      group('claimed', '8', 'four-gpus').replace('"8" }\n', `"8" }\n${byClaim}`) +
      group('both', '4', 'four-gpus', '              limits: { nvidia.com/gpu: 1 }\n').replace('"4" }\n', `"4" }\n${both}`) +
      group('unknown', '8', 'elsewhere') +
      group('slices', '8', 'mig-slices');
    checkRule(ID, templates + rayKinds(cluster)[0]);
  });

  it('reports num-gpus set both in rayStartParams and in the group resources, and compares resources.GPU with the limit', () => {
    for (const source of rayKinds(
      HEAD +
        fixture`
      workerGroupSpecs:
        - groupName: gpu
          minReplicas: 1
          maxReplicas: 4
          resources:
            GPU: "2"
      #          ^^^ warning[ray/num-gpus]: resources.GPU of the worker group gpu is "2" but its Ray container ray-worker is limited to 4 GPUs: Ray never schedules work on 2 of them, which stay idle. Set it to "4", or remove it (KubeRay then takes the GPU limit).
          rayStartParams:
            num-gpus: "4"
      #     ^^^^^^^^ warning[ray/num-gpus]: num-gpus is set both in rayStartParams and as resources.GPU of the worker group gpu: KubeRay passes resources.GPU to ray start and num-gpus is ignored. Remove num-gpus from rayStartParams.
          template:
            spec:
              containers:
                - name: ray-worker
                  image: rayproject/ray:2.35.0-gpu
                  resources:
                    limits:
                      nvidia.com/gpu: 4
    `,
    )) {
      checkRule(ID, source);
    }
  });

  it('never trips over a half-written group', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: ray.io/v1
      kind: RayCluster
      metadata:
        name: llm
      spec:
        headGroupSpec:
          rayStartParams:
            num-gpus:
        workerGroupSpecs:
          - groupName: gpu
            rayStartParams:
              num-gpus: "2"
          - rayStartParams:
              num-gpus: all
            template:
              spec:
                containers:
                  - name: ray-worker
                    resources:
                      limits:
                        nvidia.com/gpu: 2
          -
    `,
    );
  });

  const cluster = (params: string, resources = '') => `apiVersion: ray.io/v1
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
${resources}      rayStartParams:
${params}      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.35.0-gpu
              resources:
                limits:
                  nvidia.com/gpu: 4
`;

  it('sets num-gpus (or resources.GPU) to the limit, as a string', () => {
    checkRuleFix(ID, cluster('        num-gpus: $0"8"\n'), 'Set num-gpus to "4"', cluster('        num-gpus: "4"\n'));
    checkRuleFix(ID, cluster('        num-gpus: $01\n'), 'Set num-gpus to "4"', cluster('        num-gpus: "4"\n'));
    checkRuleFix(
      ID,
      cluster('        {}\n', '      resources:\n        GPU: $0"1"\n'),
      'Set resources.GPU to "4"',
      cluster('        {}\n', '      resources:\n        GPU: "4"\n'),
    );
  });

  it('removes num-gpus that the group resources override', () => {
    const resources = '      resources:\n        GPU: "4"\n';
    checkRuleFix(
      ID,
      cluster('        $0num-gpus: "4"\n        object-store-memory: "1000000000"\n', resources),
      'Remove num-gpus from rayStartParams',
      cluster('        object-store-memory: "1000000000"\n', resources),
    );
    const lone = cluster('        $0num-gpus: "4"\n', resources);
    checkRuleFix(
      ID,
      lone,
      'Remove num-gpus from rayStartParams',
      lone.replace('      rayStartParams:\n        $0num-gpus: "4"\n', '      rayStartParams: {}\n'),
    );
  });
});
