// Parses a YAML file into its documents and reports its syntax problems: every document of
// a multi-document file, duplicate keys (pointing at the first one), unknown aliases, bad
// indentation, tabs. One cause gives one finding.
import { parseAllDocuments, visit, isScalar, isMap, type Document, type Pair, type Node as YamlNode } from 'yaml';
import { LineIndex } from '../text-lines';
import type { Finding } from '../types';
import { describeYamlError, type SyntaxFinding } from './yaml-syntax-messages';

export interface ParsedYaml {
  lines: LineIndex;
  documents: Document.Parsed[];
  findings: Finding[];
}

function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return key ? String(key) : undefined;
}

/** Duplicate keys in every mapping of a document. The merge key `<<` may repeat. */
function duplicateKeys(document: Document.Parsed, lines: LineIndex): Finding[] {
  const findings: Finding[] = [];
  visit(document, {
    Map(_key, map) {
      if (!isMap(map)) return;
      const firstSeen = new Map<string, [number, number]>();
      for (const pair of map.items) {
        const name = keyName(pair);
        const range = (pair.key as YamlNode | null)?.range;
        if (name === undefined || !range || name === '<<') continue;
        const first = firstSeen.get(name);
        if (!first) {
          firstSeen.set(name, [range[0], range[1]]);
          continue;
        }
        const firstLine = lines.positionAt(first[0]).line + 1;
        findings.push({
          range: lines.range(range[0], range[1]),
          severity: 'error',
          code: 'yaml/duplicate-key',
          message: `Duplicate key "${name}": it is already set on line ${firstLine}. Kubernetes and most YAML tools reject the file or keep only one value; remove or rename one of them.`,
          related: [{ range: lines.range(first[0], first[1]), message: `First "${name}" is here.` }],
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
function onePerLine(findings: Finding[]): Finding[] {
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

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineIndex(text);
  const documents = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, strict: true });
  const findings: Finding[] = [];
  for (const document of documents) {
    const syntax = [
      ...document.errors.map((error) => describeYamlError(error, lines, document, 'error')),
      ...document.warnings.map((warning) => describeYamlError(warning, lines, document, 'warning')),
    ];
    findings.push(...withoutCascades(syntax).map(toFinding));
    findings.push(...duplicateKeys(document, lines), ...unknownAliases(document, lines));
  }
  return { lines, documents: [...documents], findings: onePerLine(findings) };
}
