// Comments that silence rules and Triton checks where a user decided a finding does not apply
// (`#` starts a comment in YAML and in a config.pbtxt alike):
// `# mlinfra-disable-next-line <id>[, <id>…]` for the next line that is not a comment, and
// `# mlinfra-disable <id>[, <id>…]` for the whole file. Without ids, every rule.
const DIRECTIVE = /#\s*mlinfra-(disable-next-line|disable)\b([^\n#]*)/g;

export interface Suppressions {
  /** Whether a finding of `id` starting on `line` (0-based, in the scanned text) is silenced. */
  silenced(id: string, line: number): boolean;
}

function ids(list: string): string[] | 'all' {
  const found = list.split(/[\s,]+/).filter(Boolean);
  return found.length ? found : 'all';
}

const matches = (rule: string[] | 'all', id: string) => rule === 'all' || rule.includes(id);

export function readSuppressions(text: string): Suppressions {
  if (!text.includes('mlinfra-disable')) return { silenced: () => false };
  const lines = text.split(/\r?\n/);
  const file: (string[] | 'all')[] = [];
  const byLine = new Map<number, (string[] | 'all')[]>();
  lines.forEach((line, index) => {
    for (const match of line.matchAll(DIRECTIVE)) {
      const rules = ids(match[2]);
      if (match[1] === 'disable') {
        file.push(rules);
        continue;
      }
      let target = index + 1;
      while (target < lines.length && /^\s*(#.*)?$/.test(lines[target])) target++;
      byLine.set(target, [...(byLine.get(target) ?? []), rules]);
    }
  });
  return {
    silenced: (id, line) => file.some((rules) => matches(rules, id)) || (byLine.get(line) ?? []).some((rules) => matches(rules, id)),
  };
}
