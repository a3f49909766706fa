// A reading view over the YAML document model for code that knows the shape it expects:
// fields by key, typed, with their nodes at hand for ranges. Absent or mistyped fields read
// as undefined, so a rule never trips over a half-written manifest.
import type { MapEntry, MapNode, ScalarNode, SeqNode, YamlNode } from './nodes';

export class YamlMap {
  constructor(readonly node: MapNode) {}

  /** The last entry with the key, as the API server keeps it. */
  entry(key: string): MapEntry | undefined {
    let found: MapEntry | undefined;
    for (const entry of this.node.entries) if (entry.key.value === key) found = entry;
    return found;
  }

  get(key: string): YamlNode | undefined {
    return this.entry(key)?.value ?? undefined;
  }

  map(key: string): YamlMap | undefined {
    const node = this.get(key);
    return node?.kind === 'map' ? new YamlMap(node) : undefined;
  }

  seq(key: string): SeqNode | undefined {
    const node = this.get(key);
    return node?.kind === 'seq' ? node : undefined;
  }

  /** The maps of a sequence of maps (other items skipped). */
  maps(key: string): YamlMap[] {
    // Plain loops here and below: every rule reads containers, env and volumes through these.
    const maps: YamlMap[] = [];
    const seq = this.seq(key);
    if (seq) for (const item of seq.items) if (item?.kind === 'map') maps.push(new YamlMap(item));
    return maps;
  }

  /** The scalars of a sequence (other items skipped). */
  scalars(key: string): ScalarNode[] {
    const scalars: ScalarNode[] = [];
    const seq = this.seq(key);
    if (seq) for (const item of seq.items) if (item?.kind === 'scalar') scalars.push(item);
    return scalars;
  }

  scalar(key: string): ScalarNode | undefined {
    const node = this.get(key);
    return node?.kind === 'scalar' ? node : undefined;
  }

  /** A scalar's value as text (numbers and booleans as written in YAML terms); undefined for null. */
  string(key: string): string | undefined {
    const value = this.scalar(key)?.value;
    return value === null || value === undefined ? undefined : String(value);
  }

  /** An integer value, also when quoted (`"2"`), as Kubernetes reads int-or-string counts. */
  integer(key: string): number | undefined {
    const value = this.scalar(key)?.value;
    const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
  }

  boolean(key: string): boolean | undefined {
    const value = this.scalar(key)?.value;
    return typeof value === 'boolean' ? value : undefined;
  }

  /** Every entry whose value is a map, by key (replica specs by role, worker groups…). */
  mapEntries(): { key: ScalarNode; value: YamlMap }[] {
    const found: { key: ScalarNode; value: YamlMap }[] = [];
    for (const entry of this.node.entries) if (entry.value?.kind === 'map') found.push({ key: entry.key, value: new YamlMap(entry.value) });
    return found;
  }
}

export function asMap(node: YamlNode | null | undefined): YamlMap | undefined {
  return node?.kind === 'map' ? new YamlMap(node) : undefined;
}
