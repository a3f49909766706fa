// The syntax tree of valid text format: every field form, lists, maps, values, comments and
// exact node ranges, down to a realistic Triton config parsed without findings.
import * as assert from 'node:assert/strict';
import { checkPbtxtSyntax, DENSENET_CONFIG } from '../../../../test/harness/pbtxt';
import type { PbField, PbMessage, PbScalar, PbValue } from './pbtxt-ast';
import { parsePbtxt } from './pbtxt-parser';

/** The value of the field at a path of names (the first field of each name). */
function at(message: PbMessage, ...path: string[]): PbValue | null {
  let value: PbValue | null = message;
  for (const name of path) {
    assert.ok(value?.kind === 'message', `${name}: not in a message`);
    const field: PbField | undefined = value.fields.find((f) => f.name === name);
    assert.ok(field, `no field ${name}`);
    value = field.value;
  }
  return value;
}

const scalar = (value: PbValue | null): PbScalar => {
  assert.equal(value?.kind, 'scalar');
  return value;
};
const names = (message: PbValue | null) => (message as PbMessage).fields.map((f) => f.name);
const slice = (text: string, node: { start: number; end: number }) => text.slice(node.start, node.end);

describe('pbtxt parser: valid files', () => {
  it('parses a realistic ONNX model config with no findings and the right tree', () => {
    const { root, comments } = checkPbtxtSyntax(DENSENET_CONFIG);
    assert.deepEqual(names(root), [
      'name',
      'platform',
      'max_batch_size',
      'input',
      'output',
      'instance_group',
      'dynamic_batching',
      'parameters',
      'parameters',
      'version_policy',
    ]);
    assert.equal(scalar(at(root, 'name')).string, 'densenet_onnx');
    assert.equal(scalar(at(root, 'max_batch_size')).number, 8);
    const inputs = at(root, 'input');
    assert.ok(inputs?.kind === 'list');
    assert.equal(inputs.items.length, 1);
    const input = inputs.items[0] as PbMessage;
    assert.deepEqual(names(input), ['name', 'data_type', 'format', 'dims', 'reshape']);
    assert.equal(scalar(at(input, 'data_type')).text, 'TYPE_FP32');
    const dims = at(input, 'dims');
    assert.ok(dims?.kind === 'list');
    assert.deepEqual(
      dims.items.map((d) => (d as PbScalar).number),
      [3, 224, 224],
    );
    const groups = at(root, 'instance_group');
    assert.ok(groups?.kind === 'list');
    assert.deepEqual(
      groups.items.map((g) => names(g)),
      [
        ['count', 'kind', 'gpus'],
        ['count', 'kind'],
      ],
    );
    assert.equal(scalar(at(root, 'dynamic_batching', 'default_queue_policy', 'default_timeout_microseconds')).number, 10000);
    assert.equal(scalar(at(root, 'version_policy', 'latest', 'num_versions')).number, 2);
    assert.equal(comments.length, 1);
  });

  it('parses every field form', () => {
    const { root, text } = checkPbtxtSyntax(
      'a: 1\nb: { x: 1 }\nc { x: 2 }\nd < x: 3 >\ne: < >\nf: [1, 2]\ng [ {x: 1}, {x: 2} ]\nh: [{}, <>]\ni: []\n',
    );
    assert.deepEqual(
      root.fields.map((f) => [f.name, f.value?.kind, f.colon !== undefined]),
      [
        ['a', 'scalar', true],
        ['b', 'message', true],
        ['c', 'message', false],
        ['d', 'message', false],
        ['e', 'message', true],
        ['f', 'list', true],
        ['g', 'list', false],
        ['h', 'list', true],
        ['i', 'list', true],
      ],
    );
    const d = at(root, 'd') as PbMessage;
    assert.deepEqual([d.open, d.closed, slice(text, d)], ['<', true, '< x: 3 >']);
    assert.equal((at(root, 'i') as { items: unknown[] }).items.length, 0);
  });

  it('reads separators, and fields on one line', () => {
    const { root, text } = checkPbtxtSyntax('a: 1; b: "x", c { d: 2; }, e: f\n');
    assert.deepEqual(
      root.fields.map((f) => [f.name, slice(text, f), f.separator === undefined ? null : text[f.separator]]),
      [
        ['a', 'a: 1;', ';'],
        ['b', 'b: "x",', ','],
        ['c', 'c { d: 2; },', ','],
        ['e', 'e: f', null],
      ],
    );
  });

  it('reads each kind of scalar with its value', () => {
    const { root } = checkPbtxtSyntax(
      'i: -42\nh: 0x10\no: 010\nf: -1.5e2\ng: 2f\nu: 18446744073709551615\nn: -9223372036854775808\ninf: -inf\nnan: NaN\nid: KIND_GPU\nb: true\ns: "a" \'b\'\n  "c"\n',
    );
    const values = Object.fromEntries(root.fields.map((f) => [f.name, scalar(f.value)]));
    assert.deepEqual([values.i.token, values.i.number, values.i.negative, values.i.text], ['integer', -42, true, '-42']);
    assert.equal(values.h.number, 16);
    assert.equal(values.o.number, 8);
    assert.deepEqual([values.f.token, values.f.number], ['float', -150]);
    assert.deepEqual([values.g.token, values.g.number], ['float', 2]);
    assert.equal(values.u.bigint, 18446744073709551615n);
    assert.equal(values.n.bigint, -9223372036854775808n);
    assert.deepEqual([values.inf.token, values.inf.number, values.inf.text], ['identifier', -Infinity, '-inf']);
    assert.ok(Number.isNaN(values.nan.number));
    assert.deepEqual([values.id.token, values.id.text, values.id.number], ['identifier', 'KIND_GPU', undefined]);
    assert.equal(values.b.text, 'true');
    assert.deepEqual([values.s.token, values.s.string, values.s.text], ['string', 'abc', `"a" 'b'\n  "c"`]);
  });

  it('accepts "-" apart from its number', () => {
    const value = scalar(at(checkPbtxtSyntax('a: - 5\n').root, 'a'));
    assert.deepEqual([value.number, value.text], [-5, '- 5']);
  });

  it('reads map entries as plain repeated messages', () => {
    const { root } = checkPbtxtSyntax(
      'parameters { key: "a" value: { string_value: "b" } }\nparameters [{ key: "c" value { string_value: "d" } }]\n',
    );
    assert.equal(scalar(at(root, 'parameters', 'key')).string, 'a');
    assert.equal(scalar(at(root, 'parameters', 'value', 'string_value')).string, 'b');
    assert.equal(root.fields.length, 2);
  });

  it('gives exact ranges to fields, names, colons and values', () => {
    const text = 'input {\n  name: "x"\n  dims: [ 1, -2 ]\n}\n';
    const { root } = checkPbtxtSyntax(text);
    const input = root.fields[0];
    assert.deepEqual([input.start, input.end, input.nameStart, input.nameEnd], [0, 39, 0, 5]);
    const message = input.value as PbMessage;
    assert.deepEqual([message.start, message.end, message.closed, message.open], [6, 39, true, '{']);
    const [name, dims] = message.fields;
    assert.deepEqual([slice(text, name), text[name.colon!], slice(text, name.value!)], ['name: "x"', ':', '"x"']);
    assert.equal(slice(text, dims.value!), '[ 1, -2 ]');
    const items = (dims.value as { items: PbScalar[] }).items;
    assert.deepEqual(
      items.map((i) => slice(text, i)),
      ['1', '-2'],
    );
    assert.deepEqual([root.start, root.end, root.open, root.closed], [0, text.length, undefined, true]);
  });

  it('keeps comments with their ranges, wherever they are', () => {
    const text = '# head\na: 1 # tail\nb {\n  # inside\n}\n#end';
    const { comments } = checkPbtxtSyntax(text);
    assert.deepEqual(
      comments.map((c) => [c.text, slice(text, c)]),
      [
        ['# head', '# head'],
        ['# tail', '# tail'],
        ['# inside', '# inside'],
        ['#end', '#end'],
      ],
    );
  });

  it('counts lines in CRLF files', () => {
    const text = 'a: 1\r\nb {\r\n  c: "x" # note\r\n}\r\nd: 2\r\n';
    const { root, comments } = checkPbtxtSyntax(text);
    assert.deepEqual(names(root), ['a', 'b', 'd']);
    assert.equal(comments[0].text, '# note');
    const finding = parsePbtxt('a: 1\r\nb 2\r\n').findings[0];
    assert.deepEqual(finding.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } });
  });

  it('reports nothing for empty and comment-only files', () => {
    assert.equal(checkPbtxtSyntax('').root.fields.length, 0);
    assert.equal(checkPbtxtSyntax('# nothing\n\n').comments.length, 1);
  });
});
