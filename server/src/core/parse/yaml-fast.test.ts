// The fast parser against the `yaml` library: on every document it reads, its model must equal
// the library's, value by value and offset by offset, and the library must find nothing wrong.
import * as assert from 'node:assert/strict';
import { bothModels } from '../../../../test/harness/yaml-model';
import { generateDocument, generateScalar } from '../../../../test/harness/yaml-generator';
import { parseFast } from './yaml-fast';

/** Documents the fast parser must read itself. */
const SUPPORTED: Record<string, string> = {
  'literal block scalar': 'k: |\n  line 1\n  line 2\n',
  'strip chomping and blank lines': 'k: |-\n  a\n\n  b\n\n',
  'keep chomping': 'k: |+\n  a\n\n  b\n\n\nz: 1\n',
  'folded with paragraphs and more-indented lines': 'k: >\n  folded\n  text\n\n  para\n    more indented\n  back\n',
  'folded strip': 'k: >-\n  a\n  b\n',
  'folded keep': 'k: >+\n  a\n\n',
  'indentation indicator': 'k: |2\n    two extra\n  base\n',
  'indicator then chomping': 'k: |1-\n  x\n',
  'chomping then indicator': 'k: |-2\n   x\n',
  'folded indicator and keep': 'k: >2+\n   x\n\n',
  'indicator in a sequence': '- |1\n  x\n',
  'indicator in a compact mapping': '- k: |1\n    x\n',
  'indicator in a nested mapping': 'a:\n  k: |1\n    x\n',
  'block scalars in a sequence': '- |\n  in seq\n- >\n  folded in seq\n',
  'nested block scalar': 'a:\n  b: |\n    nested\n    block\n  c: 1\n',
  'blank line with extra spaces (literal)': 'k: |\n  a\n    \n  b\n',
  'blank line with extra spaces (folded)': 'k: >\n  a\n    \n  b\n',
  'trailing more-indented blank line': 'k: |\n  a\n     \n',
  'block scalar header comment': 'k: | # comment\n  a\n# trailing\n',
  'leading blank line': 'k: |\n\n  leading blank\n',
  'empty block scalar': 'k: |\nz: 1\n',
  'hash inside a block scalar': 'k: |\n  #not a comment\n  x\n',
  'shell script': 'script: |\n  set -e\n  python train.py \\\n    --epochs 3\n',
  'double-quoted escapes': 'k: "a\\tb\\n\\"q\\" \\\\ \\x41 \\u00e9 \\U0001F600 \\/ \\0 \\_ \\N"\n',
  'surrogate pair escapes': 'k: "\\uD83D\\uDE00"\n',
  'double-quoted folding': 'k: "folded\n  over lines"\n',
  'double-quoted paragraph': 'k: "para\n\n  graph"\n',
  'escaped line break': 'k: "escaped \\\n  break"\n',
  'spaces before a folded break': 'k: "trailing   \n  spaces"\n',
  'single-quoted escape': "k: 'it''s'\n",
  'single-quoted folding': "k: 'single\n  folded\n\n  para'\n",
  'quotes keep spaces': 'k: \'  lead and trail  \'\nj: " lead"\n',
  'empty quotes': 'k: ""\nj: \'\'\n',
  'colon and hash inside quotes': 'k: "a: b # not comment"\nj: \'x: y\'\n',
  'comments everywhere': '# c1\na: 1 # c2\n# c3\nb:\n  # c4\n  c: 2 # c5\n  # c6\n# c7\n',
  'nested sequences': '- - a\n  - b\n- - - c\n',
  'compact mappings in a sequence': '- a: 1\n  b: 2\n- c: 3\n',
  'comment after a key': 'key:    # comment\n  nested: map\n',
  'sequences at the parent indentation': 'key:\n- a\n- b\nother:\n- c\n',
  'sequence at the parent indentation, then a sibling': 'a:\n  list:\n  - x\n  - y\n  after: 1\n',
  'empty values': 'a:\nb: ~\nc: null\nd:\n',
  'empty items': '- \n- x\n-\n',
  'quoted keys': '"quoted key": 1\n\'single key\': 2\n',
  'keys with dots, slashes and spaces': 'nvidia.com/gpu: 1\nkey with spaces: 2\na.b.c: 3\n"x/y": 4\n',
  'hash without a space before it': 'k: a#b\nj: a #b\n',
  'trailing spaces': 'k: value   \nj: 1   \n',
  CRLF: 'a: 1\r\nb:\r\n  c: "x\r\n    y"\r\n  d: |\r\n    l1\r\n    l2\r\n',
  'only a comment': '# only a comment\n',
  'no trailing newline': 'a: 1',
  'quoted, no trailing newline': 'k: "no newline"',
  'block scalar, no trailing newline': 'k: |\n  no newline',
  'Unicode and astral characters': 'é: ünïcödé\nemoji: 😀 and 𝔘\n"😀": x\nk: 😀x\n',
  'flow sequence of strings': 'args: ["--a", "b", c]\n',
  'empty flow collections': 'empty: {}\nlist: []\nk: [ ]\nj: { }\n',
  'nested flow collections': 'm: {a: 1, b: "two", c: [x, y]}\nkey: [a, [b, [c]], {d: {e: f}}]\n',
  'spaces in flow collections': 'm: { a: 1 , b: 2 }\n',
  'trailing comma': 'f: [a, b, ]\n',
  'colons inside flow scalars': 'f: [http://x, a:b]\n',
  booleans: 'v: [y, n, Yes, NO, On, OFF, true, False, TRUE, Y, N, on]\n',
  nulls: 'a: ~\nb: Null\nc: NULL\nd: nULL\n',
  integers: 'i: [0, 12, -3, +4, 0x1F, 0o17, 017, 0b101, 1_000, 08, 0_7, -0, 0x_1]\n',
  floats: 'f: [1.5, -2.5e3, .5, 1., 1e3, .inf, -.Inf, +.INF, .nan, 1_0.5, ., -.5]\n',
  'strings that look like numbers': 's: [1:30, 2024-01-01, 2024-01-01T10:00:00Z, 1.2.3, 0x, inf, NaN, 1e400, 0xG]\n',
  'quoted numbers stay strings': 'k: 123\nj: "123"\nl: \'true\'\n',
  'multi-line plain scalar': 'multi: word\n  continued\n  again\n\n  para\n',
  'multi-line plain item': '- first\n  second\n',
  'dash in a continuation line': 'k: a\n  - b\n',
  'indicators in a continuation line': 'k: a\n  `b` [c] {d} "e" \'f\' &g *h !i |j >k %l @m ?n ,o\n',
  'values on the next line': 'key:\n  plain on next line\n  and more\nq:\n  "quoted on next line"\nf:\n  [flow, next]\n',
  'document start marker': '---\na: 1\n',
  'markers with comments': '--- # comment\na: 1\n...\n',
  'only a start marker': '---\n',
  'only an end marker': '...\n',
  'comments before the start marker': '# lead\n---\na: 1\n',
  'comments after the end marker': 'a: 1\n...\n# after\n',
  'dashes starting plain scalars': '-a: 1\n-b: -c\n',
  'indented root': '  indented: root\n  second: 1\n',
  'comment after a quoted value': 'k: "x" # c\n',
  'deeply indented sequences': 'a:\n   - x\n   - y\n',
  'extra spaces after dashes': 'a:\n  -   x\n  -    y: 1\n       z: 2\n',
  'blank lines around': '\n\n\na: 1\n\n\n',
  'blank lines inside': 'k:\n\n  v\nl:\n- a\n\n- b\n',
  'empty item in the middle': 'a:\n  - b\n  -\n  - c\n',
  'less-indented comment after a block scalar': 'k: |\n  a\n # less-indented comment\n',
  'folded paragraphs': 'k: >\n  a\n\n\n  b\n',
  'folded more-indented': 'k: >\n  a\n   b\n  c\n',
  'folded with blank lines around more-indented': 'k: >\n  a\n\n   b\n\n  c\n',
  'quoted key in a compact mapping': '- "k": v\n  j: w\n',
  'deep nesting': 'a:\n  b:\n    c:\n      d: deep\n  e: back\n',
  'comment between items': 'list:\n- a\n  # comment\n- b\n',
  'non-breaking space in a value': 'k: \u00a0nbsp\n',
};

