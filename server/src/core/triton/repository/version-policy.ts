// Which versions of a model Triton serves: those of its version folders that its version policy
// selects. Triton reads `specific` first, then `latest`, and serves every folder otherwise (`all`,
// or an empty policy); a config without a policy (or no config at all) serves the newest folder.
import type { ConfigNode } from '../config-view';

/** The policy as Triton applies it, in words for messages. */
export interface ServedVersions {
  /** The versions served, ascending. */
  versions: number[];
  /** How the policy reads: `latest 1 (the default)`, `latest 2`, `all`, `specific 1, 3`. */
  policy: string;
}

/** The versions a model with `config` (undefined when it has none) serves out of its version folders `folders`. */
export function servedVersions(config: ConfigNode | undefined, folders: readonly number[]): ServedVersions {
  const existing = [...new Set(folders)].sort((a, b) => a - b);
  const policy = config?.message1('version_policy');
  const specific = policy?.message1('specific');
  if (specific) {
    const named = specific.scalars('versions').flatMap((scalar) => (scalar.number === undefined ? [] : [scalar.number]));
    return { versions: existing.filter((version) => named.includes(version)), policy: `specific ${named.join(', ')}` };
  }
  if (!policy) return { versions: existing.slice(-1), policy: 'latest 1 (the default)' };
  const latest = policy.message1('latest');
  if (latest) {
    // An unset num_versions is protobuf's 0: such a policy serves nothing.
    const count = latest.number('num_versions') ?? 0;
    return { versions: count > 0 ? existing.slice(-count) : [], policy: `latest ${count}` };
  }
  return { versions: existing, policy: 'all' };
}
