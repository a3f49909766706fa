// A rule's documentation page (docs/rules/<id>.md), rendered from its metadata so that the page
// and the rule cannot drift apart: a meta test compares the files with this rendering.
import { WORKLOAD_KINDS } from '../workloads';
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

export function renderRuleDoc(rule: Rule): string {
  return `# ${rule.id}

${rule.description}

${checkedKinds(rule)} Default severity: **${rule.severity}**. Change it with the \`mlinfra.rules\` setting
(\`{ "${rule.id}": "off" }\`), or silence one finding with \`# mlinfra-disable-next-line ${rule.id}\`.

## Why

${rule.docs.why}

## How to fix

${rule.docs.fix}

## Reported

\`\`\`yaml
${exampleText(rule.docs.invalid)}
\`\`\`

## Not reported

\`\`\`yaml
${exampleText(rule.docs.valid)}
\`\`\`

## Source

${rule.docs.source}
`;
}