/** Documents the fast parser must leave to the library: outside its subset, or broken. */
const UNSUPPORTED: Record<string, string> = {
  anchor: 'a: &x 1\nb: *x\n',
  tag: 'a: !!str 1\n',
  'merge key': '<<: {a: 1}\n',
  'complex key': '? complex\n: key\n',
  tab: 'a:\n\tb: 1\n',
  'duplicate key': 'a: 1\na: 2\n',
  'keys equal as YAML 1.1 reads them': 'y: 1\ntrue: 2\n',
  directive: '%YAML 1.1\n---\na: 1\n',
  'two documents': 'a: 1\n---\nb: 2\n',
  'flow sequence over two lines': 'k: [a,\n  b]\n',
  'flow mapping over two lines': 'k: {a: 1,\n  b: 2}\n',
  'comment in a flow collection': 'k: [a, # c\n  b]\n',
  'pair in a flow sequence': 'k: [a: 1]\n',
  'key without value in a flow mapping': 'k: {a}\n',
  'JSON-style flow key': 'k: {"a":1}\n',
  'scalar document': 'just text\n',
  'byte order mark': '\ufeffa: 1\n',
  'unterminated string': 'k: "unterminated\n',
  'under-indented quoted line': 'k: "a\nb"\n',
  'under-indented quoted line in a compact mapping': '- k: "x\n  y"\n',
  'bad escape': 'k: "\\q"\n',
  'short hex escape': 'k: "\\x4"\n',
  'misaligned key': 'a:\n  b: 1\n c: 2\n',
  'text after a quoted value': 'k: "x"y\n',
  'comment without a space': 'k: "x"#c\n',
  'less-indented block scalar line': 'a:\n  b: |\n     x\n    y\n',
  'continuation after a comment': 'k: a   # c\n  b\n',
  'sequence as a mapping value on the same line': 'k: - a\n',
  'mapping as a mapping value on the same line': 'a: b: c\n',
  'multi-line quoted key': 'k: "multi\n  line": v\n',
  'bad block scalar header': 'k: |0\n  x\n',
  'long key': `${'k'.repeat(1100)}: 1\n`,
};

