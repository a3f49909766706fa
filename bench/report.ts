// Turns scenario results into the printed side-by-side tables and the PASS/FAIL target checks.
import type { ServerResult } from './scenario';
import type { Workload } from './workload';

export interface SizeResult {
  docs: number;
  lines: number;
  bytes: number;
  ours: ServerResult;
  theirs: ServerResult;
  /** First diagnostics when the file opens the moment the server is up (no idle time first). */
  oursAtOnce?: ServerResult;
  theirsAtOnce?: ServerResult;
}

export interface TargetCheck {
  target: string;
  pass: boolean;
  detail: string;
}

export function ms(value: number | undefined): string {
  if (value === undefined) return '–';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

function mb(value: number | undefined): string {
  return value === undefined ? '–' : `${value.toFixed(0)} MB`;
}

/** theirs / ours: above 1 means ours is better. */
function ratio(ours: number | undefined, theirs: number | undefined, better: string): string {
  if (ours === undefined || theirs === undefined || ours <= 0) return '–';
  const r = theirs / ours;
  return r >= 1 ? `${r.toFixed(1)}× ${better}` : `${r.toFixed(1)}× (${better === 'faster' ? 'slower' : 'larger'})`;
}

function completion(result: ServerResult): string {
  if (result.completionMs === null) return result.error ? '–' : 'n/a (no completion yet)';
  return `${ms(result.completionMedianMs)} / ${ms(result.completionP95Ms)} (${result.completionItems ?? 0} items)`;
}

export function describeWorkload(w: Workload): string {
  const docs = w.docs === 1 ? '1 document' : `${w.docs} documents`;
  return (
    `${docs}: ${w.lines.toLocaleString('en-US')} lines, ${w.bytes < 1e5 ? `${(w.bytes / 1e3).toFixed(1)} kB` : `${(w.bytes / 1e6).toFixed(2)} MB`}; ` +
    `edits and completion in document ${w.middle + 1}`
  );
}

export function table(size: SizeResult, heading: string): string {
  const { ours, theirs } = size;
  const rows: string[][] = [
    ['', 'mlinfra', 'yaml-language-server', 'ratio (theirs/ours)'],
    ['server start → initialize answered', ms(ours.startMs), ms(theirs.startMs), ratio(ours.startMs, theirs.startMs, 'faster')],
    [
      'first diagnostics',
      ms(ours.firstDiagnosticsMs),
      ms(theirs.firstDiagnosticsMs),
      ratio(ours.firstDiagnosticsMs, theirs.firstDiagnosticsMs, 'faster'),
    ],
    ...(size.oursAtOnce && size.theirsAtOnce
      ? [
          [
            'first diagnostics, opened at start-up',
            ms(size.oursAtOnce.firstDiagnosticsMs),
            ms(size.theirsAtOnce.firstDiagnosticsMs),
            ratio(size.oursAtOnce.firstDiagnosticsMs, size.theirsAtOnce.firstDiagnosticsMs, 'faster'),
          ],
        ]
      : []),
    ['edit → diagnostics, median', ms(ours.editMedianMs), ms(theirs.editMedianMs), ratio(ours.editMedianMs, theirs.editMedianMs, 'faster')],
    ['completion, median / p95', completion(ours), completion(theirs), ratio(ours.completionMedianMs, theirs.completionMedianMs, 'faster')],
    ['peak RSS (VmHWM)', mb(ours.peakRssMb), mb(theirs.peakRssMb), ratio(ours.peakRssMb, theirs.peakRssMb, 'smaller')],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column])).join('   ')}`.trimEnd());
  lines.splice(1, 0, `  ${widths.map((w) => '─'.repeat(w)).join('   ')}`);
  const notes = [ours, theirs, size.oursAtOnce, size.theirsAtOnce].flatMap((r) =>
    !r ? [] : [...r.warnings.map((w) => `  WARNING ${r.server}: ${w}`), ...(r.error ? [`  ERROR ${r.server}: ${r.error}`] : [])],
  );
  return [heading, ...lines, ...notes].join('\n');
}

export function checkTargets(sizes: SizeResult[]): TargetCheck[] {
  const big = sizes.find((s) => s.docs === 500);
  if (!big) return [];
  const { ours, theirs } = big;
  const speedup = (a?: number, b?: number) => (a !== undefined && b !== undefined && a > 0 ? b / a : undefined);
  const edit = speedup(ours.editMedianMs, theirs.editMedianMs);
  const first = speedup(ours.firstDiagnosticsMs, theirs.firstDiagnosticsMs);
  const atOnce = speedup(big.oursAtOnce?.firstDiagnosticsMs, big.theirsAtOnce?.firstDiagnosticsMs);
  const rss = speedup(ours.peakRssMb, theirs.peakRssMb);
  const x = (r?: number) => (r === undefined ? 'not measured' : `${r.toFixed(1)}×`);
  return [
    {
      target: 'edit → diagnostics, 500 documents, one changed: ≥ 10× faster than yaml-language-server',
      pass: edit !== undefined && edit >= 10,
      detail: `${ms(ours.editMedianMs)} vs ${ms(theirs.editMedianMs)}: ${x(edit)}`,
    },
    {
      target: 'first diagnostics, 500 documents: ≥ 5× faster than yaml-language-server',
      pass: first !== undefined && first >= 5,
      detail: `${ms(ours.firstDiagnosticsMs)} vs ${ms(theirs.firstDiagnosticsMs)}: ${x(first)}`,
    },
    {
      target: 'first diagnostics, 500 documents opened at start-up: ≥ 6× faster than yaml-language-server',
      pass: atOnce !== undefined && atOnce >= 6,
      detail: `${ms(big.oursAtOnce?.firstDiagnosticsMs)} vs ${ms(big.theirsAtOnce?.firstDiagnosticsMs)}: ${x(atOnce)}`,
    },
    {
      target: 'server start → initialize answered: < 150 ms',
      pass: ours.startMs !== undefined && ours.startMs < 150,
      detail: `${ms(ours.startMs)} (median of ${ours.startSamples?.length ?? 0} processes; yaml-language-server ${ms(theirs.startMs)})`,
    },
    {
      target: 'completion median, 500 documents: < 5 ms',
      pass: ours.completionMedianMs !== undefined && ours.completionMedianMs < 5,
      detail: ours.completionMs === null ? 'n/a (no completion yet)' : `${ms(ours.completionMedianMs)} (p95 ${ms(ours.completionP95Ms)})`,
    },
    {
      target: "peak RSS, 500 documents: ≤ ½ of yaml-language-server's",
      pass: rss !== undefined && rss >= 2,
      detail: `${mb(ours.peakRssMb)} vs ${mb(theirs.peakRssMb)}: ${rss === undefined ? 'not measured' : `${rss.toFixed(1)}× smaller`}`,
    },
  ];
}

export function targetsText(checks: TargetCheck[]): string {
  if (checks.length === 0) return 'targets: not checked (the 500-document file was not run)';
  return ['targets (500-document file):', ...checks.map((c) => `  ${c.pass ? 'PASS' : 'FAIL'}  ${c.target} — ${c.detail}`)].join('\n');
}
