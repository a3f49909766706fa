// Every supported kind has a valid example with no findings and an invalid one with its exact findings.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFindings } from '../harness/check';

const folder = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'kinds');

const index = JSON.parse(readFileSync(join(folder, '..', '..', '..', 'schemas', 'index.json'), 'utf8')) as {
  kinds: { apiVersion: string; kind: string; group: string; version: string; plural?: string; resource?: { shortNames?: string[] } }[];
};

/** The short names kube-apiserver gives its own resources (`kubectl api-resources`), which kubectl finds first. */
const KUBERNETES_SHORT_NAMES =
  'cm cj crd crds cs csr deploy ds ep ev hpa ing limits netpol no ns pc pdb po pv pvc quota rc rs sa sc sts svc vac'.split(' ');

/** Groups whose kinds share a name with a kind of another group: their fixtures' stems start with this prefix. */
const GROUP_PREFIX: Record<string, string> = {
  'batch.volcano.sh': 'volcano',
  'scheduling.volcano.sh': 'volcano',
  'events.k8s.io': 'events',
  'kueue.x-k8s.io': 'kueue',
  'inference.networking.x-k8s.io': 'gie',
  'llm-d.ai': 'llmd',
  'serving.knative.dev': 'knative',
};

/**
 * The kinds the fixtures must cover, every kind of schemas/index.json: file name stem, apiVersion and kind. The stem is
 * the kind in lowercase, after its group's prefix when another group has a kind of that name, and with `-<version>`
 * when its group serves it in several versions (`mpijob-v2beta1`, `volcano-job`, `events-event`).
 */
const KINDS: [stem: string, apiVersion: string, kind: string][] = index.kinds.map(({ apiVersion, kind, group, version }) => {
  const sameName = index.kinds.filter((other) => other.kind === kind);
  const prefix = sameName.some((other) => other.group !== group) ? GROUP_PREFIX[group] : undefined;
  const versioned = sameName.filter((other) => other.group === group).length > 1;
  const stem = [prefix, kind.toLowerCase(), versioned ? version : undefined].filter(Boolean).join('-');
  return [stem, apiVersion, kind];
});

const files = readdirSync(folder)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

/** The top-level `apiVersion` and `kind` lines of a fixture. */
function header(text: string): { apiVersion?: string; kind?: string } {
  const field = (name: string) => new RegExp(`^${name}:\\s*(\\S+)\\s*$`, 'm').exec(text)?.[1];
  return { apiVersion: field('apiVersion'), kind: field('kind') };
}

describe('kinds: one valid and one invalid example of every supported kind', () => {
  it('has a valid and an invalid file for every kind, and no other files', () => {
    const expected = KINDS.flatMap(([stem]) => [`${stem}.invalid.yaml`, `${stem}.valid.yaml`]).sort();
    assert.deepEqual(files, expected);
  });

  it('has fixtures of the apiVersion and kind their names say', () => {
    const wrong = KINDS.flatMap(([stem, apiVersion, kind]) =>
      ['valid', 'invalid']
        .map((variant) => `${stem}.${variant}.yaml`)
        .filter((name) => {
          const found = header(readFileSync(join(folder, name), 'utf8'));
          return found.apiVersion !== apiVersion || found.kind !== kind;
        }),
    );
    assert.deepEqual(wrong, []);
  });

  it('gives every short name of a CRD to one resource only, and none of Kubernetes’ own', () => {
    const owners = new Map<string, Set<string>>();
    for (const { group, plural, resource } of index.kinds) {
      for (const name of resource?.shortNames ?? []) owners.set(name, (owners.get(name) ?? new Set()).add(`${plural}.${group}`));
    }
    const clashes = [...owners].filter(([name, resources]) => resources.size > 1 || KUBERNETES_SHORT_NAMES.includes(name));
    assert.deepEqual(clashes, []);
  });

  it('gives every kind a stem of its own', () => {
    const stems = KINDS.map(([stem]) => stem);
    assert.deepEqual(
      stems.filter((stem, at) => stems.indexOf(stem) !== at),
      [],
    );
  });

  for (const name of files) {
    it(`${name}: ${name.endsWith('.valid.yaml') ? 'no findings' : 'exactly the annotated findings'}`, () => {
      const source = readFileSync(join(folder, name), 'utf8');
      const annotations = source.match(/^\s*#?\s*\^+ (error|warning|info|hint)\[/gm)?.length ?? 0;
      if (name.endsWith('.valid.yaml')) assert.equal(annotations, 0, 'a valid example carries no annotations');
      else assert.ok(annotations >= 3 && annotations <= 5, `an invalid example shows 3 to 5 mistakes, not ${annotations}`);
      checkFindings(source, { uri: `file:///workspace/${name}` });
    });
  }
});
