// Syntax errors in text format: one finding per cause at the range that shows it, and the
// fields around each error still in the tree.
import * as assert from 'node:assert/strict';
import { fixture } from '../../../../test/harness/fixture';
import { checkPbtxtSyntax } from '../../../../test/harness/pbtxt';
import type { PbMessage } from './pbtxt-ast';

const names = (message: PbMessage): string[] => message.fields.map((f) => f.name);
const child = (message: PbMessage, name: string) => message.fields.find((f) => f.name === name)?.value as PbMessage;

describe('pbtxt parser: error recovery', () => {
  it('reports an unclosed brace at the brace, and closes it where the indentation says', () => {
    const { root } = checkPbtxtSyntax(fixture`
      input {
        name: "x"
        dims {
      #      ^ error[pbtxt/unclosed-brace]: Unclosed "{": this message is never closed with "}".
          shape: 1
        format: FORMAT_NCHW
      }
      output { name: "y" }
    `);
    assert.deepEqual(names(root), ['input', 'output']);
    assert.deepEqual(names(child(root, 'input')), ['name', 'dims', 'format']);
  });

  it('reports an unclosed brace at the end of the file', () => {
    const { root } = checkPbtxtSyntax(fixture`
      name: "m"
      dynamic_batching {
      #                ^ error[pbtxt/unclosed-brace]: Unclosed "{": this message is never closed with "}".
        max_queue_delay_microseconds: 100
    `);
    assert.equal(child(root, 'dynamic_batching').closed, false);
    assert.deepEqual(names(child(root, 'dynamic_batching')), ['max_queue_delay_microseconds']);
  });

  it('reports an extra closing brace', () => {
    const { root } = checkPbtxtSyntax(fixture`
      a { b: 1 }
      }
      ^ error[pbtxt/extra-brace]: Unexpected "}": there is no open "{" for it to close.
      c: 2
    `);
    assert.deepEqual(names(root), ['a', 'c']);
  });

  it('reports a missing colon before a scalar, and "=" in its place', () => {
    const { root } = checkPbtxtSyntax(fixture`
      max_batch_size 8
      #              ^ error[pbtxt/missing-colon]: Expected ":", found "8".
      name = "m"
      #    ^ error[pbtxt/missing-colon]: Expected ":", found "=".
      dims [1, 2]
      #    ^ error[pbtxt/missing-colon]: Expected ":", found "[".
    `);
    assert.deepEqual(
      root.fields.map((f) => f.value?.kind),
      ['scalar', 'scalar', 'list'],
    );
  });

  it('reports a missing value', () => {
    const { root } = checkPbtxtSyntax(fixture`
      a {
        name:
      # ^^^^^ error[pbtxt/missing-value]: Expected a value after "name:", found "count".
        count: 1
        kind: }
      # ^^^^^ error[pbtxt/missing-value]: Expected a value after "kind:", found "}".
      b: @
      #  ^ error[pbtxt/unexpected-token]: Expected a value after "b:", found "@".
      c
      ^ error[pbtxt/missing-value]: Expected ":" or "{" after "c", found end of file: "c" has no value.
    `);
    assert.deepEqual(names(child(root, 'a')), ['name', 'count', 'kind']);
    assert.deepEqual(names(root), ['a', 'b', 'c']);
  });

  it('reports unterminated strings, bad escapes and bad numbers without cascades', () => {
    const { root } = checkPbtxtSyntax(fixture`
      name: "densenet
      #     ^^^^^^^^^ error[pbtxt/unterminated-string]: Unterminated string: the closing " is missing (a string cannot continue past the end of its line).
      label: 'a\qb'
      #        ^^ error[pbtxt/bad-escape]: Invalid escape sequence "\q" in string literal. Write "\\" for a backslash.
      count: 10abc
      #      ^^^^^ error[pbtxt/bad-number]: Invalid number "10abc": a number cannot be directly followed by letters; add a space or remove them.
      dims: [08, 1]
      #      ^^ error[pbtxt/bad-number]: Invalid number "08": a number starting with 0 is octal and may use only the digits 0 to 7.
      kind: KIND_GPU
    `);
    assert.deepEqual(names(root), ['name', 'label', 'count', 'dims', 'kind']);
    assert.equal(root.fields[2].value, null);
  });

  it('reports "//" used as a comment, and stray characters', () => {
    const { root } = checkPbtxtSyntax(fixture`
      // a C++ comment
      ^^ error[pbtxt/slash-comment]: "//" does not start a comment in protobuf text format: comments start with "#".
      a: 1 // trailing
      #    ^^ error[pbtxt/slash-comment]: "//" does not start a comment in protobuf text format: comments start with "#".
      @ b: 2
      ^ error[pbtxt/unexpected-token]: Expected field name, found "@". Field names are identifiers such as max_batch_size.
      c: 3
    `);
    assert.deepEqual(names(root), ['a', 'b', 'c']);
  });

  it('reports unclosed lists, missing commas and trailing commas', () => {
    const { root } = checkPbtxtSyntax(fixture`
      dims: [1, 2
      #     ^ error[pbtxt/unclosed-bracket]: Unclosed "[": this list is never closed with "]".
      shape: [1 2]
      #         ^ error[pbtxt/unexpected-token]: Expected "," or "]", found "2".
      kinds: [A B C]
      #         ^ error[pbtxt/unexpected-token]: Expected "," or "]", found "B".
      gpus: [0, ]
      #         ^ error[pbtxt/unexpected-token]: Expected a value, found "]": remove the "," before it.
      input [ { name: "a" }
      #     ^ error[pbtxt/unclosed-bracket]: Unclosed "[": this list is never closed with "]".
      output { name: "b" }
    `);
    assert.deepEqual(names(root), ['dims', 'shape', 'kinds', 'gpus', 'input', 'output']);
    assert.deepEqual(
      root.fields.map((f) => (f.value as { items: unknown[] }).items?.length),
      [2, 2, 3, 1, 1, undefined],
    );
  });

  it('reports "<" closed by "}", and a stray ">" before the right closer', () => {
    const { root } = checkPbtxtSyntax(fixture`
      a < b: 1 }
      #        ^ error[pbtxt/mismatched-brace]: Expected ">", found "}": this message was opened with "<", so it must be closed with ">".
      c: 2
      d { e: 1 > f: 2 }
      #        ^ error[pbtxt/mismatched-brace]: Expected "}", found ">": this message was opened with "{", so it must be closed with "}".
    `);
    assert.deepEqual(names(root), ['a', 'c', 'd']);
    assert.deepEqual(names(child(root, 'd')), ['e', 'f']);
  });

  it('reports a field name that is not an identifier, and parses its value away', () => {
    const { root } = checkPbtxtSyntax(fixture`
      "name": "x"
      ^^^^^^ error[pbtxt/bad-field-name]: Expected field name, found string "name". Field names are identifiers such as max_batch_size.
      12 { a: 1 }
      ^^ error[pbtxt/bad-field-name]: Expected field name, found "12". Field names are identifiers such as max_batch_size.
      ok: 1
    `);
    assert.deepEqual(names(root), ['ok']);
  });

  it('recovers from many kinds of error in one file, keeping the valid fields between them', () => {
    const { root } = checkPbtxtSyntax(fixture`
      name: "resnet"
      platform "onnxruntime_onnx"
      #        ^^^^^^^^^^^^^^^^^^ error[pbtxt/missing-colon]: Expected ":", found string "onnxruntime_onnx".
      max_batch_size: 16
      // inputs
      ^^ error[pbtxt/slash-comment]: "//" does not start a comment in protobuf text format: comments start with "#".
      input [
        {
          name: "input__0
      #         ^^^^^^^^^ error[pbtxt/unterminated-string]: Unterminated string: the closing " is missing (a string cannot continue past the end of its line).
          data_type: TYPE_FP32
          dims: [ 3, 224, 224x ]
      #                   ^^^^ error[pbtxt/bad-number]: Invalid number "224x": a number cannot be directly followed by letters; add a space or remove them.
        }
      ]
      output {
      #      ^ error[pbtxt/unclosed-brace]: Unclosed "{": this message is never closed with "}".
        name: "output__0"
        data_type: @TYPE_FP32
      #            ^ error[pbtxt/unexpected-token]: Expected a value after "data_type:", found "@".
        dims: [ 1000 ]
      instance_group [ { kind: KIND_GPU count: 2 } ]
      dynamic_batching < max_queue_delay_microseconds: 100 }
      #                                                    ^ error[pbtxt/mismatched-brace]: Expected ">", found "}": this message was opened with "<", so it must be closed with ">".
      version_policy: { all { } }
    `);
    // The output message is never closed: indentation ends it at instance_group.
    assert.deepEqual(names(root), [
      'name',
      'platform',
      'max_batch_size',
      'input',
      'output',
      'instance_group',
      'dynamic_batching',
      'version_policy',
    ]);
    const input = (root.fields[3].value as { items: PbMessage[] }).items[0];
    assert.deepEqual(names(input), ['name', 'data_type', 'dims']);
    assert.deepEqual(names(child(root, 'output')), ['name', 'data_type', 'dims']);
  });
});
