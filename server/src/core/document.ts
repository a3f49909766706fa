// The document model every YAML analysis reads: plain values with their source ranges.
// Two parsers build it (a fast one for the common shape of manifests, the `yaml` library for
// everything else), so validation, completion and the rules never see either parser's types.
import type { LineIndex } from './text-lines';
import type { Finding } from './types';

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

/** One document of a multi-document file, analysed on its own. */
export interface YamlDocument {
  /** The document's text: from the start of its first line to the end of its last one. */
  text: string;
  /** Where the document starts in the file. Columns are the same in both (documents start at line starts). */
  startOffset: number;
  startLine: number;
  /** Index over `text`: node offsets convert through it, then shift by `startLine`. */
  lines: LineIndex;
  /** Null for an empty document (only comments, or nothing). */
  root: YamlNode | null;
  /** Syntax problems, with ranges local to the document (line 0 is its first line). */
  findings: Finding[];
}

export interface YamlFile {
  text: string;
  documents: YamlDocument[];
}

/** The plain value of a node, as JSON would hold it. */
export function toValue(node: YamlNode | null): unknown {
  if (node === null) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toValue);
    case 'map': {
      const object: Record<string, unknown> = {};
      for (const entry of node.entries) {
        // defineProperty, so that a key named `__proto__` is data and not a prototype change.
        Object.defineProperty(object, String(entry.key.value), {
          value: toValue(entry.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return object;
    }
  }
}
