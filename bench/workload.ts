// Generates the benchmark files (the base PyTorchJob repeated N times, each copy with its own name)
// and finds the places the bench edits and completes in, in the middle document.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Position {
  line: number;
  character: number;
}

export interface Workload {
  docs: number;
  path: string;
  uri: string;
  text: string;
  lines: number;
  bytes: number;
  /** The document that is edited and completed in: docs / 2, rounded down (0-based). */
  middle: number;
  /** Where the `3` of the Worker's `replicas: 3` is, in the middle document. */
  replicas: Position;
  /** End of the Worker container's `nvidia.com/gpu: 8` line under `limits:`, in the middle document. */
  limitsEntryEnd: Position;
  /** Indentation of the keys in that `limits:` mapping. */
  limitsIndent: string;
}

/** The base manifest with its metadata.name made unique: `llama-finetune-0042`. */
function copyOf(base: string, index: number): string {
  const renamed = base.replace(/^( {2}name: )(.+)$/m, (_, key: string, name: string) => `${key}${name}-${String(index).padStart(4, '0')}`);
  if (renamed === base) throw new Error('bench/fixtures/pytorchjob.yaml has no `  name:` under metadata to make unique');
  return renamed.endsWith('\n') ? renamed : `${renamed}\n`;
}

function find(lines: string[], from: number, to: number, pattern: RegExp, what: string): number {
  for (let line = from; line < to; line++) if (pattern.test(lines[line])) return line;
  throw new Error(`bench/fixtures/pytorchjob.yaml: no ${what} in the Worker replica spec`);
}

/** The file of `docs` copies of the base manifest, `---`-separated. */
export function workloadText(base: string, docs: number): string {
  return Array.from({ length: docs }, (_, i) => copyOf(base, i)).join('---\n');
}

export function makeWorkload(base: string, docs: number, dir: string): Workload {
  const text = workloadText(base, docs);
  const path = join(dir, `pytorchjob-${docs}.yaml`);
  writeFileSync(path, text);
  const lines = text.split('\n');
  const starts = [0, ...lines.flatMap((line, i) => (line === '---' ? [i + 1] : []))];
  const middle = Math.floor(docs / 2);
  const end = starts[middle + 1] ?? lines.length;
  const worker = find(lines, starts[middle], end, /^\s+Worker:\s*$/, '`Worker:`');
  const replicasLine = find(lines, worker, end, /^\s+replicas: 3\s*$/, '`replicas: 3`');
  const limits = find(lines, worker, end, /^\s+limits:\s*$/, '`limits:`');
  const gpu = find(lines, limits, end, /^\s+nvidia\.com\/gpu: 8\s*$/, '`nvidia.com/gpu: 8` under `limits:`');
  return {
    docs,
    path,
    uri: pathToFileURL(path).href,
    text,
    lines: text.endsWith('\n') ? lines.length - 1 : lines.length,
    bytes: Buffer.byteLength(text),
    middle,
    replicas: { line: replicasLine, character: lines[replicasLine].indexOf('3') },
    limitsEntryEnd: { line: gpu, character: lines[gpu].length },
    limitsIndent: /^\s*/.exec(lines[gpu])![0],
  };
}
