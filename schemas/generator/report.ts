// Prints what `npm run schemas` produced: file sizes, the CRD subschemas that became $refs to
// Kubernetes definitions (with each file's size before that), and the enums read from descriptions.

export interface KindReport {
  file: string;
  /** Size in bytes the file would have without $refs and shared definitions (measured with --verbose only). */
  before?: number;
  replaced: { path: string; definition: string }[];
}

interface Report {
  written: Map<string, string>;
  reports: KindReport[];
  enums: Record<string, string[]>;
  verbose: boolean;
  ms: number;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function short(definition: string): string {
  return definition.replace(/^io\.k8s\.(api\.|apimachinery\.pkg\.apis\.)/, '');
}

export function printReport({ written, reports, enums, verbose, ms }: Report): void {
  const before = new Map(reports.filter((r) => r.before !== undefined).map((r) => [r.file, r.before as number]));
  let total = 0;
  let totalBefore = 0;
  const lines: string[] = [];
  for (const [path, text] of written) {
    const bytes = Buffer.byteLength(text);
    total += bytes;
    totalBefore += before.get(path) ?? bytes;
    const was = before.has(path) ? `  (without $refs and sharing: ${kb(before.get(path) as number)})` : '';
    lines.push(`  ${path.padEnd(64)} ${kb(bytes).padStart(11)}${was}`);
  }
  if (verbose) console.log(lines.join('\n'));
  const without = verbose ? ` (${kb(totalBefore)} without $refs and sharing)` : '';
  console.log(`[schemas] ${written.size} files + index.json, ${kb(total)}${without}, in ${ms} ms`);
  if (!verbose) return;

  console.log('\nCRD subschemas replaced by $refs (path in the CRD schema -> definition):');
  for (const report of reports) {
    const byDefinition = new Map<string, string[]>();
    for (const { path, definition } of report.replaced) byDefinition.set(definition, [...(byDefinition.get(definition) ?? []), path]);
    console.log(`  ${report.file}`);
    for (const [definition, paths] of [...byDefinition].sort())
      console.log(`    ${short(definition)} (${paths.length}): ${paths.join(', ')}`);
  }
  console.log('\nEnums read from descriptions:');
  for (const key of Object.keys(enums).sort()) console.log(`  ${short(key).padEnd(64)} ${enums[key].join(', ')}`);
}
