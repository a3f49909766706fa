// One measured scenario: a fresh server process, one file; first diagnostics, edit -> diagnostics,
// completion latency and peak RSS, with sanity checks that both servers really validate the file.
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { dirname } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspSession, messageText, type Publication, type ServerSpec } from './lsp-session';
import type { Position, Workload } from './workload';

export const EDITS = 10;
export const COMPLETIONS = 30;
export const TIMEOUT_MS = 60_000;
/**
 * Fresh processes per server whose first diagnostics are measured: one cold run is one sample of
 * a noisy quantity (a shared 2-core VM varies ±25 % from run to run), so the row is their median.
 */
export const COLD_SAMPLES = 3;
/**
 * Idle time both servers get between start-up and the file opening, as in an editor where the
 * server starts before the user opens a file. A scenario with `openAtOnce` skips it.
 */
export const SETTLE_MS = 300;

export interface ServerResult {
  server: string;
  serverVersion?: string;
  /** Process spawned → `initialize` answered. */
  startMs?: number;
  /** Each fresh process's start, first diagnostics run included; `startMs` is their median. */
  startSamples?: number[];
  firstDiagnosticsMs?: number;
  /** Each fresh process's first diagnostics; `firstDiagnosticsMs` is their median. */
  firstDiagnosticsSamples?: number[];
  editMs: number[];
  editMedianMs?: number;
  /** null: the server announces no completionProvider. */
  completionMs: number[] | null;
  completionMedianMs?: number;
  completionP95Ms?: number;
  completionItems?: number;
  peakRssMb?: number;
  /** Sanity checks: diagnostics on the valid file, and on `replicas: "three"` (first one quoted). */
  validFileDiagnostics?: number;
  invalidEditDiagnostics?: number;
  invalidEditFirst?: string;
  publications?: number;
  expectedPublications?: number;
  warnings: string[];
  error?: string;
}

/** The q-quantile with linear interpolation between neighbours (numpy's default); q = 0.5 is the median. */
export function quantile(samples: number[], q: number): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

function brief(diagnostics: Diagnostic[]): string {
  return diagnostics
    .slice(0, 3)
    .map((d) => `line ${d.range.start.line + 1}: ${messageText(d).split('\n')[0]}`)
    .join(' | ');
}

/**
 * Runs the scenario and always kills the server. Errors (crash, timeout) are recorded in `error`
 * with whatever was measured before them.
 */
/** `openAtOnce`: no idle time before the file opens; `firstOnly`: stop after the first diagnostics. */
export async function runScenario(
  spec: ServerSpec,
  workload: Workload,
  options: { openAtOnce?: boolean; firstOnly?: boolean } = {},
): Promise<ServerResult> {
  const result: ServerResult = { server: spec.name, editMs: [], completionMs: null, warnings: [] };
  const session = LspSession.start(spec);
  let version = 1;
  let changes = 0;
  const { uri } = workload;

  /** Sends one edit and resolves with the publication for it (see README: how a publication is matched to a version). */
  async function edit(range: { start: Position; end: Position }, text: string, what: string): Promise<{ ms: number; p: Publication }> {
    const from = session.publications.length;
    const v = ++version;
    changes++;
    const sent = performance.now();
    await session.change(uri, v, [{ range, text }]);
    const p = await session.publication(uri, from, (q) => q.version === undefined || q.version >= v, TIMEOUT_MS, `${what} (version ${v})`);
    return { ms: p.at - sent, p };
  }

  try {
    const init = await session.initialize(pathToFileURL(dirname(workload.path)).href, TIMEOUT_MS);
    result.startMs = (session.initializeAnsweredAt ?? NaN) - session.startedAt;
    result.serverVersion = init.serverInfo?.version;
    if (spec.configuration) {
      // yaml-language-server pulls its settings on `initialized` and again on every didChangeConfiguration
      // (it ignores the pushed value). Open the file only once both pulls are answered and applied, so no
      // re-validation triggered by a settings change can overlap the measurements.
      await session.notify('workspace/didChangeConfiguration', { settings: { yaml: spec.configuration.yaml } });
      await session.configurationPulled(2, TIMEOUT_MS);
    }
    if (!options.openAtOnce) await sleep(SETTLE_MS);

    const from = session.publications.length;
    const opened = performance.now();
    await session.open(uri, workload.text, 1);
    const first = await session.publication(uri, from, (p) => p.version === undefined || p.version >= 1, TIMEOUT_MS, 'didOpen');
    result.firstDiagnosticsMs = first.at - opened;
    result.validFileDiagnostics = first.diagnostics.length;
    if (first.diagnostics.length > 0) {
      result.warnings.push(`${first.diagnostics.length} diagnostic(s) on the valid file (schema mismatch?): ${brief(first.diagnostics)}`);
    }
    if (options.openAtOnce || options.firstOnly) return result;

    // An invalid value must be reported, else the server is not validating against the schema at all.
    const { line, character } = workload.replicas;
    const three = { start: { line, character }, end: { line, character: character + 1 } };
    const invalid = await edit(three, '"three"', 'the invalid edit replicas: "three"');
    result.invalidEditDiagnostics = invalid.p.diagnostics.length;
    result.invalidEditFirst = brief(invalid.p.diagnostics.slice(0, 1)) || undefined;
    if (invalid.p.diagnostics.length === 0) {
      result.warnings.push(
        `no diagnostic for \`replicas: "three"\` in document ${workload.middle + 1}: it does not validate against the schema`,
      );
    }
    await edit({ start: three.start, end: { line, character: character + 7 } }, '3', 'reverting the invalid edit');

    for (let i = 0; i < EDITS; i++) {
      const value = i % 2 === 0 ? '4' : '3';
      result.editMs.push((await edit(three, value, `edit ${i + 1} (replicas: ${value})`)).ms);
    }
    result.editMedianMs = quantile(result.editMs, 0.5);

    if (init.capabilities.completionProvider) {
      const at = workload.limitsEntryEnd;
      await edit({ start: at, end: at }, `\n${workload.limitsIndent}`, 'inserting an empty line under limits:');
      const position = { line: at.line + 1, character: workload.limitsIndent.length };
      result.completionMs = [];
      for (let i = 0; i < COMPLETIONS; i++) {
        const started = performance.now();
        const answer = await session.request<{ items: unknown[] } | unknown[] | null>(
          'textDocument/completion',
          { textDocument: { uri }, position, context: { triggerKind: 1 } },
          TIMEOUT_MS,
        );
        result.completionMs.push(performance.now() - started);
        result.completionItems = Array.isArray(answer) ? answer.length : (answer?.items.length ?? 0);
      }
      result.completionMedianMs = quantile(result.completionMs, 0.5);
      result.completionP95Ms = quantile(result.completionMs, 0.95);
    }

    await sleep(400); // longer than either server's validation delay: late, unexpected publications show up
    result.publications = session.publications.filter((p) => p.uri === uri).length;
    result.expectedPublications = 1 + changes;
    if (result.publications !== result.expectedPublications) {
      result.warnings.push(
        `published diagnostics ${result.publications} times for 1 open + ${changes} edits; latencies may ` +
          `be matched to the wrong publication`,
      );
    }
    const rss = session.peakRssKb();
    if (rss === undefined) result.warnings.push(`could not read VmHWM from /proc/${session.pid}/status (not Linux?)`);
    else result.peakRssMb = rss / 1024;
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    const rss = session.peakRssKb();
    if (rss !== undefined) result.peakRssMb = rss / 1024;
  } finally {
    await session.stop();
  }
  return result;
}
