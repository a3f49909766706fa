// A rule's documentation page (docs/rules/<id>.md), rendered from its metadata so that the page
// and the rule cannot drift apart: a meta test compares the files with this rendering.
import type { Rule } from './rule';

/** The example without the annotation lines, which show the finding under its span. */
function exampleText(source: string): string {
  return source.trimEnd();
}

/** Which workloads the rule checks, for the page: `Checks PyTorchJob and TFJob (kubeflow.org).` */
function checkedKinds(rule: Rule): string {
  if (!rule.kinds) return 'Checks every workload kind.';
  const kinds = rule.kinds.map((groupKind) => {
    const slash = groupKind.indexOf('/');
    return `${groupKind.slice(slash + 1)} (${groupKind.slice(0, slash) || 'core'})`;
  });
  return `Checks ${kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}` : kinds[0]}.`;
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
