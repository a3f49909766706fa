// Scalar resolution as Kubernetes reads YAML (go-yaml v2), in the fast parser and in the library
// configured with LIBRARY_OPTIONS alike; and where that differs from the library's stock YAML 1.1.
import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { LIBRARY_OPTIONS, resolvePlain } from './yaml-scalars';

/** Plain scalars and what Kubernetes reads them as. */
const EXPECTED: [string, unknown][] = [
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((word): [string, unknown] => [word, true]),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((word): [string, unknown] => [word, false]),
  ...['~', 'null', 'Null', 'NULL'].map((word): [string, unknown] => [word, null]),
  ['yES', 'yES'],
  ['nULL', 'nULL'],
  ['TRue', 'TRue'],
  ['0', 0],
  ['12', 12],
  ['-3', -3],
  ['+4', 4],
  ['-0', 0],
  ['1_000', 1000],
  ['0x1F', 31],
  ['0X1f', 31],
  ['-0x1F', -31],
  ['0o17', 15],
  ['0O17', 15],
  ['017', 15],
  ['08', 8],
  ['0b101', 5],
  ['-0b101', -5],
  // Beyond 2^53 the nearest double: what JSON.parse and Go's float64 give too.
  ['9223372036854775807', 2 ** 63],
  ['18446744073709551615', 2 ** 64],
  ['99999999999999999999', 1e20],
  ['0xFFFFFFFFFFFFFFFFF', '0xFFFFFFFFFFFFFFFFF'],
  ['1.5', 1.5],
  ['-2.5e3', -2500],
  ['1e3', 1000],
  ['1E+3', 1000],
  ['.5', 0.5],
  ['.5e1', 5],
  ['1.', 1],
  ['1_0.5', 10.5],
  ['-.5', -0.5],
  ['.inf', Infinity],
  ['.Inf', Infinity],
  ['+.INF', Infinity],
  ['-.inf', -Infinity],
  ['.nan', NaN],
  ['.NaN', NaN],
  ['.', '.'],
  ['._5', '._5'],
  ['1e400', '1e400'],
  ['1e', '1e'],
  ['inf', 'inf'],
  ['NaN', 'NaN'],
  ['0x', '0x'],
  ['1.2.3', '1.2.3'],
  ['1:30', '1:30'],
  ['2024-01-01', '2024-01-01'],
  ['2024-01-01T10:00:00Z', '2024-01-01T10:00:00Z'],
  ['--epochs', '--epochs'],
  ['<<', '<<'],
  ['nvcr.io/nvidia/pytorch:24.05-py3', 'nvcr.io/nvidia/pytorch:24.05-py3'],
  ['500m', '500m'],
  ['128Gi', '128Gi'],
];

function libraryValue(source: string): unknown {
  const document = parseDocument(`v: ${source}\n`, LIBRARY_OPTIONS);
  return (document.toJS() as { v: unknown }).v;
}

describe('YAML scalar resolution', () => {
  it('reads plain scalars as Kubernetes does', () => {
    const actual = EXPECTED.map(([source]) => [source, resolvePlain(source)]);
    assert.deepEqual(actual, EXPECTED);
  });

  it('configures the library to resolve them the same way', () => {
    const actual = EXPECTED.map(([source]) => [source, libraryValue(source)]);
    assert.deepEqual(actual, EXPECTED);
  });

  it('reads an empty value as null', () => {
    assert.equal(resolvePlain(''), null);
  });

  it('differs from the stock yaml-1.1 schema only where Kubernetes does', () => {
    const stock = (source: string) => (parseDocument(`v: ${source}\n`, { schema: 'yaml-1.1' }).toJS() as { v: unknown }).v;
    const differences = EXPECTED.filter(([source, value]) => !Object.is(stock(source), value)).map(([source]) => source);
    // Sexagesimals and timestamps stay text, `0o` is octal, and Go's number syntax decides the rest.
    assert.deepEqual(differences, [
      '-0',
      '0X1f',
      '0o17',
      '0O17',
      '0xFFFFFFFFFFFFFFFFF',
      '.',
      '._5',
      '1e400',
      '1:30',
      '2024-01-01',
      '2024-01-01T10:00:00Z',
    ]);
  });
});
