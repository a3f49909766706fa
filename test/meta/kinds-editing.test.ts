// The outline, hover and completion serve every CRD kind as they serve Kubernetes' own: on the
// valid example of each CRD kind and version (test/fixtures/kinds), the outline names the
// document, hover describes the first field of its spec, and completion on a new line of the
// spec offers exactly the fields its schema has that are not written yet.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedService } from '../harness/cursor';

const root = join(__dirname, '..', '..', '..');
const folder = join(root, 'test', 'fixtures', 'kinds');

type Schema = { $ref?: string; properties?: Record<string, Schema>; definitions?: Record<string, Schema> };

const index = JSON.parse(readFileSync(join(root, 'schemas', 'index.json'), 'utf8')) as {
  kinds: { apiVersion: string; kind: string; schema: string; source: string }[];
};
const kubernetes = JSON.parse(readFileSync(join(root, 'schemas', 'kubernetes', 'definitions.json'), 'utf8')) as Schema;

/** The fields of a kind's spec, its $ref followed into the kind's own definitions or Kubernetes'. */
function specFields(schemaFile: string): string[] {
  const schema = schemaOf(schemaFile);
  let spec = schema.properties?.spec;
  while (spec?.$ref) {
    const [file, name] = spec.$ref.split('#/definitions/');
    spec = (file ? kubernetes : schema).definitions?.[name];
  }
  return Object.keys(spec?.properties ?? {});
}

/** The kind's schema, as generated. */
const schemaOf = (schemaFile: string) => JSON.parse(readFileSync(join(root, 'schemas', schemaFile), 'utf8')) as Schema;

/** The name the outline gives: `metadata.name`, or `metadata.generateName` and `*` for the suffix the API server adds. */
function outlineName(text: string): string | undefined {
  const match = /^metadata:\n(?: {2}.*\n)*? {2}(name|generateName): (\S+)$/m.exec(text);
  return match ? (match[1] === 'name' ? match[2] : `${match[2]}*`) : undefined;
}

/** The valid examples of CRD kinds with a spec (a WorkloadPriorityClass has none), with the lines that matter here. */
const examples = readdirSync(folder)
  .filter((name) => name.endsWith('.valid.yaml'))
  .sort()
  .map((name) => {
    const text = readFileSync(join(folder, name), 'utf8');
    const field = (key: string) => new RegExp(`^${key}:\\s*(\\S+)\\s*$`, 'm').exec(text)?.[1];
    const entry = index.kinds.find((kind) => kind.apiVersion === field('apiVersion') && kind.kind === field('kind'));
    const lines = text.split('\n');
    const spec = lines.indexOf('spec:');
    // The spec's own keys: the lines indented by two spaces until the next top-level key.
    const end = lines.findIndex((line, at) => at > spec && /^\S/.test(line));
    const written = lines.slice(spec + 1, end < 0 ? undefined : end).flatMap((line) => /^ {2}([A-Za-z][\w-]*):/.exec(line)?.[1] ?? []);
    return { name, text, lines, entry, spec, written, metadataName: outlineName(text) };
  })
  .filter((example) => example.entry?.source.startsWith('crds/') && schemaOf(example.entry.schema).properties?.spec);
const crdKindsWithSpec = index.kinds.filter((kind) => kind.source.startsWith('crds/') && schemaOf(kind.schema).properties?.spec);

describe('outline, hover and completion on every CRD kind', function () {
  // Compiles the schema of every CRD kind.
  this.timeout(60000);

  it('has a valid example with a spec for every CRD kind and version', () => {
    assert.equal(examples.length, crdKindsWithSpec.length);
    assert.deepEqual(
      examples.filter((example) => example.spec < 0 || !example.written.length || !example.metadataName).map((example) => example.name),
      [],
    );
  });

  for (const { name, text, lines, entry, spec, written, metadataName } of examples) {
    const { apiVersion, kind, schema } = entry!;
    it(`${name}: ${kind}/${metadataName} in the outline, its spec.${written[0]} on hover, the rest of its spec completed`, () => {
      const service = sharedService();
      const uri = `file:///workspace/${name}`;
      const [document] = service.outline({ uri, text });
      assert.deepEqual([document.name, document.detail], [`${kind}/${metadataName}`, apiVersion]);

      const hover = service.hover(
        { uri, text },
        { line: lines.findIndex((line, at) => at > spec && line.startsWith(`  ${written[0]}:`)), character: 3 },
      );
      assert.ok(hover, `hover on spec.${written[0]}`);
      const markdown = hover.markdown.split('\n');
      assert.match(markdown[0], new RegExp(`^\\*\\*${written[0]}\\*\\* · `));
      assert.ok(markdown[markdown.length - 1].endsWith(` \`spec.${written[0]}\``), markdown[markdown.length - 1]);

      // A new line right below `spec:`, at the indentation of its keys.
      const edited = [...lines.slice(0, spec + 1), '  ', ...lines.slice(spec + 1)].join('\n');
      const items = service.complete({ uri, text: edited }, { line: spec + 1, character: 2 });
      service.forget(uri);
      const expected = specFields(schema).filter((field) => !written.includes(field));
      assert.deepEqual(items.map((item) => item.label).sort(), expected.sort());
    });
  }
});
