// OpenAPI v3, as much as kubectl reads: the index of group versions (/openapi/v3), and per
// group version the paths with their operations, each marked with its group-version-kind and
// the query parameters it takes. kubectl apply looks for `fieldValidation` on the PATCH
// operation of a kind to decide that the server validates fields (and so skips its own check).
import { createHash } from 'node:crypto';
import { apiVersionOf, type ResourceType, type ResourceTypes } from './resource-types';

function query(name: string, description: string) {
  return { name, in: 'query', description, schema: { type: name === 'force' ? 'boolean' : 'string' }, uniqueItems: true };
}

const DRY_RUN = query('dryRun', 'When present, indicates that modifications should not be persisted.');
const FIELD_MANAGER = query('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes.');
const FIELD_VALIDATION = query(
  'fieldValidation',
  'fieldValidation instructs the server on how to handle objects in the request containing unknown ' +
    'or duplicate fields. Valid values are: Ignore, Warn, Strict.',
);
const FORCE = query('force', 'Force is going to "force" Apply requests.');

function operation(type: ResourceType, version: string, action: string, parameters: unknown[]) {
  return {
    operationId: `${action}${type.kind}`,
    parameters,
    responses: { '200': { description: 'OK' } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': { group: type.group, version, kind: type.kind },
  };
}

function pathsOf(type: ResourceType, version: string): Record<string, unknown> {
  const prefix = type.group ? `/apis/${type.group}/${version}` : `/api/${version}`;
  const collection = type.namespaced ? `${prefix}/namespaces/{namespace}/${type.resource}` : `${prefix}/${type.resource}`;
  const writes = [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION];
  return {
    [collection]: {
      get: operation(type, version, 'list', []),
      post: operation(type, version, 'post', writes),
      delete: operation(type, version, 'deletecollection', [DRY_RUN]),
    },
    [`${collection}/{name}`]: {
      get: operation(type, version, 'get', []),
      put: operation(type, version, 'put', writes),
      patch: operation(type, version, 'patch', [...writes, FORCE]),
      delete: operation(type, version, 'delete', [DRY_RUN]),
    },
  };
}

/** The OpenAPI v3 document of one group version, or undefined when it is not served. */
export function openApiDocument(types: ResourceTypes, group: string, version: string): unknown {
  const served = types.all.filter((t) => t.group === group && t.versions.includes(version));
  if (!served.length) return undefined;
  const paths = Object.assign({}, ...served.map((t) => pathsOf(t, version)));
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.4' }, paths, components: { schemas: {} } };
}

/** The /openapi/v3 index: where each group version's document is. */
export function openApiIndex(types: ResourceTypes): unknown {
  const versions = [
    { group: '', version: 'v1' },
    ...types.groups().flatMap((g) => g.versions.map((version) => ({ group: g.name, version }))),
  ];
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const { group, version } of versions) {
    const path = group ? `apis/${group}/${version}` : `api/${version}`;
    const hash = createHash('sha512')
      .update(JSON.stringify(openApiDocument(types, group, version)))
      .digest('hex')
      .slice(0, 128)
      .toUpperCase();
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
  }
  return { paths };
}

export { apiVersionOf };
