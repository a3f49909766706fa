// Discovery, in both forms kubectl 1.32 knows: the aggregated one it asks for first
// (apidiscovery.k8s.io/v2 APIGroupDiscoveryList from /api and /apis, one request each) and the
// legacy APIVersions, APIGroupList and APIResourceList documents.
import { apiVersionOf, type ResourceType, type ResourceTypes } from './resource-types';

const SUBRESOURCE_VERBS: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  scale: ['get', 'patch', 'update'],
  log: ['get'],
  finalize: ['update'],
};

function subresourceKind(type: ResourceType, sub: string): string {
  return sub === 'scale' ? 'Scale' : sub === 'log' ? 'Pod' : type.kind;
}

export function apiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export function apiGroup(types: ResourceTypes, name: string) {
  const group = types.groups().find((g) => g.name === name);
  if (!group) return undefined;
  const versions = group.versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { kind: 'APIGroup', apiVersion: 'v1', name, versions, preferredVersion: versions[0] };
}

export function apiGroupList(types: ResourceTypes) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: types.groups().map((g) => ({ ...apiGroup(types, g.name), kind: undefined, apiVersion: undefined })),
  };
}

/** APIResourceList of one group version, or undefined when the group serves no such version. */
export function resourceList(types: ResourceTypes, group: string, version: string) {
  const served = types.all.filter((t) => t.group === group && t.versions.includes(version));
  if (!served.length) return undefined;
  const resources = served.flatMap((t) => [
    {
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
      ...(t.categories.length ? { categories: t.categories } : {}),
      ...(t.custom ? {} : { storageVersionHash: Buffer.from(`${t.group}/${version}/${t.kind}`).toString('base64').slice(0, 11) }),
    },
    ...t.subresources.map((sub) => ({
      name: `${t.resource}/${sub}`,
      singularName: '',
      namespaced: t.namespaced,
      kind: subresourceKind(t, sub),
      verbs: SUBRESOURCE_VERBS[sub] ?? ['get'],
      ...(sub === 'scale' ? { group: 'autoscaling', version: 'v1' } : {}),
    })),
  ]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf(group, version), resources };
}

function discoveryResource(t: ResourceType, version: string) {
  return {
    resource: t.resource,
    responseKind: { group: t.group, version, kind: t.kind },
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singular,
    verbs: t.verbs,
    ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
    ...(t.categories.length ? { categories: t.categories } : {}),
    ...(t.subresources.length
      ? {
          subresources: t.subresources.map((sub) => ({
            subresource: sub,
            responseKind:
              sub === 'scale'
                ? { group: 'autoscaling', version: 'v1', kind: 'Scale' }
                : { group: t.group, version, kind: subresourceKind(t, sub) },
            verbs: SUBRESOURCE_VERBS[sub] ?? ['get'],
          })),
        }
      : {}),
  };
}

/** The aggregated discovery document of /api (core only) or /apis (every group). */
export function aggregatedDiscovery(types: ResourceTypes, core: boolean) {
  const groups = core ? [{ name: '', versions: ['v1'] }] : types.groups();
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groups.map((g) => ({
      metadata: { name: g.name, creationTimestamp: null },
      versions: g.versions.map((version) => ({
        version,
        resources: types.all.filter((t) => t.group === g.name && t.versions.includes(version)).map((t) => discoveryResource(t, version)),
        freshness: 'Current',
      })),
    })),
  };
}

export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export function versionInfo() {
  return {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.4',
    gitCommit: '59526cd4867447956156ae3a602fcbac5837e1da',
    gitTreeState: 'clean',
    buildDate: '2025-04-22T16:02:27Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
