// Parsing whole files: documents re-parsed only when their text changed, positions shifted to
// file coordinates, and the library path's aliases, merge keys and cycles.
import * as assert from 'node:assert/strict';
import { toValue, type MapNode, type YamlFile } from '../document';
import { generateDocument } from '../../../../test/harness/yaml-generator';
import { renderModel } from '../../../../test/harness/yaml-model';
import { fileFindings, nodeRange, parseYamlFile } from './yaml-file';

function job(name: string, extraLabels = 0): string {
  const labels = Array.from({ length: extraLabels }, (_, i) => `    extra-${i}: "yes"\n`).join('');
  return `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: ${name}\n  labels:\n    team: ml\n${labels}spec:\n  parallelism: 2\n`;
}

function file(...documents: string[]): string {
  return documents.join('---\n');
}

/** A whole parse, rendered: what an incremental parse must give too. */
function rendered(parsed: YamlFile): string {
  const documents = parsed.documents.map(
    (document) => `@${document.startLine}/${document.startOffset}\n${renderModel(document.text, document.root)}`,
  );
  return [...documents, JSON.stringify(fileFindings(parsed))].join('\n');
}

function valueAt(parsed: YamlFile, index: number): unknown {
  return toValue(parsed.documents[index].root);
}

describe('YAML files', () => {
  it('re-parses only the document whose text changed', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const first = parseYamlFile(file(...names.map((name) => job(name))));
    const edited = parseYamlFile(file(...names.map((name) => job(name === 'c' ? 'c2' : name))), first);
    const kept = edited.documents.map((document, i) => document.content === first.documents[i].content);
    assert.deepEqual(kept, [true, true, false, true, true]);
    // The documents before the edit did not move: the very same objects. Those after it moved by a character.
    assert.deepEqual(
      edited.documents.map((document, i) => document === first.documents[i]),
      [true, true, false, false, false],
    );
    assert.equal((valueAt(edited, 2) as { metadata: { name: string } }).metadata.name, 'c2');
  });

  it('shifts the documents after an edit that changed the line count', () => {
    const before = parseYamlFile(file(job('a'), job('b'), job('c')));
    const text = file(job('a'), job('b', 3), job('c'));
    const after = parseYamlFile(text, before);
    assert.equal(after.documents[0], before.documents[0]);
    assert.notEqual(after.documents[1].content, before.documents[1].content);
    // The last document moved: a new object around the same content, three lines further.
    assert.notEqual(after.documents[2], before.documents[2]);
    assert.equal(after.documents[2].content, before.documents[2].content);
    assert.equal(after.documents[2].startLine, before.documents[2].startLine + 3);
    assert.equal(rendered(after), rendered(parseYamlFile(text)));
    const name = (after.documents[2].root as MapNode).entries[2].value as MapNode;
    assert.deepEqual(nodeRange(after.documents[2], name.entries[0].value!), {
      start: { line: 24, character: 8 },
      end: { line: 24, character: 9 },
    });
  });

  it('reports findings in file coordinates, with lines in messages shifted too', () => {
    const broken = 'kind: Pod\nmetadata:\n  name: x\n  name: y\n';
    const before = parseYamlFile(file(job('a'), broken));
    const after = parseYamlFile(file(job('a', 2), broken), before);
    assert.equal(after.documents[1].content, before.documents[1].content);
    const [finding] = fileFindings(after);
    assert.deepEqual(finding.range, { start: { line: 14, character: 2 }, end: { line: 14, character: 6 } });
    assert.match(finding.message, /already set on line 14\./);
    assert.deepEqual(finding.related?.[0].range, { start: { line: 13, character: 2 }, end: { line: 13, character: 6 } });
    assert.deepEqual(fileFindings(after), fileFindings(parseYamlFile(file(job('a', 2), broken))));
  });

  it('gets the same result incrementally as from scratch, whatever the edit', () => {
    const versions = [
      file(job('a'), job('b'), job('c')),
      file(job('a'), job('c')),
      file(job('a'), 'kind: [broken\n', job('c')),
      file(job('c'), job('a'), 'x: 1\nx: 2\n'),
      `# head\n${file(job('a'), job('a'), job('a'))}`,
      '',
      file(job('a'), job('b')),
    ];
    let previous: YamlFile | undefined;
    for (const text of versions) {
      const parsed = parseYamlFile(text, previous);
      assert.equal(rendered(parsed), rendered(parseYamlFile(text)), JSON.stringify(text));
      previous = parsed;
    }
  });

  it('never throws, and stays equal to a fresh parse, while a file is typed into', () => {
    const inserts = [
      '---\n',
      '...\n',
      '%YAML 1.2\n',
      '\t',
      '"',
      "'",
      '[',
      '{',
      ']',
      ':',
      ': ',
      '- ',
      '#',
      ' ',
      '\n',
      '&a ',
      '*a',
      '<<: *a\n',
      '!x ',
      '|',
      '? ',
      '\r\n',
    ];
    let text = file(generateDocument(1), generateDocument(2), job('a'));
    let previous = parseYamlFile(text);
    for (let step = 0; step < 250; step++) {
      const at = (step * 7919) % (text.length + 1);
      text =
        step % 3 === 2
          ? text.slice(0, at) + text.slice(at + 1 + (step % 4))
          : text.slice(0, at) + inserts[step % inserts.length] + text.slice(at);
      if (step % 50 === 49) text = file(generateDocument(step), job(`j${step}`), generateDocument(step + 1));
      const parsed = parseYamlFile(text, previous);
      assert.equal(rendered(parsed), rendered(parseYamlFile(text)), JSON.stringify(text));
      previous = parsed;
    }
  });

  it('reads aliases as the anchored node', () => {
    const parsed = parseYamlFile('base: &limits {cpu: 2, memory: 4Gi}\nworker: *limits\n');
    const root = parsed.documents[0].root as MapNode;
    assert.deepEqual(toValue(root), { base: { cpu: 2, memory: '4Gi' }, worker: { cpu: 2, memory: '4Gi' } });
    assert.equal(root.entries[1].value, root.entries[0].value);
    assert.deepEqual(fileFindings(parsed), []);
  });

  it('expands merge keys: explicit keys win, then the earlier merged mappings', () => {
    const text = [
      'defaults: &defaults {restartPolicy: Never, backoffLimit: 3}',
      'extra: &extra {backoffLimit: 5, parallelism: 2}',
      'one:',
      '  <<: *defaults',
      '  backoffLimit: 6',
      'two:',
      '  <<: [*defaults, *extra]',
      '',
    ].join('\n');
    const parsed = parseYamlFile(text);
    assert.deepEqual(fileFindings(parsed), []);
    const value = valueAt(parsed, 0) as Record<string, unknown>;
    assert.deepEqual(value.one, { restartPolicy: 'Never', backoffLimit: 6 });
    assert.deepEqual(value.two, { restartPolicy: 'Never', backoffLimit: 3, parallelism: 2 });
    const one = (parsed.documents[0].root as MapNode).entries[2].value as MapNode;
    assert.deepEqual(
      one.entries.map((entry) => String(entry.key.value)),
      ['restartPolicy', 'backoffLimit'],
    );
  });

  it('breaks alias cycles and unknown aliases into nulls', () => {
    const parsed = parseYamlFile('list: &l [a, *l]\nmap: &m {self: *m}\nmissing: *nowhere\n');
    assert.deepEqual(valueAt(parsed, 0), { list: ['a', null], map: { self: null }, missing: null });
    assert.deepEqual(
      fileFindings(parsed).map((finding) => finding.code),
      ['yaml/unknown-alias'],
    );
  });

  it('keeps an alias bomb small', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(', ')}]`,
      );
    const started = Date.now();
    const parsed = parseYamlFile(`${levels.join('\n')}\n`);
    assert.ok(JSON.stringify(valueAt(parsed, 0)).length < 10_000_000);
    assert.ok(Date.now() - started < 2000);
  });
});
