// Format Document for Triton configs: each canonical-form rule, comments in every position,
// refusal on syntax errors, idempotence and an unchanged parse tree on examples and mutated inputs.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DENSENET_CONFIG } from '../../../../test/harness/pbtxt';
import type { PbValue } from './pbtxt-ast';
import { formatPbtxt } from './pbtxt-format';
import { lex } from './pbtxt-lexer';
import { parsePbtxt } from './pbtxt-parser';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');

function format(text: string): string {
  const result = formatPbtxt(text);
  assert.ok('text' in result, `refused: ${'error' in result ? result.error : ''}`);
  return result.text;
}

/** The tree without offsets, bracket kinds, colons or separators: what the file means. */
function dump(value: PbValue | null): unknown {
  if (!value) return null;
  if (value.kind === 'scalar')
    return [value.token, value.string ?? String(value.number ?? value.text), value.bigint?.toString(), value.negative];
  if (value.kind === 'list') return { list: value.items.map(dump) };
  return value.fields.map((field) => [field.name, dump(field.value)]);
}

/** Formats, then checks the result is stable, error-free and means the same as the input. */
function checkFormat(text: string): string {
  const formatted = format(text);
  const before = parsePbtxt(text);
  const after = parsePbtxt(formatted);
  assert.deepEqual(after.findings, []);
  assert.deepEqual(dump(after.root), dump(before.root));
  assert.deepEqual(
    after.comments.map((c) => c.text),
    before.comments.map((c) => c.text),
  );
  assert.equal(format(formatted), formatted, 'not idempotent');
  return formatted;
}

const expectFormat = (input: string, expected: string) => assert.equal(checkFormat(input), expected);

function exampleConfigs(): string[] {
  const repository = join(ROOT, 'examples', 'model_repository');
  return readdirSync(repository, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(repository, e.name, 'config.pbtxt'));
}

/** A seeded generator, so that a failing mutation can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
}

const GAPS = [' ', '  ', '\n', '\n    ', '\n\n', ' # trailing\n', '\n# own line\n', '\r\n', '\t'];

/** Rewrites a valid file token by token: random spacing and comments, `<>`, `name: {`, `;`. */
function mutate(text: string, seed: number): string {
  const next = random(seed);
  const tokens = lex(text).tokens.filter((t) => t.kind !== 'eof');
  const angle: boolean[] = [];
  let out = '';
  tokens.forEach((token, i) => {
    let word = token.text;
    if (word === '{') angle.push(next() < 0.3);
    if ((word === '{' || word === '}') && (word === '{' ? angle[angle.length - 1] : angle.pop())) word = word === '{' ? '<' : '>';
    const after = tokens[i + 1];
    if (word === '{' || word === '<') if (tokens[i - 1]?.kind === 'identifier' && next() < 0.3) out += ': ';
    out += word;
    if (!after) return;
    const fieldNext = after.kind === 'identifier' && ['{', ':'].includes(tokens[i + 2]?.text ?? '');
    if (fieldNext && ![':', '{', '[', ','].includes(token.text) && next() < 0.3) out += ';';
    out += GAPS[Math.floor(next() * GAPS.length)];
  });
  return out;
}

describe('pbtxt formatter: canonical form', () => {
  it('indents by two spaces, one field a line, one space after the colon', () => {
    expectFormat('a:1 b :  "x" c { d:   2 e { f: 3 } }', 'a: 1\nb: "x"\nc {\n  d: 2\n  e {\n    f: 3\n  }\n}\n');
  });

  it('writes messages with braces: `<>` and `name: {` normalised, empty ones on one line', () => {
    expectFormat('a < x: 1 >\nb: { y: 2 }\nc: < >\nd {\n\n}\n', 'a {\n  x: 1\n}\nb {\n  y: 2\n}\nc {}\nd {}\n');
  });

  it('keeps repetition and list syntax as the user chose', () => {
    expectFormat('dims: 1\ndims: 2\nshape: [3,224 ,224]\ne: [ ]\n', 'dims: 1\ndims: 2\nshape: [ 3, 224, 224 ]\ne: []\n');
  });

  it('writes a list of messages one block per item', () => {
    expectFormat('input: [{name: "x"}, <name: "y">, {}]', 'input [\n  {\n    name: "x"\n  },\n  {\n    name: "y"\n  },\n  {}\n]\n');
  });

  it('writes a list mixing scalars and messages one item a line', () => {
    expectFormat('a: [1, {b: 2}, {}]\n', 'a: [\n  1,\n  {\n    b: 2\n  },\n  {}\n]\n');
  });

  it('copies scalars as written; joins a string concatenation spanning lines', () => {
    expectFormat("a: 0x10 b: 1.50e3 c: 'q' d: \"x\"  'y' e: -inf f: - 2\n", "a: 0x10\nb: 1.50e3\nc: 'q'\nd: \"x\"  'y'\ne: -inf\nf: - 2\n");
    expectFormat('a: "x"\n   "y"\nb: -\n 3\n', 'a: "x" "y"\nb: -3\n');
  });

  it('drops separators after fields', () => {
    expectFormat('a: 1; b: 2, c { d: 3; };\n', 'a: 1\nb: 2\nc {\n  d: 3\n}\n');
  });

  it('keeps at most one blank line, none at the start or before a closing brace', () => {
    expectFormat('\n\n\na: 1\n\n\n\nb {\n\n  c: 2\n\n\n  d: 3\n\n}\n\n\n', 'a: 1\n\nb {\n  c: 2\n\n  d: 3\n}\n');
    expectFormat('l [\n\n  {},\n\n  {}\n\n]\n', 'l [\n  {},\n\n  {}\n]\n');
  });

  it('writes LF line endings and exactly one final newline, an empty file stays empty', () => {
    expectFormat('a: 1\r\nb {\r\n  c: 2\r\n}\r\n\r\n', 'a: 1\nb {\n  c: 2\n}\n');
    expectFormat('a: 1\rb: 2', 'a: 1\nb: 2\n');
    expectFormat('', '');
    expectFormat('  \n\n', '');
  });
});

