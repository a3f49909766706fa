// Turns the package part's result into its table and its target: the .vsix's size, what the
// shipped schemas and the validators compiled from them take in it, per kind, and the size at
// 200 kinds (the kinds still to come are CRDs: they count at the CRDs' average).
import { ms, type TargetCheck } from './report';
import type { PackageResult, VsixEntry } from './package-scenario';

export const VSIX_TARGET_MB = 5;
/** How many kinds the package should hold room for. */
export const PLANNED_KINDS = 200;

export interface KindOfIndex {
  schema: string;
  source: string;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function sum(entries: VsixEntry[], test: (name: string) => boolean): { compressed: number; size: number; files: number } {
  const chosen = entries.filter((entry) => test(entry.name));
  return {
    compressed: chosen.reduce((total, entry) => total + entry.compressed, 0),
    size: chosen.reduce((total, entry) => total + entry.size, 0),
    files: chosen.length,
  };
}

export interface PackageSizes {
  vsix: number;
  validators: ReturnType<typeof sum>;
  schemas: ReturnType<typeof sum>;
  /** Compressed bytes of a CRD kind's own schema and validator module, on average. */
  perCrdKind: number;
  kinds: number;
  projected: number;
}

export function packageSizes(result: PackageResult, kinds: KindOfIndex[]): PackageSizes {
  const { entries } = result;
  const validators = sum(entries, (name) => name.startsWith('extension/dist/validators/'));
  const schemas = sum(entries, (name) => name.startsWith('extension/schemas/'));
  // A kind's own files: its schema and its validator module (shared modules aside: new CRDs share little).
  const crds = kinds.filter((kind) => kind.source.startsWith('crds/'));
  const own = (kind: KindOfIndex) =>
    sum(entries, (name) =>
      [`extension/schemas/${kind.schema}`, `extension/dist/validators/${kind.schema.replace(/\.json$/, '.js')}`].includes(name),
    ).compressed;
  const perCrdKind = crds.length ? crds.reduce((total, kind) => total + own(kind), 0) / crds.length : 0;
  const projected = result.bytes + Math.max(0, PLANNED_KINDS - kinds.length) * perCrdKind;
  return { vsix: result.bytes, validators, schemas, perCrdKind, kinds: kinds.length, projected };
}

export function packageTable(result: PackageResult, sizes: PackageSizes | undefined): string {
  if (!sizes) return `Package\n  ERROR ${result.error ?? 'not built'}`;
  const { validators, schemas } = sizes;
  const perKind = (bytes: number) => `${kb(bytes / sizes.kinds)} per kind`;
  const rows: string[][] = [
    ['', 'in the .vsix', 'installed', 'files', ''],
    ['.vsix', mb(sizes.vsix), '', String(result.entries.length), `${sizes.kinds} kinds`],
    [
      'validators (dist/validators)',
      mb(validators.compressed),
      mb(validators.size),
      String(validators.files),
      perKind(validators.compressed),
    ],
    ['schemas (schemas/)', mb(schemas.compressed), mb(schemas.size), String(schemas.files), perKind(schemas.compressed)],
    ["a CRD kind's own schema and validator", kb(sizes.perCrdKind), '', '2', 'on average'],
    [`at ${PLANNED_KINDS} kinds (${PLANNED_KINDS - sizes.kinds} more CRDs)`, `≈ ${mb(sizes.projected)}`, '', '', ''],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column])).join('   ')}`.trimEnd());
  lines.splice(1, 0, `  ${widths.map((w) => '─'.repeat(w)).join('   ')}`);
  return [`Package (npm run package: a production build and vsce, ${ms(result.buildMs)})`, ...lines].join('\n');
}

export function checkPackageTargets(sizes: PackageSizes | undefined): TargetCheck[] {
  if (!sizes) return [];
  return [
    {
      target: `.vsix: < ${VSIX_TARGET_MB} MB, and still at ${PLANNED_KINDS} kinds`,
      pass: sizes.vsix < VSIX_TARGET_MB * MB && sizes.projected < VSIX_TARGET_MB * MB,
      detail: `${mb(sizes.vsix)} with ${sizes.kinds} kinds; ≈ ${mb(sizes.projected)} at ${PLANNED_KINDS}`,
    },
  ];
}

export function packageTargetsText(checks: TargetCheck[]): string {
  return ['package targets:', ...checks.map((c) => `  ${c.pass ? 'PASS' : 'FAIL'}  ${c.target} — ${c.detail}`)].join('\n');
}
