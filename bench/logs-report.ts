// The logs bench's figures, table and PASS/FAIL checks: the longest event-loop stall of the process
// that runs the session and the view's host side, the lag from a line's timestamp to its batch, the
// batches per second, the memory over time, and whether every line came exactly once.

export interface LogsResult {
  pods: number;
  linesPerSecond: number;
  seconds: number;
  expectedLines: number;
  receivedLines: number;
  /** Containers whose numbered lines came exactly once each, in order. */
  exactContainers: number;
  stallMaxMs: number;
  stallP99Ms: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  batches: number;
  maxBatchesPerSecond: number;
  /** The longest time the view's host side spent on one batch (buffer and message). */
  consumerMaxMs: number;
  rssMb: Array<{ second: number; mb: number }>;
  /** The heap in use right after each full garbage collection. */
  heapAfterGc: Array<{ second: number; mb: number }>;
  durationS: number;
  /** This process's CPU time over the run, in percent of one core. */
  cpuPercent: number;
  /** The longest garbage-collection pause, and all of them together. */
  gcMaxMs: number;
  gcTotalMs: number;
  /** Each stall beyond 50 ms: when (seconds into the run) and how long. */
  longStalls: Array<{ second: number; ms: number }>;
  error?: string;
}

export interface LogsCheck {
  target: string;
  pass: boolean;
  detail: string;
}

/**
 * How much more heap the process holds after its full collections in the second half of the run than in
 * the first (after 10 s of start-up): what a leak would raise. RSS follows the collector's sawtooth.
 */
export function heapGrowth(result: LogsResult): number {
  const end = result.durationS;
  const after = (from: number, to: number) =>
    Math.max(0, ...result.heapAfterGc.filter((s) => s.second > from && s.second <= to).map((s) => s.mb));
  const first = after(10, end / 2);
  return first > 0 ? (after(end / 2, end) - first) / first : 0;
}

export function checkLogsTargets(result: LogsResult): LogsCheck[] {
  const growth = heapGrowth(result);
  return [
    {
      target: 'every line exactly once, in order per container',
      pass: !result.error && result.exactContainers === result.pods && result.receivedLines === result.expectedLines,
      detail: `${result.receivedLines.toLocaleString('en-US')} of ${result.expectedLines.toLocaleString('en-US')} lines; ${result.exactContainers}/${result.pods} containers exact`,
    },
    {
      target: 'longest event-loop stall < 50 ms',
      pass: result.stallMaxMs < 50,
      detail: `${result.stallMaxMs.toFixed(1)} ms (p99 ${result.stallP99Ms.toFixed(1)} ms)`,
    },
    {
      target: 'lag from a line to its batch < 1 s',
      pass: result.lagP99Ms < 1000,
      detail: `p50 ${result.lagP50Ms.toFixed(0)} ms, p99 ${result.lagP99Ms.toFixed(0)} ms, max ${result.lagMaxMs.toFixed(0)} ms`,
    },
    {
      target: 'at most 4 batches a second',
      pass: result.maxBatchesPerSecond <= 4,
      detail: `${result.maxBatchesPerSecond} at most, ${result.batches} in all`,
    },
    {
      target: 'memory flat (heap after full collections, second half within 10 % of the first)',
      pass: result.heapAfterGc.length >= 2 && growth < 0.1,
      detail: `${(growth * 100).toFixed(1)} % (${result.heapAfterGc.map((s) => `${s.mb.toFixed(0)} MB at ${s.second} s`).join(', ') || 'no full collection'})`,
    },
  ];
}

export function logsTable(result: LogsResult): string {
  const rss = result.rssMb.map((s) => `${s.second}s ${s.mb.toFixed(0)}`).join(', ');
  return [
    `Logs: ${result.pods} pods writing ${result.linesPerSecond.toLocaleString('en-US')} lines/s in total for ${result.seconds} s ` +
      `(a LogSession and the view's host side in one process; the local API server in another)`,
    `  lines received          ${result.receivedLines.toLocaleString('en-US')} / ${result.expectedLines.toLocaleString('en-US')} in ${result.durationS.toFixed(0)} s`,
    `  event-loop stall        max ${result.stallMaxMs.toFixed(1)} ms, p99 ${result.stallP99Ms.toFixed(1)} ms; beyond 50 ms: ` +
      (result.longStalls.map((s) => `${s.ms} ms at ${s.second} s`).join(', ') || 'none'),
    `  lag line → batch       p50 ${result.lagP50Ms.toFixed(0)} ms, p99 ${result.lagP99Ms.toFixed(0)} ms, max ${result.lagMaxMs.toFixed(0)} ms`,
    `  batches                 ${result.batches} (at most ${result.maxBatchesPerSecond} in a second); host side per batch at most ${result.consumerMaxMs.toFixed(1)} ms`,
    `  CPU of this process     ${result.cpuPercent.toFixed(0)} % of one core; garbage collection ${result.gcTotalMs.toFixed(0)} ms ` +
      `in all, its longest pause ${result.gcMaxMs.toFixed(1)} ms`,
    `  RSS (MB)                ${rss}`,
    ...(result.error ? [`  ERROR ${result.error}`] : []),
  ].join('\n');
}

export function logsTargetsText(checks: LogsCheck[]): string {
  return ['targets (logs):', ...checks.map((c) => `  ${c.pass ? 'PASS' : 'FAIL'}  ${c.target} — ${c.detail}`)].join('\n');
}
