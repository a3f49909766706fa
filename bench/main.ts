// The benchmark proper (started by bench/run.mjs): our server and yaml-language-server on the same
// generated files in the same run, side by side; then our server alone on a generated Triton model
// repository; then the fast YAML parser against the `yaml` library, parse only; then the target checks
// and bench/results/latest.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { liveSessions, type ServerSpec } from './lsp-session';
import { checkTargets, describeWorkload, table, targetsText, type SizeResult } from './report';
import { COLD_SAMPLES, COMPLETIONS, EDITS, quantile, runScenario, SETTLE_MS, TIMEOUT_MS, type ServerResult } from './scenario';
import { bundleKindSchema, findKindSchema } from './schema-bundle';
import { checkTritonTargets, describeTritonWorkload, tritonTable, tritonTargetsText, type TritonSection } from './triton-report';
import { FORMATS, runTritonScenario } from './triton-scenario';
import { makeTritonWorkload } from './triton-workload';
import { makeWorkload } from './workload';
import { parseTable } from './parse-report';
import { PARSES, runParseScenario, type ParseSizeResult } from './parse-scenario';
import { SERVER_EXEC_ARGV } from '../common/server-runtime';

const DEFAULT_SIZES = [1, 50, 500];

/** Records every cold start's first diagnostics and makes the row their median (a failed start has none). */
function medianFirst(result: ServerResult, samples: (number | undefined)[]): void {
  const measured = samples.filter((ms): ms is number => ms !== undefined);
  result.firstDiagnosticsSamples = measured;
  result.firstDiagnosticsMs = quantile(measured, 0.5);
}

function killAll(): void {
  for (const session of liveSessions) session.kill();
}

function parseSizes(args: string[]): number[] {
  const at = args.indexOf('--sizes');
  if (at < 0) return DEFAULT_SIZES;
  const sizes = (args[at + 1] ?? '').split(',').map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes a list like 1,50,500');
  return sizes;
}

/** `--only yaml`, `--only triton` or `--only parse` runs one part of the bench; all three by default (bench/run.mjs runs `--only logs`). */
function parseOnly(args: string[]): { yaml: boolean; triton: boolean; parse: boolean } {
  const at = args.indexOf('--only');
  if (at < 0) return { yaml: true, triton: true, parse: true };
  const part = args[at + 1];
  if (part !== 'yaml' && part !== 'triton' && part !== 'parse') throw new Error('--only takes yaml, triton or parse');
  return { yaml: part === 'yaml', triton: part === 'triton', parse: part === 'parse' };
}

/** The settings yaml-language-server reads through workspace/configuration, by section. */
function yamlLanguageServerSettings(schemaUri: string): Record<string, unknown> {
  return {
    yaml: {
      schemas: { [schemaUri]: ['*.yaml'] },
      schemaStore: { enable: false },
      kubernetesCRDStore: { enable: false },
      validate: true,
      completion: true,
      hover: true,
      format: { enable: false },
    },
    http: { proxy: '', proxyStrictSSL: false },
    '[yaml]': {},
    editor: {},
  };
}

