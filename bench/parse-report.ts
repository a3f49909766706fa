// Prints the parse-only benchmark: per file, the median whole-file parse by each parser and their ratio.
import type { ParseSizeResult } from './parse-scenario';
import { ms } from './report';

/** library / fast: above 1 means the fast parser is faster. */
function ratioText(ratio: number): string {
  return ratio >= 1 ? `${ratio.toFixed(1)}× faster` : `${ratio.toFixed(1)}× (slower)`;
}

export function parseTable(sizes: ParseSizeResult[], parses: number): string {
  const rows: string[][] = [['file', 'fast parser', 'yaml library', 'ratio (library/fast)']];
  for (const size of sizes) {
    const ratio =
      size.fastMedianMs !== undefined && size.libraryMedianMs !== undefined && size.fastMedianMs > 0
        ? ratioText(size.libraryMedianMs / size.fastMedianMs)
        : '–';
    const kb = size.bytes < 1e5 ? `${(size.bytes / 1e3).toFixed(1)} kB` : `${(size.bytes / 1e6).toFixed(2)} MB`;
    const label = `${size.docs === 1 ? '1 document' : `${size.docs} documents`} (${size.lines.toLocaleString('en-US')} lines, ${kb})`;
    rows.push([label, ms(size.fastMedianMs), ms(size.libraryMedianMs), ratio]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column])).join('   ')}`.trimEnd());
  lines.splice(1, 0, `  ${widths.map((w) => '─'.repeat(w)).join('   ')}`);
  const notes = sizes.flatMap((size) => size.warnings.map((w) => `  WARNING ${size.docs} documents: ${w}`));
  const heading =
    `Parse only: the fast parser vs the yaml library alone (mlinfra.yaml.libraryParser); parseYamlFile on the whole file, ` +
    `no previous parse,\nmedian of ${parses} parses each, alternating, in a process with the server's Node options`;
  return [heading, ...lines, ...notes].join('\n');
}
