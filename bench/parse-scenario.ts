// The parse-only benchmark: the same generated PyTorchJob files parsed whole by the fast parser
// (through the core's parseYamlFile, as the server parses a file it opens) and by the `yaml` library
// (the `libraryOnly` option that `mlinfra.yaml.libraryParser` sets), alternating, in a fresh process
// started with the server's Node options, so that its heap and JIT are the server's, not the bench's.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { toValue } from '../server/src/core/document';
import { splitDocuments } from '../server/src/core/parse/yaml-documents';
import { parseFast } from '../server/src/core/parse/yaml-fast';
import { fileFindings, parseYamlFile, type ParseOptions } from '../server/src/core/parse/yaml-file';
import { SERVER_EXEC_ARGV } from '../common/server-runtime';
import { quantile } from './scenario';
import { workloadText } from './workload';

/** Parses of each file by each parser; the first of each is cold (the median is what the row shows). */
export const PARSES = 20;

export interface ParseSizeResult {
  docs: number;
  lines: number;
  bytes: number;
  /** Milliseconds per whole-file parse, in the order they ran. */
  fastMs: number[];
  libraryMs: number[];
  fastMedianMs?: number;
  libraryMedianMs?: number;
  warnings: string[];
}

function timed(text: string, options: ParseOptions): number {
  const started = performance.now();
  parseYamlFile(text, undefined, options);
  return performance.now() - started;
}

/** Both parsers must read every document alike and find nothing, and the fast one must read them at all. */
function sanity(text: string): string[] {
  const warnings: string[] = [];
  const fast = parseYamlFile(text);
  const library = parseYamlFile(text, undefined, { libraryOnly: true });
  const declined = splitDocuments(text).filter(({ start, end }) => parseFast(text.slice(start, end)) === undefined).length;
  if (declined > 0) warnings.push(`the fast parser declines ${declined} document(s): its column partly measures the library`);
  if (fileFindings(fast).length + fileFindings(library).length > 0) warnings.push('a parser reports syntax problems in the valid file');
  const same = fast.documents.every(
    (document, i) => JSON.stringify(toValue(document.root)) === JSON.stringify(toValue(library.documents[i]?.root ?? null)),
  );
  if (!same || fast.documents.length !== library.documents.length) warnings.push('the two parsers read different values');
  return warnings;
}

/** Runs in the worker process: each file, smallest first, parsed PARSES times by each parser in turn. */
export function measureParses(base: string, sizes: number[], parses = PARSES): ParseSizeResult[] {
  return sizes.map((docs) => {
    const text = workloadText(base, docs);
    const result: ParseSizeResult = {
      docs,
      lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
      bytes: Buffer.byteLength(text),
      fastMs: [],
      libraryMs: [],
      warnings: sanity(text),
    };
    // Alternating, so that a slow spell of a shared machine hits both columns.
    for (let i = 0; i < parses; i++) {
      result.fastMs.push(timed(text, {}));
      result.libraryMs.push(timed(text, { libraryOnly: true }));
    }
    result.fastMedianMs = quantile(result.fastMs, 0.5);
    result.libraryMedianMs = quantile(result.libraryMs, 0.5);
    return result;
  });
}

/** Runs the worker (bench/parse-worker.ts, bundled beside the bench) with the server's Node options. */
export function runParseScenario(worker: string, fixture: string, sizes: number[]): ParseSizeResult[] {
  const run = spawnSync(process.execPath, [...SERVER_EXEC_ARGV, '--enable-source-maps', worker, fixture, sizes.join(',')], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    timeout: 600_000,
  });
  if (run.status !== 0) throw new Error(`the parse benchmark failed (${run.error?.message ?? `exit code ${run.status}`}): ${run.stderr}`);
  return JSON.parse(run.stdout) as ParseSizeResult[];
}
