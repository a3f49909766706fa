// The Triton config grammar, tokenized by vscode-textmate with the Oniguruma engine VS Code uses.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const root = join(__dirname, '..', '..', '..');

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const path = join(root, 'syntaxes', 'pbtxt.tmLanguage.json');
      return scopeName === 'source.pbtxt' ? parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
  });
  const grammar = await registry.loadGrammar('source.pbtxt');
  if (!grammar) throw new Error('grammar did not load');
  return grammar;
}

/** The non-blank tokens of a line with their most specific scope, neighbours of one scope merged. */
function tokens(grammar: IGrammar, line: string): Array<[string, string]> {
  const merged: Array<[string, string]> = [];
  for (const token of grammar.tokenizeLine(line, INITIAL).tokens) {
    const text = line.slice(token.startIndex, token.endIndex);
    const scope = token.scopes[token.scopes.length - 1];
    const last = merged[merged.length - 1];
    if (last && last[1] === scope && text.trim() !== '') last[0] += text;
    else merged.push([text, scope]);
  }
  return merged.map(([text, scope]): [string, string] => [text.trim(), scope]).filter(([text]) => text !== '');
}

describe('Triton config grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('scopes field names, enum values and numbers', () => {
    assert.deepEqual(tokens(grammar, 'data_type: TYPE_FP32 dims: [ 3, -1 ]'), [
      ['data_type', 'support.type.property-name.pbtxt'],
      [':', 'punctuation.separator.key-value.pbtxt'],
      ['TYPE_FP32', 'constant.other.enum.pbtxt'],
      ['dims', 'support.type.property-name.pbtxt'],
      [':', 'punctuation.separator.key-value.pbtxt'],
      ['[', 'punctuation.section.list.begin.pbtxt'],
      ['3', 'constant.numeric.pbtxt'],
      [',', 'punctuation.separator.pbtxt'],
      ['-1', 'constant.numeric.pbtxt'],
      [']', 'punctuation.section.list.end.pbtxt'],
    ]);
  });

  it('scopes messages, strings with escapes, comments and booleans', () => {
    assert.deepEqual(tokens(grammar, 'input { name: "in\\"put" } # the input'), [
      ['input', 'support.type.property-name.pbtxt'],
      ['{', 'punctuation.section.block.begin.pbtxt'],
      ['name', 'support.type.property-name.pbtxt'],
      [':', 'punctuation.separator.key-value.pbtxt'],
      ['"in', 'string.quoted.double.pbtxt'],
      ['\\"', 'constant.character.escape.pbtxt'],
      ['put"', 'string.quoted.double.pbtxt'],
      ['}', 'punctuation.section.block.end.pbtxt'],
      ['#', 'punctuation.definition.comment.pbtxt'],
      ['the input', 'comment.line.number-sign.pbtxt'],
    ]);
    assert.deepEqual(tokens(grammar, "decoupled: true key: 'a'"), [
      ['decoupled', 'support.type.property-name.pbtxt'],
      [':', 'punctuation.separator.key-value.pbtxt'],
      ['true', 'constant.language.boolean.pbtxt'],
      ['key', 'support.type.property-name.pbtxt'],
      [':', 'punctuation.separator.key-value.pbtxt'],
      ["'a'", 'string.quoted.single.pbtxt'],
    ]);
  });

  it('scopes the number forms the text format allows', () => {
    for (const number of ['0x1F', '1.5', '1e-3', '2f', '.5', '-7', '017']) {
      assert.match(tokens(grammar, `v: ${number}`)[2][1], /^constant\.numeric/, number);
    }
    assert.equal(tokens(grammar, 'v: -inf')[2][1], 'constant.numeric.special.pbtxt');
    assert.equal(tokens(grammar, 'v: nan')[2][1], 'constant.numeric.special.pbtxt');
  });

  it('scopes angle-bracket messages and fields written before a colon-brace', () => {
    assert.deepEqual(
      tokens(grammar, 'parameters: < key: "x" >').map(([, scope]) => scope),
      [
        'support.type.property-name.pbtxt',
        'punctuation.separator.key-value.pbtxt',
        'punctuation.section.block.begin.pbtxt',
        'support.type.property-name.pbtxt',
        'punctuation.separator.key-value.pbtxt',
        'string.quoted.double.pbtxt',
        'punctuation.section.block.end.pbtxt',
      ],
    );
  });
});
