// Cuts large YAML documents (CRDs) into the mappings nested in them, each dedented into a
// document of its own, so that a differential test gives the library every distinct piece once
// instead of parsing megabytes in which the same schemas repeat from CRD to CRD.

const SEQUENCE_ENTRY = /^ *-( |$)/;
const BLANK = /^\s*(#|$)/;

/** A document's lines with their indentation, cut by index ranges (copying lines would be quadratic). */
class Lines {
  readonly indent: number[];
  readonly blank: boolean[];
  /** Characters before each line, to size a range at once. */
  private readonly before: number[] = [0];
  readonly pieces: [number, number][] = [];

  constructor(readonly text: string[]) {
    this.indent = text.map((line) => /^ */.exec(line)![0].length);
    this.blank = text.map((line) => BLANK.test(line));
    for (const line of text) this.before.push(this.before[this.before.length - 1] + line.length + 1);
  }

  size(from: number, to: number): number {
    return this.before[to] - this.before[from];
  }

  /** The smallest indentation of the non-blank lines in a range and the first of them (-1: none). */
  content(from: number, to: number): { indent: number; first: number } {
    let indent = Infinity;
    let first = -1;
    for (let i = from; i < to; i++) {
      if (this.blank[i]) continue;
      indent = Math.min(indent, this.indent[i]);
      if (first === -1) first = i;
    }
    return { indent, first };
  }

  isSequenceEntry(i: number, indent: number): boolean {
    return !this.blank[i] && this.indent[i] === indent && SEQUENCE_ENTRY.test(this.text[i]);
  }

  /** A mapping's lines cut into its entries; entries larger than `limit` are cut into their children. */
  cut(from: number, to: number, limit: number): void {
    const { indent, first } = this.content(from, to);
    if (first === -1) return;
    const starts: number[] = [];
    for (let i = from; i < to; i++) if (!this.blank[i] && this.indent[i] === indent && !this.isSequenceEntry(i, indent)) starts.push(i);
    if (starts[0] !== first) {
      this.pieces.push([from, to]); // not a mapping: whole
      return;
    }
    starts.forEach((start, k) => {
      const end = starts[k + 1] ?? to;
      const children = this.content(start + 1, end);
      if (this.size(start, end) <= limit || children.first === -1 || !/:\s*$/.test(this.text[start])) {
        this.pieces.push([start, end]);
      } else if (!this.isSequenceEntry(children.first, children.indent)) {
        this.cut(start + 1, end, limit);
      } else {
        this.cutItems(start + 1, end, children.indent, limit);
      }
    });
  }

  /** A sequence: each item, its dash turned into a space, is a mapping at the same columns. */
  private cutItems(from: number, to: number, indent: number, limit: number): void {
    const starts: number[] = [];
    for (let i = from; i < to; i++) {
      if (!this.isSequenceEntry(i, indent)) continue;
      this.text[i] = `${this.text[i].slice(0, indent)} ${this.text[i].slice(indent + 1)}`;
      this.indent[i] = /^ */.exec(this.text[i])![0].length;
      this.blank[i] = BLANK.test(this.text[i]);
      starts.push(i);
    }
    starts.forEach((start, k) => {
      const end = starts[k + 1] ?? to;
      if (this.size(start, end) <= limit) this.pieces.push([start, end]);
      else this.cut(start, end, limit);
    });
  }

  dedented([from, to]: [number, number]): string | undefined {
    const { indent, first } = this.content(from, to);
    if (first === -1) return undefined;
    return `${this.text
      .slice(from, to)
      .map((line, i) => line.slice(Math.min(indent, this.indent[from + i])))
      .join('\n')}\n`;
  }
}

/** The mappings of a document (its `---` line dropped), at most about `limit` characters each, dedented. */
export function nestedMappings(document: string, limit: number): string[] {
  const text = document.replace(/\n$/, '').split('\n');
  if (text[0]?.startsWith('---')) text.shift();
  const lines = new Lines(text);
  lines.cut(0, text.length, limit);
  return lines.pieces.flatMap((piece) => lines.dedented(piece) ?? []);
}
