// Seeded generators of YAML documents for differential tests: mostly manifest-shaped, with
// indentation slips, odd scalars, block and quoted scalars folded every way, and line ends that
// vary, so the fast parser meets what a person typing produces and not only clean files.
import { random } from './random';

const WORDS = [
  'a',
  'b c',
  'name',
  'x-y',
  'nvidia.com/gpu',
  'true',
  'yes',
  'No',
  '~',
  'null',
  '12',
  '0x1F',
  '0o17',
  '1.5',
  '.5',
  '-1',
  '1:30',
  'é😀',
  'a#b',
  'http://x',
  '-a',
  'a: b',
  'a:b',
  '"q"',
  "it's",
  '[x]',
  '{y}',
  '*z',
  '&w',
  '!t',
  '|',
  '>',
  '%',
  '@',
  '`',
  '',
  ' ',
  'a ',
  ' a',
  '#',
  '?x',
  'a\\b',
  '<<',
  '...',
  '---',
  ':x',
  '2024-01-01',
  '.inf',
  '1e3',
  '.',
];
const KEYS = ['name', 'image', 'a', 'b', 'spec', 'nvidia.com/gpu', 'key with space', 'y', 'on', '1', 'x-y', '-k', 'a#b'];
const ESCAPES = ['\\n', '\\t', '\\\\', '\\"', '\\x41', '\\u00e9', '\\U0001F600', '\\ ', '\\/', '\\q', '\\x4', '\\_', '\\0'];

class Generator {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = random(seed);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(choices: readonly T[]): T {
    return choices[Math.floor(this.next() * choices.length)];
  }

  spaces(count: number): string {
    return ' '.repeat(Math.max(0, count));
  }

  comment(): string {
    return this.chance(0.15) ? ` # ${this.pick(WORDS)}` : '';
  }

  blankLines(): string {
    return this.chance(0.15) ? this.pick(['\n', '\n\n', ' \n', '   \n', '    \n', '# c\n', '  # c\n']) : '';
  }

  plain(indent: number): string {
    let text = this.pick(WORDS);
    if (this.chance(0.2)) text += `\n${this.spaces(indent + this.pick([-1, 0, 1, 2, 3]))}${this.pick(WORDS)}`;
    if (this.chance(0.1)) text += `\n\n${this.spaces(indent + this.pick([0, 1, 2]))}${this.pick(WORDS)}`;
    return text;
  }

  quoted(indent: number, multiLine: boolean): string {
    const quote = this.pick(['"', "'"]);
    let text = '';
    for (let i = 1 + Math.floor(this.next() * 3); i > 0; i--) {
      text += this.pick(WORDS).replace(new RegExp(quote, 'g'), quote === "'" ? "''" : '\\"');
      if (quote === '"' && this.chance(0.3)) text += this.pick(ESCAPES);
      if (multiLine && this.chance(0.25)) {
        text += `${this.pick(['', ' ', '  ', '\\'])}\n${this.pick(['', '\n', ' \n'])}${this.spaces(indent + this.pick([-1, 0, 1, 2, 3]))}${this.pick(['', ' '])}`;
      }
    }
    return quote + text + quote;
  }

  blockScalar(indent: number): string {
    let text = `${this.pick(['|', '>'])}${this.pick(['', '', '-', '+', '1', '2', '-1', '2+', '+1'])}${this.pick(['', '', ' # c', ' '])}\n`;
    const base = indent + this.pick([1, 2, 2, 2, 3]);
    for (let i = Math.floor(this.next() * 5); i > 0; i--) {
      const line = [
        '',
        this.spaces(base),
        `${this.spaces(base + 2)}more`,
        `${this.spaces(base)}${this.pick(WORDS)}`,
        this.spaces(base + this.pick([-1, 1, 2])),
        `${this.spaces(base)}# x`,
        `${this.spaces(base - 1)}less`,
      ];
      text += `${this.pick(line)}\n`;
    }
    return text.slice(0, -1);
  }

  flow(depth: number): string {
    const scalar = () => (this.chance(0.3) ? this.quoted(0, false) : this.pick(WORDS.filter((word) => !/[,[\]{}]/.test(word))));
    if (this.chance(0.5)) {
      const items = Array.from({ length: Math.floor(this.next() * 4) }, () =>
        depth < 2 && this.chance(0.2) ? this.flow(depth + 1) : scalar(),
      );
      return `[${this.spaces(this.pick([0, 1]))}${items.join(this.pick([',', ', ', ' , ']))}${this.pick(['', ', ', ' '])}]`;
    }
    const entries = Array.from({ length: Math.floor(this.next() * 3) }, () => {
      const value = depth < 2 && this.chance(0.2) ? this.flow(depth + 1) : this.pick(['1', 'x', '"y"', '']);
      return `${this.pick(['a', 'b', '"k"', 'c d'])}${this.pick([': ', ':', ' : '])}${value}`;
    });
    return `{${this.spaces(this.pick([0, 1]))}${entries.join(', ')}${this.spaces(this.pick([0, 1]))}}`;
  }

