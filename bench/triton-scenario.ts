// The Triton scenarios: a fresh server process with the generated model repository as its
// workspace folder, one config opened; first diagnostics, edit -> diagnostics, and for the large
// config completion and formatting; peak RSS; with sanity checks that the server checks the file.
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { LspSession, messageText, type Publication, type ServerSpec } from './lsp-session';
import { COMPLETIONS, EDITS, quantile, SETTLE_MS, TIMEOUT_MS } from './scenario';
import { modelName, type TritonFile, type TritonWorkload } from './triton-workload';
import type { Position } from './workload';

export const FORMATS = 10;

export interface TritonResult {
  file: 'large config' | 'ensemble';
  lines: number;
  bytes: number;
  firstDiagnosticsMs?: number;
  editMs: number[];
  editMedianMs?: number;
  completionMs?: number[];
  completionMedianMs?: number;
  completionP95Ms?: number;
  completionItems?: number;
  formattingMs?: number[];
  formattingMedianMs?: number;
  /** What the formatting requests answered: edits and characters of new text. */
  formattingEdits?: number;
  formattingChars?: number;
  peakRssMb?: number;
  /** Sanity checks: diagnostics on the valid file, and on the deliberate mistake (first one quoted). */
  validFileDiagnostics?: number;
  invalidEditDiagnostics?: number;
  invalidEditFirst?: string;
  publications?: number;
  expectedPublications?: number;
  warnings: string[];
  error?: string;
}

function brief(diagnostics: Diagnostic[]): string {
  return diagnostics
    .slice(0, 3)
    .map((d) => `line ${d.range.start.line + 1}: ${messageText(d).split('\n')[0]}`)
    .join(' | ');
}

/** One value of the document that the scenario replaces back and forth. */
class Slot {
  constructor(
    readonly at: Position,
    private current: string,
  ) {}

  replace(text: string) {
    const range = { start: this.at, end: { line: this.at.line, character: this.at.character + this.current.length } };
    this.current = text;
    return { range, text };
  }
}

/**
 * Opens `which` file of the repository in a fresh server and measures it; always kills the
 * server. Errors (crash, timeout) are recorded in `error` with whatever was measured before them.
 */
