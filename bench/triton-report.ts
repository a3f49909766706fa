// Turns the Triton scenario results into the printed table and the PASS/FAIL checks against
// absolute targets (no other language server checks Triton configs to compare with).
import { ms, type TargetCheck } from './report';
import type { TritonResult } from './triton-scenario';
import type { TritonWorkload } from './triton-workload';

export interface TritonSection {
  large: TritonResult;
  ensemble: TritonResult;
}

/** The targets, for a 2-core CI machine; bench/README.md says how they were chosen. */
export const TRITON_TARGETS = {
  largeFirstMs: 500,
  ensembleFirstMs: 300,
  editMedianMs: 150,
  completionP95Ms: 50,
  formattingMedianMs: 200,
  peakRssMb: 300,
};

const size = (r: TritonResult) =>
  `${r.lines.toLocaleString('en-US')} lines, ${r.bytes < 1e6 ? `${(r.bytes / 1e3).toFixed(0)} kB` : `${(r.bytes / 1e6).toFixed(2)} MB`}`;
const mb = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(0)} MB`);

export function describeTritonWorkload(w: TritonWorkload, iterations: string): string {
  return [
    `Triton model repository (mlinfra alone, absolute targets): ${w.models} models (ONNX, TensorRT, Python; ` +
      `1/ and an empty model file each),`,
    `an ensemble of ${w.steps} chained steps, one config with ${w.tensors.toLocaleString('en-US')} inputs ` +
      `and outputs; per config a fresh process with the repository as workspace folder, ${iterations}`,
  ].join('\n');
}

export function tritonTable(section: TritonSection, heading: string): string {
  const { large, ensemble } = section;
  const completion = (r: TritonResult) =>
    r.completionMs ? `${ms(r.completionMedianMs)} / ${ms(r.completionP95Ms)} (${r.completionItems ?? 0} items)` : '–';
  const formatting = (r: TritonResult) =>
    r.formattingMs
      ? `${ms(r.formattingMedianMs)} (${r.formattingEdits ?? 0} edit, ${((r.formattingChars ?? 0) / 1e6).toFixed(2)} M chars)`
      : '–';
  const rows: string[][] = [
    ['', `large config (${size(large)})`, `ensemble (${size(ensemble)})`],
    ['first diagnostics', ms(large.firstDiagnosticsMs), ms(ensemble.firstDiagnosticsMs)],
    ['edit → diagnostics, median', ms(large.editMedianMs), ms(ensemble.editMedianMs)],
    ['completion, median / p95', completion(large), completion(ensemble)],
    ['formatting, median', formatting(large), formatting(ensemble)],
    ['peak RSS (VmHWM)', mb(large.peakRssMb), mb(ensemble.peakRssMb)],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column])).join('   ')}`.trimEnd());
  lines.splice(1, 0, `  ${widths.map((w) => '─'.repeat(w)).join('   ')}`);
  const notes = [large, ensemble].flatMap((r) => [
    ...r.warnings.map((w) => `  WARNING mlinfra, ${r.file}: ${w}`),
    ...(r.error ? [`  ERROR mlinfra, ${r.file}: ${r.error}`] : []),
  ]);
  return [heading, ...lines, ...notes].join('\n');
}

function below(target: string, value: number | undefined, limit: number, detail = ms(value)): TargetCheck {
  return { target, pass: value !== undefined && value < limit, detail: value === undefined ? 'not measured' : detail };
}

export function checkTritonTargets({ large, ensemble }: TritonSection): TargetCheck[] {
  const t = TRITON_TARGETS;
  const measured = [large.peakRssMb, ensemble.peakRssMb].filter((v): v is number => v !== undefined);
  const rss = measured.length ? Math.max(...measured) : undefined;
  return [
    below(`first diagnostics, large config: < ${t.largeFirstMs} ms`, large.firstDiagnosticsMs, t.largeFirstMs),
    below(
      `first diagnostics, ensemble (reads its steps' configs): < ${t.ensembleFirstMs} ms`,
      ensemble.firstDiagnosticsMs,
      t.ensembleFirstMs,
    ),
    below(`edit → diagnostics median, large config: < ${t.editMedianMs} ms`, large.editMedianMs, t.editMedianMs),
    below(`edit → diagnostics median, ensemble: < ${t.editMedianMs} ms`, ensemble.editMedianMs, t.editMedianMs),
    below(
      `completion p95, large config: < ${t.completionP95Ms} ms`,
      large.completionP95Ms,
      t.completionP95Ms,
      `${ms(large.completionP95Ms)} (median ${ms(large.completionMedianMs)})`,
    ),
    below(`formatting median, large config: < ${t.formattingMedianMs} ms`, large.formattingMedianMs, t.formattingMedianMs),
    below(`peak RSS, either Triton scenario: < ${t.peakRssMb} MB`, rss, t.peakRssMb, mb(rss)),
  ];
}

export function tritonTargetsText(checks: TargetCheck[]): string {
  return ['targets (Triton, absolute):', ...checks.map((c) => `  ${c.pass ? 'PASS' : 'FAIL'}  ${c.target} — ${c.detail}`)].join('\n');
}
