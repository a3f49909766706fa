// Tests the proto3 parser on small hand-written protos: declarations, type resolution across
// scopes, oneofs, maps, reserved, options, comments as descriptions, and errors with line numbers.
import * as assert from 'node:assert/strict';
import { describeComment } from './proto-lex';
import { parseProto, ProtoSyntaxError, typesOf, type ProtoFile } from './proto-parse';

const SAMPLE = `// License header: detached, describes nothing.

syntax = "proto3";
package acme.v1;
import "google/protobuf/empty.proto";
option java_package = "dev.acme";

// A top-level enum.
enum Color {
  option allow_alias = true;
  // No color.
  COLOR_UNSET = 0;
  RED = 1;
  CRIMSON = 1 [deprecated = true]; // trailing comments describe nothing
  reserved 5 to 7;
}

/* The outer message,
 * in a block comment. */
message Outer {
  // Nested: shadows the top-level Color inside Outer.
  enum Color { DARK = 0; LIGHT = 1; }
  message Inner {
    message Leaf { string id = 1; }
    Leaf leaf = 1;          // Leaf is found in Inner
    Color shade = 2;        // Outer.Color, the innermost scope wins
    .acme.v1.Color top = 3; // fully qualified
    v1.Color also_top = 4;  // first component "v1" found in the package scope
  }
  reserved 9, 11 to 12;
  reserved "old_name";
  repeated Inner inners = 1;
  map<string, Inner.Leaf> leaves = 2;
  map<uint64, int32> counts = 3 [json_name = "counts", (acme.custom).flag = true];
  optional int64 maybe = 4;
  bool optional = 5;
  oneof choice {
    string text = 6;
    Inner inner = 7;
  }
  ;
}
`;

function parsed(): ProtoFile {
  return parseProto(SAMPLE);
}