export async function runTritonScenario(spec: ServerSpec, workload: TritonWorkload, which: 'large' | 'ensemble'): Promise<TritonResult> {
  const file: TritonFile = workload[which];
  const result: TritonResult = {
    file: which === 'large' ? 'large config' : 'ensemble',
    lines: file.lines,
    bytes: file.bytes,
    editMs: [],
    warnings: [],
  };
  const session = LspSession.start(spec);
  const { uri } = file;
  let version = 1;
  let changes = 0;

  /** Sends one edit and resolves with the publication for its version. */
  async function edit(
    change: { range: { start: Position; end: Position }; text: string },
    what: string,
  ): Promise<{ ms: number; p: Publication }> {
    const from = session.publications.length;
    const v = ++version;
    changes++;
    const sent = performance.now();
    await session.change(uri, v, [change]);
    const p = await session.publication(uri, from, (q) => q.version === undefined || q.version >= v, TIMEOUT_MS, `${what} (version ${v})`);
    return { ms: p.at - sent, p };
  }

  try {
    await session.initialize(pathToFileURL(workload.root).href, TIMEOUT_MS);
    await sleep(SETTLE_MS);
    const from = session.publications.length;
    const opened = performance.now();
    await session.open(uri, file.text, 1, 'pbtxt');
    const first = await session.publication(uri, from, (p) => p.version === undefined || p.version >= 1, TIMEOUT_MS, 'didOpen');
    result.firstDiagnosticsMs = first.at - opened;
    result.validFileDiagnostics = first.diagnostics.length;
    if (first.diagnostics.length > 0)
      result.warnings.push(`${first.diagnostics.length} diagnostic(s) on the generated ${result.file}: ${brief(first.diagnostics)}`);

    // A deliberate mistake must be reported, else the server is not checking what the bench times.
    const large = workload.large;
    const ensemble = workload.ensemble;
    const missing = modelName(10 * workload.models + 1);
    const mistake =
      which === 'large'
        ? {
            slot: new Slot(large.dataType, 'TYPE_FP32'),
            text: 'TYPE_FP23',
            valid: 'TYPE_FP32',
            expect: /TYPE_FP23/,
            what: 'data_type: TYPE_FP23 in the middle input',
          }
        : {
            slot: new Slot(ensemble.modelName, modelName(Math.floor(workload.steps / 2))),
            text: missing,
            valid: modelName(Math.floor(workload.steps / 2)),
            expect: /not available/,
            what: `a step naming the missing model ${missing}`,
          };
    const invalid = await edit(mistake.slot.replace(mistake.text), mistake.what);
    result.invalidEditDiagnostics = invalid.p.diagnostics.length;
    result.invalidEditFirst = brief(invalid.p.diagnostics.slice(0, 1)) || undefined;
    if (invalid.p.diagnostics.length !== 1 || !mistake.expect.test(messageText(invalid.p.diagnostics[0]))) {
      result.warnings.push(
        `expected exactly one diagnostic matching ${mistake.expect} for ${mistake.what}, got ${invalid.p.diagnostics.length}: ` +
          `${brief(invalid.p.diagnostics) || 'none'}`,
      );
    }
    await edit(mistake.slot.replace(mistake.valid), 'reverting the deliberate mistake');

    // Valid edits: the middle step's model_version, or the middle input's data type, back and forth.
    const values = which === 'large' ? ['TYPE_FP16', 'TYPE_FP32'] : ['1', '-1'];
    const slot = which === 'large' ? new Slot(large.dataType, 'TYPE_FP32') : new Slot(ensemble.version, '-1');
    const noisy: Publication[] = [];
    for (let i = 0; i < EDITS; i++) {
      const value = values[i % 2];
      const { ms, p } = await edit(slot.replace(value), `edit ${i + 1} (${value})`);
      result.editMs.push(ms);
      if (p.diagnostics.length > 0) noisy.push(p);
    }
    if (noisy.length)
      result.warnings.push(`${noisy.length} of ${EDITS} valid edits got diagnostics, the first: ${brief(noisy[0].diagnostics)}`);
    result.editMedianMs = quantile(result.editMs, 0.5);

    if (which === 'large') {
      const at = large.dataTypeEnd;
      await edit({ range: { start: at, end: at }, text: `\n${large.fieldIndent}` }, 'inserting an empty line in the middle input');
      const position = { line: at.line + 1, character: large.fieldIndent.length };
      result.completionMs = [];
      for (let i = 0; i < COMPLETIONS; i++) {
        const started = performance.now();
        const answer = await session.request<{ items: unknown[] } | null>(
          'textDocument/completion',
          { textDocument: { uri }, position, context: { triggerKind: 1 } },
          TIMEOUT_MS,
        );
        result.completionMs.push(performance.now() - started);
        result.completionItems = answer?.items.length ?? 0;
      }
      result.completionMedianMs = quantile(result.completionMs, 0.5);
      result.completionP95Ms = quantile(result.completionMs, 0.95);

      // The empty line holds the indentation: formatting rewrites the document (one edit, all of it).
      result.formattingMs = [];
      for (let i = 0; i < FORMATS; i++) {
        const started = performance.now();
        const edits = await session.request<TextEdit[] | null>(
          'textDocument/formatting',
          { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } },
          TIMEOUT_MS,
        );
        result.formattingMs.push(performance.now() - started);
        result.formattingEdits = edits?.length ?? 0;
        result.formattingChars = (edits ?? []).reduce((sum, e) => sum + e.newText.length, 0);
      }
      result.formattingMedianMs = quantile(result.formattingMs, 0.5);
      if (!result.formattingEdits) result.warnings.push('formatting returned no edit: the formatter did not rewrite the document');
    }

    await sleep(400); // longer than the validation delay: late, unexpected publications show up
    result.publications = session.publications.filter((p) => p.uri === uri).length;
    result.expectedPublications = 1 + changes;
    if (result.publications !== result.expectedPublications) {
      result.warnings.push(
        `published diagnostics ${result.publications} times for 1 open + ${changes} edits; latencies may ` +
          `be matched to the wrong publication`,
      );
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    const rss = session.peakRssKb();
    if (rss === undefined) result.warnings.push(`could not read VmHWM from /proc/${session.pid}/status (not Linux?)`);
    else result.peakRssMb = rss / 1024;
    await session.stop();
  }
  return result;
}
