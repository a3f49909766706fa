// Parses a YAML file into the document model, document by document: the fast parser where it
// can, the `yaml` library (and its syntax checks) where it cannot, and nothing at all for a
// document whose text is the same as in the previous parse of the file. `libraryOnly` (the
// `mlinfra.yaml.libraryParser` setting) sends every document to the library, to check a difference.
import { parseAllDocuments } from 'yaml';
import type { DocumentContent, DocumentFinding, YamlDocument, YamlFile, YamlNode } from '../document';
import { LineIndex } from '../text-lines';
import type { Finding, Range } from '../types';
import { splitDocuments, type DocumentChunk } from './yaml-documents';
import { parseFast } from './yaml-fast';
import { supportedCharacters } from './yaml-fast-cursor';
import { LIBRARY_OPTIONS } from './yaml-scalars';
import { syntaxFindings } from './yaml-syntax';
import { libraryToModel } from './yaml-to-model';

/** A document's text parsed by the `yaml` library: the model of its root and its syntax findings. */
export function parseWithLibrary(text: string, lines: LineIndex): { root: YamlNode | null; findings: DocumentFinding[] } {
  const documents = parseAllDocuments(text, LIBRARY_OPTIONS);
  // A chunk is one document for the library; should it see more, their findings still count.
  const findings = documents.flatMap((document) => syntaxFindings(document, lines));
  return { root: documents.length > 0 ? libraryToModel(documents[0]) : null, findings };
}

/** A document's parse. The line index is built on first use: documents the fast parser read need none. */
class ParsedContent implements DocumentContent {
  private index: LineIndex | undefined;

  constructor(
    readonly text: string,
    readonly root: YamlNode | null,
    readonly findings: DocumentFinding[],
    lines?: LineIndex,
  ) {
    this.index = lines;
  }

  get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.text));
  }
}

/** A document at its place in the file; everything else is its content's. */
class PlacedDocument implements YamlDocument {
  constructor(
    readonly content: DocumentContent,
    readonly startOffset: number,
    readonly startLine: number,
  ) {}

  get text(): string {
    return this.content.text;
  }

  get lines(): LineIndex {
    return this.content.lines;
  }

  get root(): YamlNode | null {
    return this.content.root;
  }

  get findings(): DocumentFinding[] {
    return this.content.findings;
  }
}

/** How a file is parsed. */
export interface ParseOptions {
  /** Every document through the `yaml` library, none through the fast parser: slower, for comparing the two. */
  libraryOnly?: boolean;
}

/** Parses one document's text: the fast parser returns no findings, so only a clean document may take it. */
export function parseDocumentText(text: string, charactersChecked = false, options: ParseOptions = {}): DocumentContent {
  const root = options.libraryOnly ? undefined : parseFast(text, charactersChecked);
  if (root !== undefined) return new ParsedContent(text, root, []);
  const lines = new LineIndex(text);
  const parsed = parseWithLibrary(text, lines);
  return new ParsedContent(text, parsed.root, parsed.findings, lines);
}

function sameText(text: string, chunk: DocumentChunk, previous: YamlDocument): boolean {
  // A slice and === beat startsWith(text, position) by far in V8.
  return chunk.end - chunk.start === previous.text.length && text.slice(chunk.start, chunk.end) === previous.text;
}

/**
 * The content of each chunk that the previous parse already has: matched in order from the
 * start and from the end of the file (an edit changes the documents in between), then by text.
 */
function reusable(text: string, chunks: DocumentChunk[], previous: readonly YamlDocument[]): (DocumentContent | undefined)[] {
  const found = new Array<DocumentContent | undefined>(chunks.length).fill(undefined);
  let front = 0;
  while (front < chunks.length && front < previous.length && sameText(text, chunks[front], previous[front])) {
    found[front] = previous[front].content;
    front++;
  }
  let back = 0;
  while (back < chunks.length - front && back < previous.length - front) {
    const chunk = chunks.length - 1 - back;
    const before = previous[previous.length - 1 - back];
    if (!sameText(text, chunks[chunk], before)) break;
    found[chunk] = before.content;
    back++;
  }
  if (front + back < chunks.length && front + back < previous.length) {
    const byText = new Map<string, DocumentContent>();
    for (let i = front; i < previous.length - back; i++) byText.set(previous[i].text, previous[i].content);
    for (let i = front; i < chunks.length - back; i++) found[i] = byText.get(text.slice(chunks[i].start, chunks[i].end));
  }
  return found;
}

/**
 * Parses a file. With `previous` (the last parse of the same file, with the same options), every
 * document whose text is unchanged keeps its DocumentContent, and is the very same YamlDocument
 * if it did not move; only the other documents are parsed.
 */
export function parseYamlFile(text: string, previous?: YamlFile, options: ParseOptions = {}): YamlFile {
  const chunks = splitDocuments(text);
  const before = previous?.documents ?? [];
  const found = reusable(text, chunks, before);
  // One character test of the whole file beats one per document, unless one document is new.
  let fresh = 0;
  for (const content of found) if (!content) fresh++;
  const checked = fresh > 1 && !options.libraryOnly && supportedCharacters(text);
  const documents = chunks.map(({ start, end, startLine }, i): YamlDocument => {
    const content = found[i];
    if (!content) return new PlacedDocument(parseDocumentText(text.slice(start, end), checked, options), start, startLine);
    const same = before[i];
    if (same && same.content === content && same.startOffset === start && same.startLine === startLine) return same;
    return new PlacedDocument(content, start, startLine);
  });
  return { text, documents };
}

/** A range local to a document, in the file's coordinates: lines shift, columns stay. */
export function fileRange(document: YamlDocument, range: Range): Range {
  const shift = document.startLine;
  if (shift === 0) return range;
  return {
    start: { line: range.start.line + shift, character: range.start.character },
    end: { line: range.end.line + shift, character: range.end.character },
  };
}

/** A finding local to a document (syntax or validation), in the file's coordinates. */
export function fileFinding(document: YamlDocument, finding: DocumentFinding): Finding {
  if (document.startLine === 0 && !finding.messageAt) return finding;
  const plain: DocumentFinding = { ...finding };
  delete plain.messageAt;
  const shifted: Finding = { ...plain, range: fileRange(document, finding.range) };
  if (finding.messageAt) shifted.message = finding.messageAt(document.startLine);
  if (finding.related) shifted.related = finding.related.map((related) => ({ ...related, range: fileRange(document, related.range) }));
  if (finding.fixes)
    shifted.fixes = finding.fixes.map((fix) => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ ...edit, range: fileRange(document, edit.range) })),
    }));
  return shifted;
}

/** The range of a node of a document, in the file's coordinates. */
export function nodeRange(document: YamlDocument, node: YamlNode): Range {
  return fileRange(document, document.lines.range(node.start, node.end));
}

/** Every syntax finding of a file, in the file's coordinates and line order. */
export function fileFindings(file: YamlFile): Finding[] {
  return file.documents.flatMap((document) => document.findings.map((finding) => fileFinding(document, finding)));
}

/** A document with nothing in it, at the top of a file: where completion starts in an empty file. */
export function emptyDocument(): YamlDocument {
  return new PlacedDocument(parseDocumentText(''), 0, 0);
}
