// The YAML document model's nodes: plain values with their source offsets. The language
// server's parsers build them from text; `from-json.ts` builds them (at offset 0) from the
// objects a cluster returns, so the workload model reads both the same way.

export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  /** Offsets into the text of the document (chunk) the node belongs to, end exclusive. */
  start: number;
  end: number;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  /** Resolved as Kubernetes reads YAML (YAML 1.1 scalars: `yes`/`on` are booleans). */
  value: ScalarValue;
  /** True when written in quotes or as a block scalar: never resolved to a non-string. */
  quoted: boolean;
}

export interface MapEntry {
  key: ScalarNode;
  /** Null when the key has no value (`key:` alone reads as null, with no node to point at). */
  value: YamlNode | null;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  entries: MapEntry[];
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: (YamlNode | null)[];
}

export type YamlNode = ScalarNode | MapNode | SeqNode;
