// Converts a document parsed by the `yaml` library into the document model, with the offsets the
// fast parser gives. Aliases become the anchored node and merge keys (`<<`) expand, as
// Kubernetes' YAML reader does; keys that are not scalars are skipped.
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair, type Scalar } from 'yaml';
import type { MapEntry, ScalarNode, ScalarValue, YamlNode } from '../document';

/** Nodes that aliases may add beyond the document's own, so that an alias bomb stays small. */
const ALIAS_BUDGET = 100_000;

type LibraryNode = Node | Pair | null | undefined;

function isEmptyScalar(node: LibraryNode): boolean {
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

/**
 * Where a node's text ends, excluding trailing comments and line breaks (which the library's
 * collection ranges include): a block collection ends with its last entry, an empty value
 * where it stands.
 */
function endOf(node: LibraryNode): number {
  if (!node) return 0;
  if (isPair(node)) {
    if (node.value) return isEmptyScalar(node.value as Node) ? (node.value as Node).range![0] : endOf(node.value as Node);
    return endOf(node.key as Node);
  }
  const range = node.range!;
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) return endOf(node.items[node.items.length - 1] as Node | Pair);
  return range[1];
}

function scalarValue(node: Scalar): ScalarValue {
  const value = node.value;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // go-yaml decodes `!!binary` to its bytes; other explicit tags (`!!timestamp`...) keep their text.
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- what is left (a Date, a bigint) prints through its own toString
  return node.source ?? String(value);
}

class Converter {
  private readonly converted = new Map<Node, YamlNode | null>();
  private readonly inProgress = new Set<Node>();
  private targetsFound: Map<Alias, Node | undefined> | undefined;
  private budget = ALIAS_BUDGET;
  private readonly sizes = new Map<YamlNode, number>();

  constructor(private readonly document: Document.Parsed) {}

  /** The node each alias refers to, found on the first alias: most documents have none. */
  private get targets(): Map<Alias, Node | undefined> {
    if (!this.targetsFound) {
      const targets = new Map<Alias, Node | undefined>();
      // An alias refers to the last node with its anchor before it, in document order.
      const anchored = new Map<string, Node>();
      visit(this.document, {
        Node: (_key, node) => {
          if (isAlias(node)) targets.set(node, anchored.get(node.source));
          else if (node.anchor) anchored.set(node.anchor, node);
        },
      });
      this.targetsFound = targets;
    }
    return this.targetsFound;
  }

  node(node: LibraryNode): YamlNode | null {
    if (!node || isPair(node) || isEmptyScalar(node)) return null;
    if (isAlias(node)) return this.alias(node);
    const done = this.converted.get(node);
    if (done !== undefined) return done;
    if (this.inProgress.has(node)) return null; // an alias inside the node it refers to
    this.inProgress.add(node);
    const result = this.convert(node);
    this.inProgress.delete(node);
    if (node.anchor) this.converted.set(node, result);
    return result;
  }

  private alias(alias: Alias): YamlNode | null {
    const target = this.targets.get(alias);
    if (!target) return null;
    const result = this.node(target);
    this.budget -= this.size(result);
    return this.budget < 0 ? null : result;
  }

  /** Nodes in a converted tree, counted once per appearance (what a walk over it visits). */
  private size(node: YamlNode | null): number {
    if (node === null || node.kind === 'scalar') return 1;
    let total = this.sizes.get(node);
    if (total === undefined) {
      total = 1;
      if (node.kind === 'seq') for (const item of node.items) total += this.size(item);
      else for (const entry of node.entries) total += 1 + this.size(entry.value);
      this.sizes.set(node, total);
    }
    return total;
  }

  private convert(node: Node): YamlNode | null {
    const [start] = node.range!;
    if (isScalar(node)) return this.scalar(node);
    if (isMap(node)) return { kind: 'map', start, end: endOf(node), entries: this.entries(node.items) };
    if (isSeq(node)) {
      const items = node.items.map((item) => (isPair(item) ? this.pairAsMap(item) : this.node(item as Node)));
      return { kind: 'seq', start, end: endOf(node), items };
    }
    return null;
  }

  private scalar(node: Scalar): ScalarNode {
    const [start, end] = node.range!;
    return { kind: 'scalar', start, end, value: scalarValue(node), quoted: node.type !== undefined && node.type !== 'PLAIN' };
  }

  /** A pair standing in a sequence (`!!omap`, `!!pairs`): a mapping of one entry. */
  private pairAsMap(pair: Pair): YamlNode | null {
    if (!isScalar(pair.key)) return null;
    return { kind: 'map', start: pair.key.range![0], end: endOf(pair), entries: this.entries([pair]) };
  }

  /** A mapping's entries: merged ones at the place of their `<<`, unless the mapping sets the key itself. */
  private entries(pairs: readonly Pair[]): MapEntry[] {
    const seen = new Set<string>();
    for (const pair of pairs) if (isScalar(pair.key) && !isMergeKey(pair.key)) seen.add(String(pair.key.value));
    const entries: MapEntry[] = [];
    for (const pair of pairs) {
      if (isMergeKey(pair.key)) {
        const value = isAlias(pair.value) ? this.targets.get(pair.value) : (pair.value as Node | null);
        // Several maps to merge: the earlier ones win.
        const sources = isSeq(value) ? value.items : [value];
        for (const source of sources) {
          const merged = this.node(source as Node);
          if (merged?.kind !== 'map') continue;
          for (const entry of merged.entries) {
            const name = String(entry.key.value);
            if (seen.has(name)) continue;
            seen.add(name);
            entries.push(entry);
          }
        }
      } else if (isScalar(pair.key)) {
        entries.push({ key: this.scalar(pair.key), value: this.node(pair.value as Node | null) });
      }
    }
    return entries;
  }
}

/** The model of a document the library parsed (with `LIBRARY_OPTIONS`): its root, or null when empty. */
export function libraryToModel(document: Document.Parsed): YamlNode | null {
  return new Converter(document).node(document.contents);
}
