// The pages of docs/rules/: a rule's or a Triton check's page (<id>.md), rendered from its
// metadata, and the page of the syntax and schema codes, rendered from their list, so that the
// pages and the code cannot drift apart: meta tests compare the files with these renderings.
import { WORKLOAD_KINDS } from '../workloads/index';
import { SYNTAX_CODE_GROUPS } from '../syntax-codes';
import type { TritonCheck } from '../triton/checks/check';
import type { Rule } from './rule';

/** The example without the annotation lines, which show the finding under its span. */
function exampleText(source: string): string {
  return source.trimEnd();
}

const kindName = (groupKind: string) => {
  const slash = groupKind.indexOf('/');
  return `${groupKind.slice(slash + 1)} (${groupKind.slice(0, slash) || 'core'})`;
};

const listed = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]);

/** Which workloads the rule checks, for the page: `Checks PyTorchJob (kubeflow.org) and TFJob (kubeflow.org).` */
function checkedKinds(rule: Rule): string {
  if (!rule.kinds) return 'Checks every workload kind.';
  // Most kinds: named by the ones left out, which is what a reader wants to know.
  const left = WORKLOAD_KINDS.filter((groupKind) => !rule.kinds!.includes(groupKind));
  if (left.length < rule.kinds.length) return `Checks every workload kind but ${listed(left.map(kindName))}.`;
  return `Checks ${listed(rule.kinds.map(kindName))}.`;
}

/** What a rule's and a Triton check's pages have in common. */
interface Page {
  id: string;
  severity: string;
  description: string;
  /** What the rule or check looks at, a sentence or more. */
  scope: string;
  why: string;
  fix: string;
  source: string;
  /** The examples' language for the code fences, and the examples themselves. */
  language: 'yaml' | 'pbtxt';
  invalid: string;
  valid: string;
}

function renderPage(page: Page): string {
  return `# ${page.id}

${page.description}

${page.scope} Default severity: **${page.severity}**. Change it with the \`mlinfra.rules\` setting
(\`{ "${page.id}": "off" }\`), or silence one finding with \`# mlinfra-disable-next-line ${page.id}\`.

## Why

${page.why}

## How to fix

${page.fix}

## Reported

\`\`\`${page.language}
${exampleText(page.invalid)}
\`\`\`

## Not reported

\`\`\`${page.language}
${exampleText(page.valid)}
\`\`\`

## Source

${page.source}
`;
}

export function renderRuleDoc(rule: Rule): string {
  return renderPage({ ...rule, ...rule.docs, scope: checkedKinds(rule), language: 'yaml' });
}

/** Where a check's examples are, and the other files of the repository that they need. */
function checkScope(check: TritonCheck): string {
  const where = `Checks Triton model configs; the examples are \`models/${check.docs.folder ?? 'model'}/config.pbtxt\``;
  const files = Object.keys(check.docs.repository ?? {});
  if (!files.length) return `${where}.`;
  return `${where} in a model repository that also holds ${listed(files.map((file) => `\`models/${file}\``))}.`;
}

/** The configs of the other models in a check's example repository, shown after its examples. */
function repositoryConfigs(check: TritonCheck): string {
  const configs = Object.entries(check.docs.repository ?? {}).filter(([path, text]) => path.endsWith('.pbtxt') && text.trim());
  return configs.map(([path, text]) => `\n### models/${path}\n\n\`\`\`pbtxt\n${text.trim()}\n\`\`\`\n`).join('');
}

export function renderCheckDoc(check: TritonCheck): string {
  const page = renderPage({ ...check, ...check.docs, scope: checkScope(check), language: 'pbtxt' });
  const others = repositoryConfigs(check);
  if (!others) return page;
  // The other models' configs belong before the source: they are part of the examples.
  const source = page.lastIndexOf('\n## Source\n');
  return `${page.slice(0, source)}\n## The other models${others}${page.slice(source)}`;
}

/** The page of the codes that are not rules: syntax, schema and structure (docs/rules/syntax-and-schema.md). */
export function renderSyntaxDoc(): string {
  const groups = SYNTAX_CODE_GROUPS.map((group) => {
    const codes = group.codes.map((entry) => `### ${entry.code}\n\n${entry.meaning}\n`).join('\n');
    return `## ${group.title}\n\n${group.intro}\n\n${codes}`;
  });
  return `# Syntax and schema findings

What mlinfra reports before any rule or Triton check runs: a file that does not parse, or does not fit its schema.
These findings always show; the \`mlinfra.rules\` setting and \`# mlinfra-disable\` comments do not apply to them.
Each finding links to its entry here.

${groups.join('\n')}`;
}
