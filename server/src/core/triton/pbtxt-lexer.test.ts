// Tokens of protobuf text format: kinds, offsets, and decoded string and number values.
import * as assert from 'node:assert/strict';
import { lex, type Token } from './pbtxt-lexer';

const kinds = (text: string) => lex(text).tokens.map((t) => [t.kind, t.text]);
const only = (text: string): Token => {
  const { tokens, errors } = lex(text);
  assert.deepEqual(errors, []);
  assert.equal(tokens.length, 2, `one token in ${text}`);
  return tokens[0];
};

describe('pbtxt lexer', () => {
  it('splits identifiers, numbers, strings and punctuation with offsets', () => {
    assert.deepEqual(kinds('name: "x" dims: [-1, 2.5] { } < > ;,'), [
      ['identifier', 'name'],
      ['symbol', ':'],
      ['string', '"x"'],
      ['identifier', 'dims'],
      ['symbol', ':'],
      ['symbol', '['],
      ['symbol', '-'],
      ['integer', '1'],
      ['symbol', ','],
      ['float', '2.5'],
      ['symbol', ']'],
      ['symbol', '{'],
      ['symbol', '}'],
      ['symbol', '<'],
      ['symbol', '>'],
      ['symbol', ';'],
      ['symbol', ','],
      ['eof', ''],
    ]);
    const [name, colon] = lex('  ab_1: x').tokens;
    assert.deepEqual([name.start, name.end, colon.start, colon.end], [2, 6, 6, 7]);
  });

  it('reads decimal, octal and hex integers, exactly beyond 2^53', () => {
    assert.equal(only('42').number, 42);
    assert.equal(only('0').number, 0);
    assert.equal(only('017').number, 15);
    assert.equal(only('0x1F').number, 31);
    assert.equal(only('0XfF').number, 255);
    const big = only('18446744073709551615');
    assert.equal(big.kind, 'integer');
    assert.equal(big.bigint, 18446744073709551615n);
    assert.equal(only('9007199254740993').bigint, 9007199254740993n);
    assert.equal(only('9007199254740991').bigint, undefined);
  });

  it('reads floats: decimals, exponents and the f suffix', () => {
    const floats: [string, number][] = [
      ['1.5', 1.5],
      ['.5', 0.5],
      ['1.', 1],
      ['1e-3', 0.001],
      ['2E+2', 200],
      ['2f', 2],
      ['2.5F', 2.5],
      ['0f', 0],
      ['1e3f', 1000],
    ];
    for (const [text, value] of floats) {
      const token = only(text);
      assert.equal(token.kind, 'float', text);
      assert.equal(token.number, value, text);
    }
  });

  it('keeps inf, infinity and nan as identifiers', () => {
    assert.deepEqual(kinds('inf -Infinity NaN'), [
      ['identifier', 'inf'],
      ['symbol', '-'],
      ['identifier', 'Infinity'],
      ['identifier', 'NaN'],
      ['eof', ''],
    ]);
  });

  it('decodes strings with every escape', () => {
    const cases: [string, string][] = [
      [String.raw`"a\a\b\f\n\r\t\v\?\\\'\"z"`, 'a\x07\b\f\n\r\t\v?\\\'"z'],
      [`'single "q"'`, 'single "q"'],
      [String.raw`"\101\60\0"`, 'A0\0'],
      [String.raw`"\x41\x4a\x7"`, 'AJ\x07'],
      [String.raw`"\u00e9\u4e2d"`, 'é中'],
      [String.raw`"\U0001F600"`, '😀'],
      [String.raw`"\ud83d\ude00"`, '😀'],
      [String.raw`"\303\251"`, 'é'],
      ['"héllo 😀"', 'héllo 😀'],
      ['""', ''],
    ];
    for (const [text, value] of cases) assert.equal(only(text).string, value, text);
  });

  it('collects # comments with their ranges, and not "//"', () => {
    const { comments, tokens, errors } = lex('a: 1 # one\r\n# two\nb: 2');
    assert.deepEqual(comments, [
      { start: 5, end: 10, text: '# one' },
      { start: 12, end: 17, text: '# two' },
    ]);
    assert.deepEqual(
      tokens.map((t) => t.line),
      [0, 0, 0, 2, 2, 2, 2],
    );
    assert.deepEqual(errors, []);
    assert.equal(lex('a: 1 // no').errors[0].code, 'pbtxt/slash-comment');
  });

  it('records columns, indentation and the first token of each line', () => {
    const [a, open, b, colon] = lex('a {\n   b: 1\n}').tokens;
    assert.deepEqual([a.first, open.first, b.first, colon.first], [true, false, true, false]);
    assert.deepEqual([b.column, b.indent, colon.indent], [3, 3, 3]);
  });

  it('reports malformed numbers and strings as single tokens', () => {
    const cases: [string, string, number][] = [
      ['10abc', 'pbtxt/bad-number', 5],
      ['0x', 'pbtxt/bad-number', 2],
      ['08', 'pbtxt/bad-number', 2],
      ['1e', 'pbtxt/bad-number', 2],
      ['1.2.3', 'pbtxt/bad-number', 5],
      ['0x1.5', 'pbtxt/bad-number', 5],
      ['"abc', 'pbtxt/unterminated-string', 4],
      [String.raw`"\q"`, 'pbtxt/bad-escape', 2],
      [String.raw`"\x"`, 'pbtxt/bad-escape', 2],
      [String.raw`"\u12"`, 'pbtxt/bad-escape', 4],
      [String.raw`"\U00110000"`, 'pbtxt/bad-escape', 10],
    ];
    for (const [text, code, width] of cases) {
      const { tokens, errors } = lex(text);
      assert.equal(tokens.length, 2, text);
      assert.deepEqual(
        errors.map((e) => [e.code, e.end - e.start]),
        [[code, width]],
        text,
      );
    }
  });
});
