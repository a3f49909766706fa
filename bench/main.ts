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
import { checkPackageTargets, packageSizes, packageTable, packageTargetsText, type KindOfIndex, type PackageSizes } from './package-report';
import { runPackageScenario, type PackageResult } from './package-scenario';
import { SERVER_EXEC_ARGV } from '../common/server-runtime';

const DEFAULT_SIZES = [1, 50, 500];

/** Samples of fresh processes (a failed start has none) and their median. */
function samplesOf(runs: ServerResult[], pick: (run: ServerResult) => number | undefined): { samples: number[]; median?: number } {
  const samples = runs.map(pick).filter((ms): ms is number => ms !== undefined && !Number.isNaN(ms));
  return { samples, median: quantile(samples, 0.5) };
}

/** Makes `result`'s first diagnostics the median of those of the fresh processes `runs` (`result` among them). */
function medianFirst(result: ServerResult, runs: ServerResult[]): void {
  const { samples, median } = samplesOf(runs, (run) => run.firstDiagnosticsMs);
  [result.firstDiagnosticsSamples, result.firstDiagnosticsMs] = [samples, median];
}

/** Makes `result`'s start the median of the starts of the fresh processes `runs`. */
function medianStart(result: ServerResult, runs: ServerResult[]): void {
  const { samples, median } = samplesOf(runs, (run) => run.startMs);
  [result.startSamples, result.startMs] = [samples, median];
}

/** `count` more fresh processes of each server, in turn (ours, theirs, ours…) so that a slow spell of the machine hits both. */
async function alternate(
  count: number,
  specs: { ours: ServerSpec; theirs: ServerSpec },
  run: (spec: ServerSpec) => Promise<ServerResult>,
  progress: (i: number) => void,
): Promise<{ ours: ServerResult[]; theirs: ServerResult[] }> {
  const runs = { ours: [] as ServerResult[], theirs: [] as ServerResult[] };
  for (let i = 0; i < count; i++) {
    progress(i);
    runs.ours.push(await run(specs.ours));
    runs.theirs.push(await run(specs.theirs));
  }
  return runs;
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

const PARTS = ['yaml', 'triton', 'parse', 'package'] as const;

/**
 * `--only yaml`, `--only triton`, `--only parse` or `--only package` runs one part of the bench; all four by default
 * (bench/run.mjs runs `--only logs` itself).
 */
function parseOnly(args: string[]): Record<(typeof PARTS)[number], boolean> {
  const at = args.indexOf('--only');
  const part = at < 0 ? undefined : args[at + 1];
  if (at >= 0 && !PARTS.some((name) => name === part)) throw new Error(`--only takes ${PARTS.join(', ')}`);
  return {
    yaml: !part || part === 'yaml',
    triton: !part || part === 'triton',
    parse: !part || part === 'parse',
    package: !part || part === 'package',
  };
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
      const specs = { ours, theirs };
      const cold = await alternate(
        COLD_SAMPLES - 1,
        specs,
        (spec) => runScenario(spec, workload, { firstOnly: true }),
        (i) => progress(` cold start ${i + 2}/${COLD_SAMPLES}…`),
      );
      const size: SizeResult = { docs, lines: workload.lines, bytes: workload.bytes, ours: ourResult, theirs: theirResult };
      const atOnce =
        docs === Math.max(...sizes)
          ? await alternate(
              COLD_SAMPLES,
              specs,
              (spec) => runScenario(spec, workload, { openAtOnce: true }),
              (i) => progress(` opened at start-up ${i + 1}/${COLD_SAMPLES}…`),
            )
          : { ours: [], theirs: [] };
      progress('\r\x1b[K');
      if (atOnce.ours.length) {
        [size.oursAtOnce, size.theirsAtOnce] = [atOnce.ours[0], atOnce.theirs[0]];
        medianFirst(size.oursAtOnce, atOnce.ours);
        medianFirst(size.theirsAtOnce, atOnce.theirs);
      }
      // Every fresh process of the size is a sample of the start row, those opening the file at once too.
      medianFirst(ourResult, [ourResult, ...cold.ours]);
      medianFirst(theirResult, [theirResult, ...cold.theirs]);
      medianStart(ourResult, [ourResult, ...cold.ours, ...atOnce.ours]);
      medianStart(theirResult, [theirResult, ...cold.theirs, ...atOnce.theirs]);
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

    // Last: it builds the production bundles, then the development ones again.
    let vsix: (PackageResult & { sizes?: PackageSizes }) | undefined;
    if (only.package) {
      progress('running package…');
      vsix = runPackageScenario(root, temp);
      const index = JSON.parse(readFileSync(join(schemasDir, 'index.json'), 'utf8')) as { kinds: KindOfIndex[] };
      if (!vsix.error) vsix.sizes = packageSizes(vsix, index.kinds);
      progress('\r\x1b[K');
      console.log(`${packageTable(vsix, vsix.sizes)}\n`);
    }

    const targets = checkTargets(results);
    const tritonTargets = triton ? checkTritonTargets(triton) : [];
    const packageTargets = checkPackageTargets(vsix?.sizes);
    if (only.yaml) console.log(targetsText(targets));
    if (triton) console.log(tritonTargetsText(tritonTargets));
    if (packageTargets.length) console.log(packageTargetsText(packageTargets));
    const failed = [...results.flatMap((s) => [s.ours, s.theirs, s.oursAtOnce, s.theirsAtOnce]), triton?.large, triton?.ensemble]
      .filter((r): r is NonNullable<typeof r> => Boolean(r?.error))
      .map((r) => ('server' in r ? `${r.server}: ${r.error}` : `mlinfra, Triton ${r.file}: ${r.error}`))
      .concat(parseError ? [`parse only: ${parseError}`] : [])
      .concat(vsix?.error ? [`package: ${vsix.error}`] : []);

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
      // The entries are many; the sizes say what they add up to.
      package: vsix && { bytes: vsix.bytes, buildMs: vsix.buildMs, sizes: vsix.sizes, targets: packageTargets, error: vsix.error },
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
