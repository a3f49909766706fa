// Where the server serves a kind: an object's apiVersion and kind resolved to its resource (the
// plural of the API paths), its scope and the versions served, for any kind the server knows,
// user CRDs included. Read from the discovery documents of one context (`/api`, `/apis`, then
// `/api/v1` or `/apis/<group>/<version>` for the groups asked about) and kept; a kind not found
// reads discovery again once (a CRD may have been installed since), then fails naming the kind.
import { ClusterError } from './errors';

export interface RestMapping {
  group: string;
  /** The version of the apiVersion asked about. */
  version: string;
  kind: string;
  /** The plural of the API paths: `pytorchjobs`. */
  resource: string;
  namespaced: boolean;
  /** The group's preferred version if it serves the kind, else the first version that does. */
  preferredVersion: string;
  /** The group's versions that serve the kind, the preferred one first. */
  servedVersions: string[];
}

/** A GET of a discovery path, answering its JSON or throwing a ClusterError. */
export type DiscoveryGet = (path: string) => Promise<unknown>;

interface GroupInfo {
  /** Versions in the server's order of preference. */
  versions: string[];
}

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

interface ApiVersions {
  versions?: string[];
}

interface ApiGroupList {
  groups?: Array<{ name: string; versions?: Array<{ version: string }>; preferredVersion?: { version: string } }>;
}

interface ApiResourceList {
  resources?: ApiResource[];
}

/** The group and version of an apiVersion: `batch/v1` → batch, v1; `v1` → the core group. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** `/api/v1/namespaces/ns/pods/name/log`, `/apis/ray.io/v1/rayclusters`: the path of a mapped kind. */
export interface PathOptions {
  /** Another served version than the one asked about. */
  version?: string;
  namespace?: string;
  name?: string;
  /** `log`, `status`, `scale`: with a name only. */
  subresource?: string;
}

export function mappedPath(mapping: RestMapping, options: PathOptions = {}): string {
  const version = options.version ?? mapping.version;
  const base = mapping.group ? `/apis/${mapping.group}/${version}` : `/api/${version}`;
  const scope = mapping.namespaced && options.namespace ? `/namespaces/${encodeURIComponent(options.namespace)}` : '';
  const name = options.name ? `/${encodeURIComponent(options.name)}${options.subresource ? `/${options.subresource}` : ''}` : '';
  return `${base}${scope}/${mapping.resource}${name}`;
}

/** What one reading of discovery found: the groups at once, each group version's resources when first asked. */
class DiscoverySnapshot {
  readonly groups: Promise<Map<string, GroupInfo>>;
  private readonly lists = new Map<string, Promise<ApiResource[]>>();

  constructor(private readonly get: DiscoveryGet) {
    this.groups = this.readGroups();
  }

  private async readGroups(): Promise<Map<string, GroupInfo>> {
    const [core, named] = await Promise.all([this.get('/api') as Promise<ApiVersions>, this.get('/apis') as Promise<ApiGroupList>]);
    const groups = new Map<string, GroupInfo>([['', { versions: core?.versions ?? [] }]]);
    for (const group of named?.groups ?? []) {
      const versions = (group.versions ?? []).map((v) => v.version);
      const preferred = group.preferredVersion?.version;
      // The preferred version first, then the rest in the server's order.
      const ordered = preferred && versions.includes(preferred) ? [preferred, ...versions.filter((v) => v !== preferred)] : versions;
      groups.set(group.name, { versions: ordered });
    }
    return groups;
  }

  /** The resources of a group version; none when the server no longer serves it (404). */
  resources(group: string, version: string): Promise<ApiResource[]> {
    const key = `${group}/${version}`;
    let list = this.lists.get(key);
    if (!list) {
      list = (this.get(group ? `/apis/${group}/${version}` : `/api/${version}`) as Promise<ApiResourceList>).then(
        (answer) => answer?.resources ?? [],
        (error: unknown) => {
          if (error instanceof ClusterError && error.code === 404) return [];
          // Not kept: the next question asks again (an aggregated API may be back).
          this.lists.delete(key);
          throw error;
        },
      );
      this.lists.set(key, list);
    }
    return list;
  }
}

const isKind = (kind: string) => (r: ApiResource) => r.kind === kind && !r.name.includes('/');

export class RestMapper {
  private snapshot: DiscoverySnapshot | undefined;
  /** How many times discovery was read from the start (a refresh on a miss counts). */
  discoveries = 0;

  constructor(private readonly get: DiscoveryGet) {}

  private current(): DiscoverySnapshot {
    if (!this.snapshot) {
      const snapshot = new DiscoverySnapshot(this.get);
      this.snapshot = snapshot;
      this.discoveries++;
      // A failed reading is not kept: the next question reads again.
      snapshot.groups.catch(() => {
        if (this.snapshot === snapshot) this.snapshot = undefined;
      });
    }
    return this.snapshot;
  }

  /** Forgets what discovery said; the next question reads it again. */
  refresh(): void {
    this.snapshot = undefined;
  }

  /** The mapping of an apiVersion and kind; a ClusterError when the server does not serve it. */
  async map(apiVersion: string, kind: string): Promise<RestMapping> {
    const { group, version } = parseApiVersion(apiVersion);
    const cached = this.snapshot;
    const first = this.current();
    const found = await this.find(first, group, version, kind);
    if (found) return found;
    // Read just now: reading again would say the same.
    if (cached !== first) throw notServed(apiVersion, kind);
    // Not among what was read: maybe installed since (a CRD). Read discovery again, once; callers that
    // missed together share that reading.
    if (this.snapshot === first) this.refresh();
    const again = await this.find(this.current(), group, version, kind);
    if (again) return again;
    throw notServed(apiVersion, kind);
  }

  /** The API groups the server serves (`` for the core group); throws when discovery cannot be read. */
  async groups(): Promise<string[]> {
    return [...(await this.current().groups).keys()];
  }

  /** The versions of a group serving a resource (by plural), the preferred first; none when not served. */
  async versionsServing(group: string, resource: string): Promise<string[]> {
    const snapshot = this.current();
    const info = (await snapshot.groups).get(group);
    if (!info) return [];
    const lists = await Promise.all(info.versions.map((v) => snapshot.resources(group, v)));
    return info.versions.filter((_, i) => lists[i].some((r) => r.name === resource));
  }

  private async find(snapshot: DiscoverySnapshot, group: string, version: string, kind: string): Promise<RestMapping | undefined> {
    const info = (await snapshot.groups).get(group);
    if (!info?.versions.includes(version)) return undefined;
    const lists = await Promise.all(info.versions.map((v) => snapshot.resources(group, v)));
    const resource = lists[info.versions.indexOf(version)].find(isKind(kind));
    if (!resource) return undefined;
    const servedVersions = info.versions.filter((_, i) => lists[i].some(isKind(kind)));
    const { name, namespaced } = resource;
    return { group, version, kind, resource: name, namespaced, preferredVersion: servedVersions[0], servedVersions };
  }
}

function notServed(apiVersion: string, kind: string): ClusterError {
  const hint = `Install the operator or CRD that defines ${kind}, or check the apiVersion (kubectl api-resources lists them all).`;
  return new ClusterError(`the server does not serve kind ${kind} in apiVersion ${apiVersion}`, 'notFound', undefined, hint);
}
