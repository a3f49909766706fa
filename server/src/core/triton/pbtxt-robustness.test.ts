// The parser never throws and always ends, whatever the text: random mutations of a realistic
// config, deep nesting and a large generated file; every range stays inside the text.
import * as assert from 'node:assert/strict';
import { DENSENET_CONFIG } from '../../../../test/harness/pbtxt';
import { LineIndex } from '../text-lines';
import type { PbMessage, PbValue } from './pbtxt-ast';
import { parsePbtxt } from './pbtxt-parser';
import { random } from '../../../../test/harness/random';

const INSERTS = [
  '{',
  '}',
  '<',
  '>',
  '[',
  ']',
  ':',
  ',',
  ';',
  '"',
  "'",
  '\\',
  '#',
  '//',
  '-',
  '.',
  '0x',
  'e',
  'abc',
  '@',
  '=',
  '\n',
  '\r\n',
  ' ',
  '1',
  'é',
  '😀',
];

function mutate(text: string, next: () => number): string {
  let out = text;
  const count = 1 + Math.floor(next() * 4);
  for (let i = 0; i < count; i++) {
    const at = Math.floor(next() * (out.length + 1));
    if (next() < 0.5 && out.length > 0) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 3));
    else out = out.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + out.slice(at);
  }
  return out;
}

function checkTree(node: PbValue, length: number, where: string): void {
  assert.ok(node.start >= 0 && node.start <= node.end && node.end <= length, `${where}: node ${node.start}-${node.end}`);
  if (node.kind === 'list') node.items.forEach((item) => checkTree(item, length, where));
  if (node.kind === 'message') {
    for (const field of node.fields) {
      assert.ok(field.start >= 0 && field.start <= field.end && field.end <= length, `${where}: field ${field.name}`);
      if (field.value) checkTree(field.value, length, where);
    }
  }
}

function checkDocument(text: string, where: string): void {
  const document = parsePbtxt(text);
  const lines = new LineIndex(text);
  for (const finding of document.findings) {
    const { start, end } = finding.range;
    for (const position of [start, end]) {
      assert.ok(position.line >= 0 && position.line < lines.lineCount, `${where}: line of ${finding.message}`);
      assert.ok(
        position.character >= 0 && position.character <= lines.lineText(position.line).length,
        `${where}: column of ${finding.message}`,
      );
    }
    assert.ok(lines.offsetAt(start) <= lines.offsetAt(end), `${where}: reversed range for ${finding.message}`);
  }
  checkTree(document.root, text.length, where);
}

/** A config of about `lines` lines: many inputs with dims, parameters and comments. */
function generatedConfig(lines: number): string {
  const parts = ['name: "big"', 'max_batch_size: 64'];
  for (let i = 0; parts.length < lines; i++) {
    parts.push(
      'input {',
      `  name: "in_${i}" # input ${i}`,
      '  data_type: TYPE_FP32',
      `  dims: [ -1, ${i}, 0x10, 1.5e3 ]`,
      '  reshape { shape: [ 1, 2 ] }',
      '}',
    );
    parts.push(`parameters { key: "k${i}" value: { string_value: "v\\t${i}" } }`);
  }
  return `${parts.join('\n')}\n`;
}

describe('pbtxt parser: robustness', () => {
  it('survives 2,000 random mutations of a realistic config', () => {
    const next = random(20240611);
    for (let i = 0; i < 2000; i++) {
      const text = mutate(DENSENET_CONFIG, next);
      checkDocument(text, `mutation ${i}: ${JSON.stringify(text)}`);
    }
  });

  it('survives pathological input', () => {
    for (const text of [
      '{'.repeat(5000),
      '}'.repeat(1000),
      '['.repeat(5000),
      'a '.repeat(2000),
      'a: -'.repeat(1000),
      '"\\'.repeat(500),
      '<'.repeat(3000) + '>'.repeat(3000),
      '\0\u0001\uffff\ud800',
    ]) {
      checkDocument(text, JSON.stringify(text.slice(0, 20)));
    }
    const deep = 'a { '.repeat(300) + '}'.repeat(300);
    const findings = parsePbtxt(deep).findings;
    assert.deepEqual(
      findings.map((f) => f.code),
      ['pbtxt/too-deep'],
    );
  });

  it('parses a 5,000-line generated config without findings', () => {
    const text = generatedConfig(5000);
    const document = parsePbtxt(text);
    assert.deepEqual(document.findings, []);
    assert.ok(document.root.fields.length > 1000);
    assert.equal((document.root.fields[2].value as PbMessage).fields.length, 4);
  });
});