describe('pbtxt formatter: comments', () => {
  it('keeps the file head comments and their blank line', () => {
    expectFormat('\n# head\n# more\n\nname: "x"\n', '# head\n# more\n\nname: "x"\n');
    expectFormat('# only a comment', '# only a comment\n');
  });

  it('keeps own-line comments before their field, at its indentation', () => {
    expectFormat('a {\n      # about b\n b: 1\n# about c\n        c: 2\n}\n', 'a {\n  # about b\n  b: 1\n  # about c\n  c: 2\n}\n');
  });

  it('keeps trailing comments at the end of their line after one space', () => {
    expectFormat('name: "x"    # c\na {   # open\n b: 1 } # close\n', 'name: "x" # c\na { # open\n  b: 1\n} # close\n');
    expectFormat('a:   # odd\n  1\n', 'a: 1 # odd\n');
  });

  it('keeps comments at the end of a body before the closing brace', () => {
    expectFormat('a {\n  b: 1\n  # end of a\n}\n# end of file\n', 'a {\n  b: 1\n  # end of a\n}\n# end of file\n');
    expectFormat('a {\n# only\n}\n', 'a {\n  # only\n}\n');
  });

  it('keeps comments inside lists, writing a commented list one item a line', () => {
    expectFormat('dims: [ 3, # channels\n 224, 224 ]\n', 'dims: [\n  3, # channels\n  224,\n  224\n]\n');
    expectFormat('d: [ # why\n 1 ]', 'd: [ # why\n  1\n]\n');
    expectFormat('d: [\n  1\n  # last\n]\n', 'd: [\n  1\n  # last\n]\n');
    expectFormat(
      'input [\n  # first\n  { name: "x" }, # x\n  # second\n  { name: "y" } # y\n]\n',
      'input [\n  # first\n  {\n    name: "x"\n  }, # x\n  # second\n  {\n    name: "y"\n  } # y\n]\n',
    );
  });

  it('moves a second comment that would share a line onto its own line', () => {
    expectFormat('a: "x" # one\n  "y" # two\nb: 1\n', 'a: "x" "y" # one\n# two\nb: 1\n');
  });
});

describe('pbtxt formatter: safety', () => {
  it("refuses a file with syntax errors, naming the first one's line", () => {
    const result = formatPbtxt('name: "x"\ninput [\n  { name: "y" \n]\nmax_batch_size 8 8\n');
    assert.ok('error' in result);
    assert.match(result.error, /^Formatting needs a file without syntax errors: line 3: /);
    const slash = formatPbtxt('a: 1\n// not a comment\n');
    assert.ok('error' in slash);
    assert.match(slash.error, /line 2: .*comment/);
  });

  it('formats the realistic DenseNet config with the same tree', () => {
    const formatted = checkFormat(DENSENET_CONFIG);
    assert.match(formatted, /\n {4}reshape {\n {6}shape: \[ 1, 3, 224, 224 \]\n {4}}\n/);
    assert.match(formatted, /\n {2}{\n {4}count: 1\n {4}kind: KIND_CPU\n {2}}\n\]\n/);
    assert.match(formatted, /\n {4}default_timeout_microseconds: 0x2710\n/);
  });

  it('is idempotent and tree-preserving on every example config', () => {
    const files = exampleConfigs();
    assert.ok(files.length >= 7);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.deepEqual(parsePbtxt(text).findings, [], file);
      checkFormat(text);
    }
  });

  it('is idempotent and tree-preserving on mutated inputs', () => {
    const bases = [
      ...exampleConfigs().map((file) => readFileSync(file, 'utf8')),
      DENSENET_CONFIG,
      'a: "x" \'y\' b: -1 c: - 2.5 d: [ -3, "p" "q" ] e { f: [ { g: 1 }, {} ] } h: [ 1, { i: 2 } ]\n',
    ];
    let checked = 0;
    const seen = new Set<string>();
    bases.forEach((base, b) => {
      for (let seed = 1; seed <= 25; seed++) {
        const mutated = mutate(base, b * 1000 + seed);
        for (const form of ['<', ': {', ': <', ';', '# own line', '# trailing', '\r\n', '\n\n']) if (mutated.includes(form)) seen.add(form);
        assert.deepEqual(parsePbtxt(mutated).findings, [], `seed ${b * 1000 + seed}:\n${mutated}`);
        assert.deepEqual(dump(parsePbtxt(mutated).root), dump(parsePbtxt(base).root));
        checkFormat(mutated);
        checked++;
      }
    });
    assert.equal(checked, bases.length * 25);
    assert.equal(seen.size, 8, `mutations never wrote some forms: ${[...seen].join(' ')}`);
  });
});