function check(name: string, text: string): void {
  const { fast, library, findings } = bothModels(text);
  assert.deepEqual(findings, [], `${name}: the library finds problems in ${JSON.stringify(text)}`);
  assert.notEqual(fast, undefined, `${name}: the fast parser gave up on ${JSON.stringify(text)}`);
  assert.equal(fast, library, `${name}: ${JSON.stringify(text)}`);
}

/** On generated documents the fast parser may give up, but a model it gives must be the library's. */
function checkGenerated(text: string): boolean {
  const { fast, library, findings } = bothModels(text);
  if (fast === undefined) return false;
  assert.deepEqual(findings, [], `the fast parser read a document the library finds broken: ${JSON.stringify(text)}`);
  assert.equal(fast, library, JSON.stringify(text));
  return true;
}

describe('fast YAML parser', () => {
  for (const [name, text] of Object.entries(SUPPORTED)) {
    it(`reads ${name} as the library does`, () => check(name, text));
  }

  it('leaves what it does not support to the library', () => {
    const taken = Object.entries(UNSUPPORTED)
      .filter(([, text]) => parseFast(text) !== undefined)
      .map(([name]) => name);
    assert.deepEqual(taken, []);
  });

  it('agrees with the library on generated documents', () => {
    let fast = 0;
    for (let seed = 0; seed < 1500; seed++) if (checkGenerated(generateDocument(seed))) fast++;
    // Most generated documents are broken or outside the subset; enough must still be read.
    assert.ok(fast > 300, `only ${fast} generated documents took the fast path`);
  });

  it('agrees with the library on generated block and quoted scalars', () => {
    let fast = 0;
    for (let seed = 0; seed < 2000; seed++) if (checkGenerated(generateScalar(seed))) fast++;
    assert.ok(fast > 500, `only ${fast} generated scalars took the fast path`);
  });
});
