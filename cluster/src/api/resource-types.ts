// Every resource the cluster serves, with what discovery says about it: the built-in ones the
// demo needs (facts of kube-apiserver 1.32) and every CRD kind of schemas/index.json, whose
// names, versions and printer columns the schema generator copied from the upstream CRDs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// What index.json holds about a CRD kind is the schema generator's to say.
import type { PrinterColumn, SchemaIndex } from '../../../server/src/core/schema/index';

export type { PrinterColumn };

export interface ResourceType {
  /** `<group>/<plural>`: how the store and the controllers name it. */
  key: string;
  group: string;
  resource: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  /** Served versions, the preferred one first. */
  versions: string[];
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: string[];
  /** A custom resource: tables come from its printer columns, unknown fields are pruned. */
  custom: boolean;
  /** CRDs: the printer columns of each version. */
  printerColumns: Record<string, PrinterColumn[]>;
  /** The generated JSON schema of each version (its `$id`), when there is one. */
  schemaIds: Record<string, string>;
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const CRD_VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];
const SCHEMA_BASE = 'https://schemas.mlinfra.dev/';

type Builtin = Omit<ResourceType, 'key' | 'custom' | 'printerColumns' | 'schemaIds' | 'listKind' | 'verbs'> & { verbs?: string[] };

/** The built-in resources, as kube-apiserver 1.32 describes them. */
const BUILTINS: Builtin[] = [
  {
    group: '',
    resource: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    versions: ['v1'],
    shortNames: ['ns'],
    categories: [],
    subresources: ['finalize', 'status'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  },
  {
    group: '',
    resource: 'nodes',
    singular: 'node',
    kind: 'Node',
    namespaced: false,
    versions: ['v1'],
    shortNames: ['no'],
    categories: [],
    subresources: ['status'],
  },
  {
    group: '',
    resource: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    versions: ['v1'],
    shortNames: ['po'],
    categories: ['all'],
    subresources: ['log', 'status'],
  },
  {
    group: '',
    resource: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    versions: ['v1'],
    shortNames: ['ev'],
    categories: [],
    subresources: [],
  },
  {
    group: '',
    resource: 'services',
    singular: 'service',
    kind: 'Service',
    namespaced: true,
    versions: ['v1'],
    shortNames: ['svc'],
    categories: ['all'],
    subresources: ['status'],
  },
  {
    group: '',
    resource: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    namespaced: true,
    versions: ['v1'],
    shortNames: ['cm'],
    categories: [],
    subresources: [],
  },
  {
    group: 'apps',
    resource: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    versions: ['v1'],
    shortNames: ['deploy'],
    categories: ['all'],
    subresources: ['scale', 'status'],
  },
  {
    group: 'batch',
    resource: 'jobs',
    singular: 'job',
    kind: 'Job',
    namespaced: true,
    versions: ['v1'],
    shortNames: [],
    categories: ['all'],
    subresources: ['status'],
  },
];

/** Kubernetes' version order: GA before beta before alpha, higher numbers first, others last by name. */
export function compareVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number, string] => {
    const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!match) return [3, 0, 0, v];
    const level = match[2] === 'alpha' ? 2 : match[2] === 'beta' ? 1 : 0;
    return [level, -Number(match[1]), -Number(match[3] ?? 0), v];
  };
  const [x, y] = [rank(a), rank(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x[3] < y[3] ? -1 : x[3] > y[3] ? 1 : 0;
}

/** The resource types: built-ins first (as kube-apiserver orders its groups), then CRD groups by name. */
export function loadResourceTypes(schemasDir: string): ResourceType[] {
  const index = JSON.parse(readFileSync(join(schemasDir, 'index.json'), 'utf8')) as SchemaIndex;
  const schemaOf = (group: string, version: string, kind: string) =>
    index.kinds.find((k) => k.group === group && k.version === version && k.kind === kind);
  const types: ResourceType[] = BUILTINS.map((b) => {
    const schema = schemaOf(b.group, b.versions[0], b.kind);
    return {
      ...b,
      key: `${b.group}/${b.resource}`,
      listKind: `${b.kind}List`,
      verbs: b.verbs ?? ALL_VERBS,
      custom: false,
      printerColumns: {},
      schemaIds: schema ? { [b.versions[0]]: SCHEMA_BASE + schema.schema } : {},
    };
  });
  const custom = new Map<string, ResourceType>();
  for (const entry of index.kinds) {
    if (!entry.resource || !entry.plural) continue;
    const key = `${entry.group}/${entry.plural}`;
    const info = entry.resource;
    // Two upstream CRDs may define one resource (MPIJob v1 and v2beta1): one resource, both versions.
    const type = custom.get(key) ?? {
      key,
      group: entry.group,
      resource: entry.plural,
      singular: info.singular,
      kind: entry.kind,
      listKind: info.listKind,
      namespaced: entry.namespaced !== false,
      versions: [],
      shortNames: info.shortNames ?? [],
      categories: info.categories ?? [],
      verbs: CRD_VERBS,
      subresources: [],
      custom: true,
      printerColumns: {},
      schemaIds: {},
    };
    type.versions.push(entry.version);
    type.versions.sort(compareVersions);
    for (const sub of info.subresources ?? []) if (!type.subresources.includes(sub)) type.subresources.push(sub);
    type.printerColumns[entry.version] = info.printerColumns ?? [];
    type.schemaIds[entry.version] = SCHEMA_BASE + entry.schema;
    custom.set(key, type);
  }
  const crds = [...custom.values()].sort((a, b) => (a.group === b.group ? (a.resource < b.resource ? -1 : 1) : a.group < b.group ? -1 : 1));
  return [...types, ...crds];
}

/** Finds types by group, version and plural, and by what kubectl and controllers know them by. */
export class ResourceTypes {
  constructor(readonly all: ResourceType[]) {}

  byKey(key: string): ResourceType {
    const type = this.all.find((t) => t.key === key);
    if (!type) throw new Error(`no resource type ${key}`);
    return type;
  }

  find(group: string, version: string, resource: string): ResourceType | undefined {
    return this.all.find((t) => t.group === group && t.resource === resource && t.versions.includes(version));
  }

  /** The type of an apiVersion and kind, as written in a manifest. */
  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return this.all.find((t) => t.group === group && t.kind === kind && t.versions.includes(version));
  }

  /** Groups in discovery order, each with its versions in preference order. */
  groups(): { name: string; versions: string[] }[] {
    const groups: { name: string; versions: string[] }[] = [];
    for (const type of this.all) {
      if (type.group === '') continue;
      let group = groups.find((g) => g.name === type.group);
      if (!group) groups.push((group = { name: type.group, versions: [] }));
      for (const v of type.versions) if (!group.versions.includes(v)) group.versions.push(v);
      group.versions.sort(compareVersions);
    }
    return groups;
  }
}

/** The apiVersion string of a group and version (`v1`, `batch/v1`). */
export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}
