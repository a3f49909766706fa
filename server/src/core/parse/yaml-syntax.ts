// The syntax problems of one YAML document parsed by the `yaml` library: its errors and warnings
// reworded, duplicate keys (pointing at the first one), unknown aliases. One cause gives one finding.
import { visit, isScalar, isMap, type Document, type Pair, type Node as YamlNode } from 'yaml';
import type { DocumentFinding } from '../document';
import type { LineIndex } from '../text-lines';
import type { Finding } from '../types';
import { describeYamlError, type SyntaxFinding } from './yaml-syntax-messages';

function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) {
    // Under YAML 1.1 a plain `<<` is the merge key, which the library reads as a symbol.
    return typeof key.value === 'symbol' ? key.value.description : String(key.value);
  }
  if (!key) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a collection key prints as YAML through the library's toString
    return String(key);
  } catch {
    // Stringifying applies merge keys, which throw on a bad merge source.
    return undefined;
  }
}

/** How a key is written: YAML 1.1 reads `y` and `yes` as the same key, true. */
function written(pair: Pair, name: string): string {
  // An empty key (`: value`) has no spelling: it reads as null.
  return isScalar(pair.key) && typeof pair.key.source === 'string' && pair.key.source !== '' ? pair.key.source : name;
}

/** Duplicate keys in every mapping of a document. The merge key `<<` may repeat. */
function duplicateKeys(document: Document.Parsed, lines: LineIndex): DocumentFinding[] {
  const findings: DocumentFinding[] = [];
  visit(document, {
    Map(_key, map) {
      if (!isMap(map)) return;
      const firstSeen = new Map<string, { range: [number, number]; spelled: string }>();
      for (const pair of map.items) {
        const name = keyName(pair);
        const range = (pair.key as YamlNode | null)?.range;
        if (name === undefined || !range || name === '<<') continue;
        const first = firstSeen.get(name);
        const spelled = written(pair, name);
        if (!first) {
          firstSeen.set(name, { range: [range[0], range[1]], spelled });
          continue;
        }
        const firstLine = lines.positionAt(first.range[0]).line + 1;
        const same = first.spelled === spelled ? '' : ` (as "${first.spelled}": both read as ${name})`;
        const message = (line: number) =>
          `Duplicate key "${spelled}": it is already set on line ${line}${same}. Kubernetes and most YAML tools ` +
          `reject the file or keep only one value; remove or rename one of them.`;
        findings.push({
          range: lines.range(range[0], range[1]),
          severity: 'error',
          code: 'yaml/duplicate-key',
          message: message(firstLine),
          messageAt: (startLine) => message(startLine + firstLine),
          related: [{ range: lines.range(first.range[0], first.range[1]), message: `First "${first.spelled}" is here.` }],
        });
      }
    },
  });
  return findings;
}

/** Aliases (`*name`) whose anchor (`&name`) is not defined before them in the same document. */
function unknownAliases(document: Document.Parsed, lines: LineIndex): Finding[] {
  const anchors = new Set<string>();
  const findings: Finding[] = [];
  visit(document, {
    Node(_key, node) {
      if ('anchor' in node && typeof node.anchor === 'string') anchors.add(node.anchor);
    },
    Alias(_key, alias) {
      if (anchors.has(alias.source) || !alias.range) return;
      findings.push({
        range: lines.range(alias.range[0], alias.range[1]),
        severity: 'error',
        code: 'yaml/unknown-alias',
        message: `Unknown alias "*${alias.source}": no anchor "&${alias.source}" is defined before it in this document.`,
      });
    },
  });
  return findings;
}

/** Drops the errors that follow from another one: same origin as a recognised cause, or a tab inside their span. */
function withoutCascades(findings: SyntaxFinding[]): SyntaxFinding[] {
  const specificOrigins = new Set(findings.filter((f) => f.specific).map((f) => f.span[0]));
  const tabs = findings.filter((f) => f.code === 'yaml/tab-as-indent').map((f) => f.span[0]);
  return findings.filter((f) => {
    if (f.specific) return true;
    if (specificOrigins.has(f.span[0])) return false;
    return !tabs.some((tab) => tab >= f.span[0] && tab <= f.span[1]);
  });
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2, hint: 3 } as const;

/** At most one finding per line, the most severe and leftmost. */
function onePerLine(findings: DocumentFinding[]): DocumentFinding[] {
  const sorted = [...findings].sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.range.start.character - b.range.start.character,
  );
  const seenLines = new Set<number>();
  return sorted.filter((finding) => {
    if (seenLines.has(finding.range.start.line)) return false;
    seenLines.add(finding.range.start.line);
    return true;
  });
}

function toFinding({ span: _span, specific: _specific, ...finding }: SyntaxFinding): Finding {
  return finding;
}

/**
 * The findings of one document, parsed with `LIBRARY_OPTIONS`; `lines` indexes the text it was
 * parsed from. At most one finding per line.
 */
export function syntaxFindings(document: Document.Parsed, lines: LineIndex): DocumentFinding[] {
  const syntax = [
    ...document.errors.map((error) => describeYamlError(error, lines, document, 'error')),
    ...document.warnings.map((warning) => describeYamlError(warning, lines, document, 'warning')),
  ];
  return onePerLine([...withoutCascades(syntax).map(toFinding), ...duplicateKeys(document, lines), ...unknownAliases(document, lines)]);
}
