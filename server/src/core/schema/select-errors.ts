// Turns ajv's raw error list into the errors worth showing. When a value fails every branch of
// an anyOf/oneOf, ajv reports the errors of every branch plus "must match a schema in anyOf";
// we keep only the branch that fits best, so users never read "matches multiple schemas" noise.
import type { ErrorObject } from 'ajv';

const ALTERNATIVES = new Set(['anyOf', 'oneOf']);

function isUnder(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

/** Groups the errors of an alternative by the branch they came from (`.../anyOf/1/...`). */
function byBranch(errors: ErrorObject[], alternativePath: string): Map<number, ErrorObject[]> {
  const branches = new Map<number, ErrorObject[]>();
  const marker = `${alternativePath}/`;
  let current = 0;
  for (const error of errors) {
    if (error.schemaPath.startsWith(marker)) current = Number(error.schemaPath.slice(marker.length).split('/')[0]);
    branches.set(current, [...(branches.get(current) ?? []), error]);
  }
  return branches;
}

function depth(errors: ErrorObject[]): number {
  return Math.max(...errors.map((e) => e.instancePath.split('/').length));
}

/** The branch whose errors are fewest, then deepest (it matched further before failing). */
function bestBranch(branches: ErrorObject[][]): ErrorObject[] | undefined {
  const sorted = [...branches].sort((a, b) => a.length - b.length || depth(b) - depth(a));
  const [best, second] = sorted;
  if (!best) return undefined;
  const tied = second && second.length === best.length && depth(second) === depth(best);
  const onlyRequired = branches.every((branch) => branch.every((e) => e.keyword === 'required'));
  return tied && onlyRequired ? undefined : best;
}

/** Keeps each alternative's best branch; drops `if` wrappers whose `then` errors are kept. */
export function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (!ALTERNATIVES.has(error.keyword)) {
      kept.push(error);
      continue;
    }
    let first = kept.length;
    while (first > 0 && isUnder(kept[first - 1].instancePath, error.instancePath)) first--;
    const branchErrors = kept.splice(first);
    const alternativePath = error.schemaPath;
    const chosen = branchErrors.length ? bestBranch([...byBranch(branchErrors, alternativePath).values()]) : undefined;
    if (chosen) kept.push(...chosen);
    else kept.push({ ...error, params: { ...error.params, branchErrors } });
  }
  return kept;
}
