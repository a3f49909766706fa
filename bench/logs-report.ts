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
 * How much the RSS peak of the last third of the run exceeds the middle third's. The garbage collector
 * lets memory climb and then frees it, so peaks are compared, not samples: a leak raises every peak.
 */
export function rssGrowth(result: LogsResult): number {
  const series = result.rssMb;
  const end = series.length ? series[series.length - 1].second : 0;
  const peak = (from: number, to: number) => Math.max(0, ...series.filter((s) => s.second > from && s.second <= to).map((s) => s.mb));
  const middle = peak(end / 3, (2 * end) / 3);
  return middle > 0 ? (peak((2 * end) / 3, end) - middle) / middle : 0;
}

export function checkLogsTargets(result: LogsResult): LogsCheck[] {
  const growth = rssGrowth(result);
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
      target: 'memory flat (RSS peak of the last third within 10 % of the middle third)',
      pass: growth < 0.1,
      detail: `${(growth * 100).toFixed(1)} %`,
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
