// A rule's documentation page (docs/rules/<id>.md), rendered from its metadata so that the page
// and the rule cannot drift apart: a meta test compares the files with this rendering.
import type { Rule } from './rule';

/** The example without the annotation lines, which show the finding under its span. */
function exampleText(source: string): string {
  return source.trimEnd();
}

export function renderRuleDoc(rule: Rule): string {
  return `# ${rule.id}

${rule.description}

Default severity: **${rule.severity}**. Change it with the \`mlinfra.rules\` setting
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
