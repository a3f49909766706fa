// The document model every YAML analysis reads: plain values with their source ranges.
// Two parsers build it (a fast one for the common shape of manifests, the `yaml` library for
// everything else), so validation, completion and the rules never see either parser's types.
import type { LineIndex } from './text-lines';
import type { Finding } from './types';

export type { MapEntry, MapNode, ScalarNode, ScalarValue, SeqNode, YamlNode } from '../../../common/model/nodes';
import type { YamlNode } from '../../../common/model/nodes';

/** A finding in a document's coordinates (line 0 is the document's first line). */
export interface DocumentFinding extends Finding {
  /** For a message that names a line of the document: the message once the document starts at `startLine`. */
  messageAt?(startLine: number): string;
}

/**
 * What parsing a document's text gives, whatever its place in the file. Parsing a file again
 * after an edit gives back the same object for every document whose text did not change, so
 * per-document results (schema validation...) can be cached on it: a WeakMap keyed by it.
 * Shared, never to be changed.
 */
export interface DocumentContent {
  /** The document's text: from the start of its first line to the end of its last one. */
  readonly text: string;
  /** Index over `text`: node offsets convert through it, then shift by `startLine`. */
  readonly lines: LineIndex;
  /** Null for an empty document (only comments, or nothing). */
  readonly root: YamlNode | null;
  /** Syntax problems, with ranges local to the document (line 0 is its first line). */
  readonly findings: DocumentFinding[];
}

/**
 * One document of a multi-document file, analysed on its own. Immutable: a document that
 * moved in an edited file is a new object around the same `content`.
 */
export interface YamlDocument extends DocumentContent {
  /** Where the document starts in the file. Columns are the same in both (documents start at line starts). */
  readonly startOffset: number;
  readonly startLine: number;
  /** The position-independent part, the key for caches (see DocumentContent). */
  readonly content: DocumentContent;
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
        const key = String(entry.key.value);
        const value = toValue(entry.value);
        // defineProperty, so that a key named `__proto__` is data and not a prototype change.
        if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
        else object[key] = value;
      }
      return object;
    }
  }
}