function errorOf(text: string): ProtoSyntaxError {
  try {
    parseProto(text);
  } catch (error) {
    assert.ok(error instanceof ProtoSyntaxError, `expected a ProtoSyntaxError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a parse error');
}

describe('parseProto', () => {
  it('reads syntax, package and options, and ignores imports', () => {
    const file = parsed();
    assert.equal(file.syntax, 'proto3');
    assert.equal(file.package, 'acme.v1');
    assert.deepEqual(file.options, { java_package: 'dev.acme' });
    assert.deepEqual([...typesOf(file).messages.keys()], ['acme.v1.Outer', 'acme.v1.Outer.Inner', 'acme.v1.Outer.Inner.Leaf']);
    assert.deepEqual([...typesOf(file).enums.keys()], ['acme.v1.Color', 'acme.v1.Outer.Color']);
  });

  it('reads enums with numbers, aliases, value options and reserved ranges', () => {
    const color = parsed().enums[0];
    assert.deepEqual(color.options, { allow_alias: true });
    assert.deepEqual(
      color.values.map((v) => [v.name, v.number]),
      [
        ['COLOR_UNSET', 0],
        ['RED', 1],
        ['CRIMSON', 1],
      ],
    );
    assert.deepEqual(color.values[2].options, { deprecated: true });
    assert.equal(color.values[0].description, 'No color.');
    assert.equal(color.values[2].description, undefined);
  });

  it('resolves type names by protobuf scoping rules', () => {
    const inner = typesOf(parsed()).messages.get('acme.v1.Outer.Inner');
    assert.deepEqual(
      inner?.fields.map((f) => [f.name, f.type, f.kind, f.written]),
      [
        ['leaf', 'acme.v1.Outer.Inner.Leaf', 'message', 'Leaf'],
        ['shade', 'acme.v1.Outer.Color', 'enum', 'Color'],
        ['top', 'acme.v1.Color', 'enum', '.acme.v1.Color'],
        ['also_top', 'acme.v1.Color', 'enum', 'v1.Color'],
      ],
    );
  });

  it('reads labels, maps, oneofs, reserved and field options', () => {
    const outer = parsed().messages[0];
    const field = (name: string) => outer.fields.find((f) => f.name === name);
    assert.equal(field('inners')?.repeated, true);
    assert.equal(field('inners')?.type, 'acme.v1.Outer.Inner');
    assert.deepEqual(field('leaves')?.map, { key: 'string', value: 'acme.v1.Outer.Inner.Leaf', valueKind: 'message' });
    assert.equal(field('leaves')?.type, 'map<string, acme.v1.Outer.Inner.Leaf>');
    assert.equal(field('leaves')?.kind, 'map');
    assert.deepEqual(field('counts')?.map, { key: 'uint64', value: 'int32', valueKind: 'scalar' });
    assert.deepEqual(field('counts')?.options, { json_name: 'counts', '(acme.custom).flag': true });
    assert.equal(field('maybe')?.optional, true);
    assert.equal(field('optional')?.type, 'bool', 'a field may be named "optional"');
    assert.deepEqual(
      outer.oneofs.map((o) => [o.name, o.fields]),
      [['choice', ['text', 'inner']]],
    );
    assert.equal(field('inner')?.oneof, 'choice');
    assert.equal(field('inners')?.oneof, undefined);
    assert.deepEqual(outer.reserved, {
      ranges: [
        [9, 9],
        [11, 12],
      ],
      names: ['old_name'],
    });
  });

  it('takes the comment block directly before a declaration as its description', () => {
    const file = parsed();
    assert.equal(file.enums[0].description, 'A top-level enum.');
    assert.equal(file.messages[0].description, 'The outer message, in a block comment.');
    assert.equal(file.messages[0].enums[0].description, 'Nested: shadows the top-level Color inside Outer.');
    assert.equal(file.messages[0].fields[0].description, undefined);
  });

  it("cleans Triton's //@@ Sphinx comments into prose", () => {
    const text = `syntax = "proto3";
//@@.. cpp:namespace:: inference

//@@
//@@  .. cpp:var:: message Thing
//@@
//@@     A thing with a long
//@@     description.
//@@
//@@     Second paragraph:
//@@       - first item
//@@       - second item that
//@@         wraps
//@@
message Thing {
  //@@      .. cpp:enumerator::
  //@@         Kind::LONG_NAME = 2
  //@@
  //@@         Refers to :cpp:var:\`count\`.
  int32 count = 1;
}
`;
    const thing = parseProto(text).messages[0];
    assert.equal(thing.description, 'A thing with a long description.\n\nSecond paragraph:\n  - first item\n  - second item that wraps');
    assert.equal(thing.fields[0].description, "Refers to 'count'.");
    assert.equal(describeComment(['@@  .. cpp:enumerator:: DataType::FP32 = 11']), undefined);
  });

  it('reports what it cannot parse with the line number', () => {
    const cases: [string, number, RegExp][] = [
      ['syntax = "proto3";\nmessage A {\n  string name = ;\n}\n', 3, /expected a field number/],
      ['syntax = "proto3";\nmessage A {\n  Missing m = 1;\n}\n', 3, /"Missing" is not defined/],
      ['syntax = "proto3";\nmessage A {\n  int32 a = 1;\n  int32 b = 1;\n}\n', 4, /reuses number 1/],
      ['syntax = "proto3";\nmessage A {\n  reserved 2;\n  int32 a = 2;\n}\n', 4, /reserved/],
      ['syntax = "proto3";\nenum E {\n  A = 0;\n  B = 0;\n}\n', 4, /allow_alias/],
      ['syntax = "proto3";\nmessage A {\n  map<float, string> m = 1;\n}\n', 3, /map key/],
      ['syntax = "proto3";\nmessage A {\n  int32 a = 1;\n', 2, /message A is not closed/],
      ['syntax = "proto2";\n', 1, /only proto3/],
      ['syntax = "proto3";\n\nmessage A { int32 a = 1 }\n', 3, /expected ";"/],
      ['syntax = "proto3";\nmessage A {\n  message B { }\n  B.C x = 1;\n}\n', 4, /resolved to "A.B.C"/],
      ['syntax = "proto3";\n\n  @\n', 3, /unexpected character "@"/],
    ];
    for (const [text, line, message] of cases) {
      const error = errorOf(text);
      assert.equal(error.line, line, `${error.message} for ${JSON.stringify(text)}`);
      assert.match(error.message, message);
      assert.match(error.message, new RegExp(`^line ${line}\\b`));
    }
  });
});
