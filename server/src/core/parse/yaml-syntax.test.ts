// Syntax findings for YAML files: exact ranges and messages, one finding per cause.
import * as assert from 'node:assert/strict';
import { checkFindings } from '../../../../test/harness/check';
import { fixture } from '../../../../test/harness/fixture';
import { fileFindings, parseYamlFile } from './yaml-file';

const findingsOf = (text: string) => fileFindings(parseYamlFile(text));

describe('YAML syntax', () => {
  it('reports nothing for a valid multi-document manifest', () => {
    checkFindings(fixture`
      # A comment before the first document
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        lr: "0.001"
      ---
      apiVersion: batch/v1
      kind: Job
      metadata: {name: train, labels: {team: ml}}
      spec:
        template:
          spec:
            containers:
              - name: trainer
                image: python:3.11-slim
                args: ["--epochs", "3"]
            restartPolicy: Never
    `);
  });

  it('reports nothing for empty files, comments only and document markers only', () => {
    checkFindings('');
    checkFindings('# only a comment\n');
    checkFindings('---\n---\n');
  });

  it('reports a duplicate key on the second key, pointing at the first', () => {
    checkFindings(fixture`
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
        name: b
      # ^^^^ error[yaml/duplicate-key]: Duplicate key "name": it is already set on line 4. Kubernetes and most YAML tools reject the file or keep only one value; remove or rename one of them.
    `);
    const [finding] = findingsOf('a: 1\nb: 2\na: 3\n');
    assert.deepEqual(finding.related, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'First "a" is here.' },
    ]);
  });

  it('allows repeated merge keys', () => {
    checkFindings('base: &b {x: 1}\nd:\n  <<: *b\n  <<: *b\n');
  });

  it('reports errors in every document of a multi-document file', () => {
    checkFindings(fixture`
      kind: A
      ---
      kind: B
      list: [1, 2
      #     ^ error[yaml/unclosed-bracket]: Unclosed "[": this list is never closed with "]".
      ---
      kind: C
      metadata:
        name: x
        name: y
      # ^^^^ error[yaml/duplicate-key]: Duplicate key "name": it is already set on line 8. Kubernetes and most YAML tools reject the file or keep only one value; remove or rename one of them.
    `);
  });

  it('reports a key indented deeper than its sibling as bad indentation, once', () => {
    checkFindings(fixture`
      spec:
        containers:
        - name: trainer
           image: pytorch
      #    ^^^^^ error[yaml/bad-indentation]: Bad indentation: "image" is indented more than "name" above it, which already has a value. Align the keys, or nest "image" under a key that has no value.
    `);
  });

  it('reports a key that lines up with no mapping', () => {
    checkFindings(fixture`
      spec:
        containers:
          - name: a
         image: b
      #  ^^^^^ error[yaml/bad-indentation]: Bad indentation: "image" does not line up with the keys of any mapping above it. Indent it like its siblings.
    `);
  });

  it('reports tabs used for indentation on the tab, without cascades', () => {
    checkFindings(
      'spec:\n\treplicas: 1\n^ error[yaml/tab-as-indent]: Tab used for indentation: YAML allows only spaces there. Replace the tab with spaces.',
    );
    checkFindings(
      'spec:\n  args:\n\t- a\n^ error[yaml/tab-as-indent]: Tab used for indentation: YAML allows only spaces there. Replace the tab with spaces.',
    );
  });

  it('allows a tab between a key and its value', () => {
    checkFindings('spec:\n  name:\ttrainer\n');
  });

  it('reports an unterminated string at its opening quote', () => {
    checkFindings(fixture`
      metadata:
        name: 'abc
      #       ^^^^ error[yaml/unterminated-string]: Unterminated string: the closing ' is missing, so everything after it is read as part of this string.
        labels: {}
      ---
      kind: Pod
      ^^^^ error[schema/missing-field]: Missing required field "apiVersion" in Pod.
    `);
  });

  it('reports an unclosed flow mapping at its brace', () => {
    checkFindings(fixture`
      a: {b: 1
      #  ^ error[yaml/unclosed-bracket]: Unclosed "{": this mapping is never closed with "}".
      c: 2
    `);
  });

  it('reports a bare word where a key belongs', () => {
    checkFindings(fixture`
      metadata:
        name: x
        oops
      # ^^^^ error[yaml/missing-colon]: Expected ":" after "oops": an entry of a mapping is written "key: value". Add the colon, or remove the line.
        labels: {}
    `);
  });

  it('reports text after a flow mapping, a flow list or a quoted string, with the whole value quoted as the fix', () => {
    checkFindings(fixture`
      image: {docker_username}/app
      #      ^^^^^^^^^^^^^^^^^^^^^ error[yaml/text-after-value]: This value starts with "{", so YAML reads {docker_username} as a mapping and cannot go on with "/app" after it. Quote the whole value: '{docker_username}/app'.
    `);
    checkFindings(fixture`
      args: [--lr, 0.1] --fp16  # tuned
      #     ^^^^^^^^^^^^^^^^^^ error[yaml/text-after-value]: This value starts with "[", so YAML reads [--lr, 0.1] as a list and cannot go on with "--fp16" after it. Quote the whole value: '[--lr, 0.1] --fp16'.
    `);
    checkFindings(fixture`
      command: 'it''s' here
      #        ^^^^^^^^^^^^ error[yaml/text-after-value]: This value starts with a quote, so YAML reads 'it''s' as a quoted string and cannot go on with "here" after it. Quote the whole value: "'it''s' here".
    `);
  });

  it('quotes the whole value as the quick fix for text after a value, and the fixed file parses', () => {
    const text = 'image: {docker_username}/app:1.0\n';
    const [found] = parseYamlFile(text).documents[0].findings;
    assert.equal(found.fixes?.[0]?.title, "Quote the value: '{docker_username}/app:1.0'");
    const edit = found.fixes[0].edits[0];
    assert.deepEqual(edit.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 32 } });
    const fixed = text.slice(0, 7) + edit.newText + text.slice(32);
    assert.equal(fixed, "image: '{docker_username}/app:1.0'\n");
    assert.deepEqual(parseYamlFile(fixed).documents[0].findings, []);
  });

  it('reports an unquoted value containing ": "', () => {
    checkFindings(fixture`
      args: --lr: 0.1
      #     ^^^^^^^^^ error[yaml/colon-in-value]: This value contains ": ", which YAML reads as the start of another key. Put the value in quotes: "--lr: 0.1".
    `);
  });

  it('reports invalid escapes in double-quoted strings', () => {
    checkFindings(fixture`
      a: "bad \q escape"
      #       ^ error[yaml/bad-dq-escape]: Invalid escape sequence in a double-quoted string. Write the backslash as \\ or use single quotes.
    `);
  });

  it('reports aliases whose anchor is not defined before them', () => {
    checkFindings(fixture`
      a: *x
      #  ^^ error[yaml/unknown-alias]: Unknown alias "*x": no anchor "&x" is defined before it in this document.
      b: &x 1
      c: *x
    `);
  });

  it('warns about unknown tags', () => {
    checkFindings(fixture`
      a: !!binary eHl6
      b: !foo x
      #  ^^^^ warning[yaml/tag-resolve-failed]: Unresolved tag: !foo. The value is kept as a string.
    `);
  });

  it('counts lines and columns in files with CRLF line ends', () => {
    const [finding] = findingsOf('a: 1\r\nb:\r\n  c: 2\r\n  c: 3\r\n');
    assert.deepEqual(finding.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 3 } });
  });

  it('keeps every document for later analysis', () => {
    assert.equal(parseYamlFile('a: 1\n---\nb: 2\n---\nc: 3\n').documents.length, 3);
  });
});