async function main(): Promise<number> {
  const [root, yamlServerBin, ...rest] = process.argv.slice(2);
  if (!root || !yamlServerBin) throw new Error('usage: run through `npm run bench` (bench/run.mjs)');
  const sizes = parseSizes(rest);
  const only = parseOnly(rest);
  // MLINFRA_BENCH_SCHEMAS points at another schemas/ folder (for developing the bench itself).
  const schemasDir = process.env.MLINFRA_BENCH_SCHEMAS ?? join(root, 'schemas');
  const kindFile = findKindSchema(schemasDir, 'kubeflow.org/v1', 'PyTorchJob');
  const yamlServerVersion = (JSON.parse(readFileSync(join(yamlServerBin, '..', '..', 'package.json'), 'utf8')) as { version: string })
    .version;

  const temp = mkdtempSync(join(tmpdir(), 'mlinfra-bench-'));
  try {
    const schemaPath = join(temp, 'kubeflow.org_v1_pytorchjob.bundled.json');
    writeFileSync(schemaPath, `${JSON.stringify(bundleKindSchema(kindFile), null, 1)}\n`);
    const ours: ServerSpec = {
      name: 'mlinfra',
      command: process.execPath,
      args: [...SERVER_EXEC_ARGV, join(root, 'dist', 'server.js'), '--stdio'],
    };
    const theirs: ServerSpec = {
      name: 'yaml-language-server',
      command: process.execPath,
      args: [yamlServerBin, '--stdio'],
      configuration: yamlLanguageServerSettings(pathToFileURL(schemaPath).href),
    };
    const base = readFileSync(join(root, 'bench', 'fixtures', 'pytorchjob.yaml'), 'utf8');

    console.log(
      `mlinfra bench: mlinfra (node ${SERVER_EXEC_ARGV.join(' ')} dist/server.js, as the extension starts ` +
        `it) vs yaml-language-server ${yamlServerVersion}, both on Node ${process.version}`,
    );
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`);
    if (only.yaml) {
      console.log(`schema: ${kindFile}, bundled for yaml-language-server into ${schemaPath}`);
      console.log(
        `per file and server: a fresh process (first diagnostics: the median of ${COLD_SAMPLES}), ${SETTLE_MS} ` +
          `ms idle after start-up before the file opens (also measured without, for the largest file), ${EDITS} ` +
          `edits, ${COMPLETIONS} completions, waits of at most ${TIMEOUT_MS / 1000} s`,
      );
    }
    console.log('');

    const results: SizeResult[] = [];
    const progress = (text: string) => process.stdout.isTTY && process.stdout.write(text);
    for (const docs of only.yaml ? sizes : []) {
      const workload = makeWorkload(base, docs, temp);
      const heading = describeWorkload(workload);
      progress(`running ${workload.docs}: mlinfra…`);
      const ourResult = await runScenario(ours, workload);
      progress(' yaml-language-server…');
      const theirResult = await runScenario(theirs, workload);
      // More cold starts, alternating servers so that a slow spell of the machine hits both.
      const samples = { ours: [ourResult.firstDiagnosticsMs], theirs: [theirResult.firstDiagnosticsMs] };
      for (let i = 1; i < COLD_SAMPLES; i++) {
        progress(` cold start ${i + 1}/${COLD_SAMPLES}…`);
        samples.ours.push((await runScenario(ours, workload, { firstOnly: true })).firstDiagnosticsMs);
        samples.theirs.push((await runScenario(theirs, workload, { firstOnly: true })).firstDiagnosticsMs);
      }
      medianFirst(ourResult, samples.ours);
      medianFirst(theirResult, samples.theirs);
      progress('\r\x1b[K');
      const size: SizeResult = { docs, lines: workload.lines, bytes: workload.bytes, ours: ourResult, theirs: theirResult };
      if (docs === Math.max(...sizes)) {
        progress(' opened at start-up…');
        size.oursAtOnce = await runScenario(ours, workload, { openAtOnce: true });
        size.theirsAtOnce = await runScenario(theirs, workload, { openAtOnce: true });
      }
      results.push(size);
      console.log(`${table(size, heading)}\n`);
    }

    let triton: (TritonSection & { workload: Record<string, unknown> }) | undefined;
    if (only.triton) {
      const workload = makeTritonWorkload(temp);
      progress('running Triton: large config…');
      const large = await runTritonScenario(ours, workload, 'large');
      progress(' ensemble…');
      const ensemble = await runTritonScenario(ours, workload, 'ensemble');
      progress('\r\x1b[K');
      const { models, steps, tensors } = workload;
      triton = {
        workload: { models, steps, tensors, largeLines: workload.large.lines, ensembleLines: workload.ensemble.lines },
        large,
        ensemble,
      };
      const iterations =
        `${SETTLE_MS} ms idle before the file opens, ${EDITS} edits, ${COMPLETIONS} completions and ${FORMATS} ` +
        `formattings (large config)`;
      console.log(`${tritonTable(triton, describeTritonWorkload(workload, iterations))}\n`);
    }

    let parse: ParseSizeResult[] | undefined;
    let parseError: string | undefined;
    if (only.parse) {
      progress('running parse only…');
      try {
        // The worker is bundled beside this file (bench/run.mjs).
        parse = runParseScenario(join(__dirname, 'parse-worker.cjs'), join(root, 'bench', 'fixtures', 'pytorchjob.yaml'), sizes);
      } catch (error) {
        parseError = error instanceof Error ? error.message : String(error);
      }
      progress('\r\x1b[K');
      console.log(parse ? `${parseTable(parse, PARSES)}\n` : `Parse only\n  ERROR ${parseError}\n`);
    }

    const targets = checkTargets(results);
    const tritonTargets = triton ? checkTritonTargets(triton) : [];
    if (only.yaml) console.log(targetsText(targets));
    if (triton) console.log(tritonTargetsText(tritonTargets));
    const failed = [...results.flatMap((s) => [s.ours, s.theirs, s.oursAtOnce, s.theirsAtOnce]), triton?.large, triton?.ensemble]
      .filter((r): r is NonNullable<typeof r> => Boolean(r?.error))
      .map((r) => ('server' in r ? `${r.server}: ${r.error}` : `mlinfra, Triton ${r.file}: ${r.error}`))
      .concat(parseError ? [`parse only: ${parseError}`] : []);

    const out = join(root, 'bench', 'results', 'latest.json');
    mkdirSync(join(out, '..'), { recursive: true });
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim(),
      yamlLanguageServer: yamlServerVersion,
      schema: kindFile,
      iterations: { edits: EDITS, completions: COMPLETIONS, formats: FORMATS, parses: PARSES },
      sizes: results,
      targets,
      triton: triton && { ...triton, targets: tritonTargets },
      parse,
      failed,
    };
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nresults: ${out}`);
    if (failed.length > 0) {
      console.error(`\nbench: ${failed.length} scenario(s) crashed, timed out or failed (see ERROR lines above)`);
      return 1;
    }
    return 0;
  } finally {
    killAll();
    rmSync(temp, { recursive: true, force: true });
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    killAll();
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
