import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'ray/worker-replicas';

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
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.35.0
`;

/** A worker group at column 0; `counts` are its lines of replicas, at column 2. */
const worker = (name: string, counts: string) => `- groupName: ${name}
${counts}
  rayStartParams: {}
  template:
    spec:
      containers:
        - name: ray-worker
          image: rayproject/ray:2.35.0-gpu
          resources:
            limits:
              nvidia.com/gpu: 1
`;

describe(ID, () => {
  it('accepts replicas within the bounds, equal bounds and unset replicas, in every Ray kind', () => {
    const groups = [
      worker('a', '  replicas: 2\n  minReplicas: 1\n  maxReplicas: 4'),
      worker('b', '  replicas: 3\n  minReplicas: 3\n  maxReplicas: 3'),
      worker('c', '  minReplicas: 0\n  maxReplicas: 10'),
    ];
    for (const source of rayKinds(`${HEAD}workerGroupSpecs:\n${indent(groups.join(''), 2)}`)) checkRule(ID, source);
  });

  it('reports minReplicas above maxReplicas, and replicas outside them, in every Ray kind', () => {
    const groups = [
      worker(
        'inverted',
        '  replicas: 3\n  minReplicas: 4\n#              ^ error[ray/worker-replicas]: minReplicas (4) is greater than maxReplicas (2) in worker group inverted: KubeRay cannot keep both — it uses maxReplicas (2), or refuses the cluster in versions that validate it. Make minReplicas at most maxReplicas.\n  maxReplicas: 2',
      ),
      worker(
        'below',
        '  replicas: 1\n#           ^ warning[ray/worker-replicas]: replicas (1) is below minReplicas (2) in worker group below: KubeRay clamps it to 2. Set replicas between 2 and 8.\n  minReplicas: 2\n  maxReplicas: 8',
      ),
      worker(
        'above',
        '  replicas: 12\n#           ^^ warning[ray/worker-replicas]: replicas (12) is above maxReplicas (8) in worker group above: KubeRay clamps it to 8. Set replicas between 0 and 8.\n  minReplicas: 0\n  maxReplicas: 8',
      ),
    ];
    for (const source of rayKinds(`${HEAD}workerGroupSpecs:\n${indent(groups.join(''), 2)}`)) checkRule(ID, source);
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
        workerGroupSpecs:
          - groupName: gpu
            replicas: two
            minReplicas:
            maxReplicas: 1
          - groupName: quoted
            replicas: "9"
            minReplicas: "3"
            maxReplicas: 1
          - replicas: 3
          -
    `,
    );
  });

  const cluster = (counts: string) => `apiVersion: ray.io/v1
kind: RayCluster
metadata:
  name: llm
spec:
${indent(HEAD, 2)}  workerGroupSpecs:
${indent(worker('gpu', counts), 4)}`;

  it('sets replicas to the bound KubeRay clamps it to', () => {
    checkRuleFix(
      ID,
      cluster('  replicas: $012\n  minReplicas: 1\n  maxReplicas: 8'),
      'Set replicas to 8',
      cluster('  replicas: 8\n  minReplicas: 1\n  maxReplicas: 8'),
    );
    checkRuleFix(
      ID,
      cluster('  replicas: $00\n  minReplicas: 1\n  maxReplicas: 8'),
      'Set replicas to 1',
      cluster('  replicas: 1\n  minReplicas: 1\n  maxReplicas: 8'),
    );
  });

  it('makes the bounds meet, either way', () => {
    checkRuleFix(
      ID,
      cluster('  minReplicas: $04\n  maxReplicas: 2'),
      'Set minReplicas to 2',
      cluster('  minReplicas: 2\n  maxReplicas: 2'),
    );
    checkRuleFix(
      ID,
      cluster('  minReplicas: $04\n  maxReplicas: 2'),
      'Set maxReplicas to 4',
      cluster('  minReplicas: 4\n  maxReplicas: 4'),
    );
  });
});
