// The codes of the findings that are not rules or Triton checks: YAML syntax, schema validation,
// protobuf text format syntax and the structure that model_config.proto gives a Triton config.
// They cannot be turned off or silenced (a file that does not parse cannot be checked further);
// this list renders their one page, docs/rules/syntax-and-schema.md, which their findings link to.
// A meta test holds it to the codes the sources write.

export interface SyntaxCode {
  code: string;
  /** What the finding means and what to do, in a sentence or two. */
  meaning: string;
}

export interface SyntaxCodeGroup {
  title: string;
  /** What the group's findings have in common. */
  intro: string;
  codes: readonly SyntaxCode[];
}

/** The page's file, beside the rules' pages. */
export const SYNTAX_PAGE = 'syntax-and-schema.md';

export const SYNTAX_CODE_GROUPS: readonly SyntaxCodeGroup[] = [
  {
    title: 'YAML syntax',
    intro:
      'Reported in every YAML file. Most are errors of the `yaml` parser reworded and placed on their cause; the codes named after ' +
      "the parser's own error codes (`yaml/<code>`) are its messages as they are. A document with a syntax error gets no schema " +
      'findings and no rule runs on it, as its structure cannot be trusted (a duplicate key is the exception: the last value counts).',
    codes: [
      {
        code: 'yaml/alias-props',
        meaning: 'An alias (`*name`) carries an anchor or a tag, which YAML does not allow. Remove them from the alias.',
      },
      {
        code: 'yaml/bad-alias',
        meaning: 'An alias is written in a way the parser cannot read. Write it as `*name` after an anchor `&name`.',
      },
      {
        code: 'yaml/bad-collection-type',
        meaning: 'A tag asks for a collection of another type than the one written. Remove the tag or change the collection.',
      },
      { code: 'yaml/bad-directive', meaning: 'A `%` directive line is not `%YAML` or `%TAG`, or is malformed. Remove it.' },
      {
        code: 'yaml/bad-dq-escape',
        meaning: 'An invalid escape sequence in a double-quoted string. Write a backslash as `\\\\`, or use single quotes.',
      },
      {
        code: 'yaml/bad-indent',
        meaning: 'Indentation the parser cannot read: a block less indented than its parent needs, a flow collection not closed in place.',
      },
      {
        code: 'yaml/bad-indentation',
        meaning: 'A key is indented more than its siblings, or a block is not indented as its parent needs. Align the keys.',
      },
      {
        code: 'yaml/bad-prop-order',
        meaning: 'An anchor or tag is placed where YAML does not allow it. Put `&anchor` and `!tag` before the value.',
      },
      {
        code: 'yaml/bad-scalar-start',
        meaning: 'A plain value starts with a character that YAML reserves (`@`, `` ` ``, `%`…). Quote the value.',
      },
      { code: 'yaml/block-as-implicit-key', meaning: 'A block value is used as a key. Usually a missing colon or a misindented line.' },
      {
        code: 'yaml/block-in-flow',
        meaning: 'A block collection inside a flow collection (`[ ]`, `{ }`). Write it in flow style or move it out.',
      },
      { code: 'yaml/colon-in-value', meaning: 'A plain value contains `: `, which YAML reads as a nested key. Quote the value.' },
      {
        code: 'yaml/duplicate-key',
        meaning: 'A mapping sets the same key twice; Kubernetes and most tools reject the file or keep one value. Remove or rename one.',
      },
      {
        code: 'yaml/impossible',
        meaning: 'The parser reached a state it should not; the text around it is unusual. Please report the file.',
      },
      {
        code: 'yaml/key-over-1024-chars',
        meaning: 'An implicit key longer than 1024 characters. Use an explicit key (`? key`) or shorten it.',
      },
      { code: 'yaml/missing-char', meaning: 'A closing quote, bracket or the colon of a key is missing.' },
      { code: 'yaml/missing-colon', meaning: 'A line reads as a key without its colon. Add `:` after the key.' },
      { code: 'yaml/multiline-implicit-key', meaning: 'A key runs over more than one line. Usually a missing colon on the line above.' },
      { code: 'yaml/multiple-anchors', meaning: 'A value has more than one anchor. Keep one.' },
      { code: 'yaml/multiple-docs', meaning: 'More than one document where one is expected.' },
      { code: 'yaml/multiple-tags', meaning: 'A value has more than one tag. Keep one.' },
      { code: 'yaml/non-string-key', meaning: 'A key that is a collection or another non-scalar. Kubernetes keys are strings.' },
      {
        code: 'yaml/resource-exhaustion',
        meaning: 'Aliases expand into too many nodes (a "billion laughs" document). Expand fewer aliases.',
      },
      { code: 'yaml/tab-as-indent', meaning: 'A tab used for indentation: YAML allows only spaces there. Replace it with spaces.' },
      { code: 'yaml/tag-resolve-failed', meaning: 'A value does not fit the tag written on it; it is kept as a string.' },
      {
        code: 'yaml/text-after-value',
        meaning:
          'A value starts as a flow mapping (`{`), a flow list (`[`) or a quoted string and goes on after it ends, as in ' +
          '`image: {user}/app`: YAML reads the first part as the whole value. Quote the whole value.',
      },
      { code: 'yaml/unclosed-bracket', meaning: 'A `[` or `{` that is never closed. Close it, or remove it.' },
      { code: 'yaml/unexpected-token', meaning: 'Something the parser did not expect at this place.' },
      {
        code: 'yaml/unknown-alias',
        meaning: 'An alias `*name` with no anchor `&name` before it in the same document. Define the anchor first.',
      },
      {
        code: 'yaml/unterminated-string',
        meaning: 'A quoted string without its closing quote. Close it on the same line, or escape the quote.',
      },
    ],
  },
  {
    title: 'Schema',
    intro:
      "Reported in Kubernetes manifests, against the schema of each document's kind: the built-in schemas generated from the " +
      "Kubernetes and operator OpenAPI documents, the user's CRD files, or a schema file named by a setting or a modeline.",
    codes: [
      {
        code: 'schema/invalid-value',
        meaning: 'A value the schema does not allow: not one of its values, out of range, not matching its pattern or form.',
      },
      { code: 'schema/missing-field', meaning: 'A field the schema requires is missing or has no value.' },
      {
        code: 'schema/removed-api-version',
        meaning:
          'The kind is written in an apiVersion Kubernetes no longer serves (`extensions/v1beta1` Deployment, `batch/v1beta1` ' +
          'CronJob…): every supported cluster refuses it. Use the apiVersion the message names; the quick fix changes it.',
      },
      {
        code: 'schema/unknown-field',
        meaning: 'A field the schema does not have; the API server drops or rejects it. Usually a typo: a fix offers the near name.',
      },
      {
        code: 'schema/unknown-kind',
        meaning: 'An apiVersion and kind no schema describes: only syntax is checked. Add the CRD file, or fix the kind.',
      },
      {
        code: 'schema/unusable-schema',
        meaning: 'A schema file named by a setting or modeline cannot be read or compiled. Fix the path or the schema.',
      },
      {
        code: 'schema/wrong-type',
        meaning: "A value of another type than the schema's (a number where a string is wanted…). A fix quotes it where that helps.",
      },
    ],
  },
  {
    title: 'Protobuf text format syntax',
    intro: "Reported in every `.pbtxt` file, in the words of protobuf's own text format parser where it has them.",
    codes: [
      {
        code: 'pbtxt/bad-escape',
        meaning: 'An escape sequence in a string that protobuf does not read (`\\q`, `\\x` without hex digits…).',
      },
      { code: 'pbtxt/bad-field-name', meaning: 'A field name that is not an identifier. Field names are letters, digits and `_`.' },
      { code: 'pbtxt/bad-number', meaning: 'A number protobuf cannot read (`1e`, `0x`, `08`…).' },
      { code: 'pbtxt/extra-brace', meaning: 'A closing `}` or `>` without its opening. Remove it.' },
      { code: 'pbtxt/mismatched-brace', meaning: 'A message opened with `{` closed with `>`, or the other way round.' },
      { code: 'pbtxt/missing-colon', meaning: 'A scalar field without the colon between its name and value: `name: "x"`.' },
      { code: 'pbtxt/missing-value', meaning: 'A field name with no value after it.' },
      { code: 'pbtxt/slash-comment', meaning: 'A `//` comment: text format comments start with `#`.' },
      { code: 'pbtxt/too-deep', meaning: "Messages nested deeper than protobuf's parser allows." },
      { code: 'pbtxt/unclosed-brace', meaning: 'A message opened with `{` or `<` that is never closed.' },
      { code: 'pbtxt/unclosed-bracket', meaning: 'A list opened with `[` that is never closed.' },
      {
        code: 'pbtxt/unexpected-token',
        meaning: 'Something the parser did not expect here: a trailing comma, a missing comma between list values, a stray token.',
      },
      { code: 'pbtxt/unterminated-string', meaning: 'A string without its closing quote on the same line.' },
    ],
  },
  {
    title: 'Triton config structure',
    intro:
      "Reported in Triton model configs, against the message types of Triton's model_config.proto: what protobuf refuses " +
      'before Triton reads the config. The load-time checks of Triton itself have their own pages.',
    codes: [
      { code: 'triton/duplicate-field', meaning: 'A field that is not repeated is written twice; protobuf refuses the config.' },
      { code: 'triton/expected-message', meaning: 'A scalar value where the field is a message: write `field { … }`.' },
      { code: 'triton/not-repeated', meaning: 'A list of values for a field that takes one value.' },
      { code: 'triton/oneof-conflict', meaning: 'Two fields of the same oneof are set; only one of them may be.' },
      { code: 'triton/unknown-enum-value', meaning: "An enum value the field's enum does not have. A fix offers the near name." },
      { code: 'triton/unknown-field', meaning: 'A field the message type does not have. A fix offers the near name.' },
      { code: 'triton/wrong-type', meaning: "A value of another type than the field's (a string for a number, a message for a scalar…)." },
    ],
  },
];

/** Every listed code, for lookups. */
const LISTED = new Set(SYNTAX_CODE_GROUPS.flatMap((group) => group.codes.map((entry) => entry.code)));

/**
 * The anchor of a code's heading on the page, as GitHub and VS Code's Markdown preview make it
 * (punctuation dropped): `yaml/duplicate-key` → `yamlduplicate-key`.
 */
export const syntaxAnchor = (code: string) => code.replace(/\//g, '');

/** The link of a syntax or schema finding to its entry on the page, when its code is listed. */
export function syntaxHref(code: string, docsBase: string | undefined): string | undefined {
  return docsBase && LISTED.has(code) ? `${docsBase}${SYNTAX_PAGE}#${syntaxAnchor(code)}` : undefined;
}