  value(indent: number, depth: number): string {
    const kind = this.next();
    if (depth < 4 && kind < 0.3)
      return `\n${this.chance(0.5) ? this.map(indent + this.pick([2, 2, 1, 4]), depth + 1) : this.seq(indent + this.pick([0, 2, 2]), depth + 1)}`;
    if (kind < 0.5) return ` ${this.plain(indent)}${this.comment()}`;
    if (kind < 0.65) return ` ${this.quoted(indent, true)}${this.comment()}`;
    if (kind < 0.75) return ` ${this.blockScalar(indent)}`;
    if (kind < 0.85) return ` ${this.flow(0)}${this.comment()}`;
    return this.comment();
  }

  map(indent: number, depth: number): string {
    const lines: string[] = [];
    for (let i = 1 + Math.floor(this.next() * 4); i > 0; i--) {
      const key = this.chance(0.15) ? this.quoted(0, false) : this.pick(KEYS);
      const slip = this.chance(0.05) ? this.pick([-1, 1]) : 0;
      lines.push(`${this.blankLines()}${this.spaces(indent + slip)}${key}${this.pick([':', ':', ' :'])}${this.value(indent, depth)}`);
    }
    return lines.join('\n');
  }

  seq(indent: number, depth: number): string {
    const lines: string[] = [];
    for (let i = 1 + Math.floor(this.next() * 3); i > 0; i--) {
      const kind = this.next();
      let item: string;
      if (depth < 4 && kind < 0.3) item = ` ${this.map(indent + 2, depth + 1).slice(indent + 2)}`;
      else if (depth < 4 && kind < 0.4) item = ` ${this.seq(indent + 2, depth + 1).slice(indent + 2)}`;
      else item = this.value(indent, depth);
      lines.push(`${this.blankLines()}${this.spaces(indent)}-${item}`);
    }
    return lines.join('\n');
  }
}

/** A whole document: a mapping or a sequence at the root, sometimes with a `---` and CRLF line ends. */
export function generateDocument(seed: number): string {
  const g = new Generator(seed);
  let text = `${g.chance(0.2) ? '# head\n' : ''}${g.chance(0.2) ? '---\n' : ''}${g.chance(0.8) ? g.map(0, 0) : g.seq(0, 0)}${g.chance(0.8) ? '\n' : ''}`;
  if (g.chance(0.1)) text = text.replace(/\n/g, '\r\n');
  return text;
}

/** One block or quoted scalar in every kind of place, followed by a line that may or may not end it. */
export function generateScalar(seed: number): string {
  const g = new Generator(seed);
  let text = g.pick(['k: ', 'a:\n  k: ', '- ', '- k: ', 'a:\n  - ', 'a:\n- k: ', '- - ']);
  if (g.chance(0.5)) {
    text += `${g.pick(['|', '>'])}${g.pick(['', '-', '+', '1', '2', '3', '1-', '2+', '-2', '+1'])}${g.pick(['', ' ', ' # c'])}\n`;
    for (let i = Math.floor(g.next() * 6); i > 0; i--)
      text += `${g.spaces(Math.floor(g.next() * 7))}${g.pick(['', '', 'x', 'y z', '#h', ' '])}\n`;
  } else {
    const quote = g.pick(['"', "'"]);
    text += quote;
    for (let i = Math.floor(g.next() * 4); i > 0; i--) {
      text += `${g.pick(['a', 'b ', ' c', '', '\\', '\\ ', "''", '\\t'])}${g.pick(['', '\n', '\n\n', ' \n  \n'])}${g.spaces(Math.floor(g.next() * 6))}`;
    }
    text += `${g.pick(['end', ''])}${quote}\n`;
  }
  text += g.pick(['', 'z: 1\n', '  z: 1\n', '# c\n', '   # c\n', '- z\n', '  - z\n', '    z: 1\n', '\n']);
  if (g.chance(0.1)) text = text.replace(/\n/g, '\r\n');
  if (g.chance(0.1)) text = text.replace(/\n$/, '');
  return text;
}
