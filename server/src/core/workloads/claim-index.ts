// The DRA objects a pod's claims lead to, where the workspace has them: ResourceClaimTemplates,
// ResourceClaims and DeviceClasses (resource.k8s.io, any version) of the same file, or of a YAML
// file of the same folder (the file's own come first). Built on first use: a check whose pods
// claim nothing never lists the folder.
import type { YamlNode } from '../document';
import type { CoreHost } from '../host';
import { neighbourFiles } from './folder-manifests';
import { asMap, type ClaimIndex, type DraKind, type FoundObject } from './index';

const KINDS: readonly string[] = ['ResourceClaimTemplate', 'ResourceClaim', 'DeviceClass'] satisfies DraKind[];

function add(objects: Map<string, FoundObject>, roots: readonly (YamlNode | null)[], source: string): void {
  for (const root of roots) {
    const map = asMap(root);
    const kind = map?.string('kind');
    const name = map?.map('metadata')?.string('name');
    if (!map || !kind || !name || !KINDS.includes(kind) || !map.string('apiVersion')?.startsWith('resource.k8s.io/')) continue;
    const key = `${kind}/${name}`;
    if (!objects.has(key)) objects.set(key, { root: map, source });
  }
}

/** The index of the file's documents and its folder's files, for the file at `uri`. */
export function claimIndex(documents: readonly (YamlNode | null)[], uri: string, host: CoreHost): ClaimIndex {
  let objects: Map<string, FoundObject> | undefined;
  let complete = false;
  const load = () => {
    if (objects) return objects;
    objects = new Map();
    add(objects, documents, 'this file');
    const files = neighbourFiles(uri, host, /ResourceClaim|DeviceClass/);
    complete = files !== undefined;
    for (const file of files ?? []) add(objects, file.roots, file.name);
    return objects;
  };
  return {
    get complete() {
      load();
      return complete;
    },
    find: (kind, name) => load().get(`${kind}/${name}`),
    names: (kind) => [...load().keys()].filter((key) => key.startsWith(`${kind}/`)).map((key) => key.slice(kind.length + 1)),
  };
}
