// The JSONPath subset CRD printer columns use: `.a.b`, `[0]`, `[-1:]`, `[*]`, and filters
// `[?(@.type=="Ready")]` / `[?(@.latest==true)]`. Returns every match, in order.

type Step =
  | { field: string }
  | { index: number }
  | { slice: [number | undefined, number | undefined] }
  | { all: true }
  | { filter: { path: string[]; value: unknown } };

function literal(text: string): unknown {
  const t = text.trim();
  if (/^(['"]).*\1$/.test(t)) return t.slice(1, -1);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t !== '' && !Number.isNaN(Number(t))) return Number(t);
  return t;
}

/** Parses a printer-column path; throws on syntax it does not know. */
export function parseJsonPath(path: string): Step[] {
  const steps: Step[] = [];
  let rest = path
    .trim()
    .replace(/^\{(.*)\}$/, '$1')
    .replace(/^\$/, '');
  while (rest.length) {
    let m = /^\.([^.[\]]+)/.exec(rest);
    if (m) {
      steps.push({ field: m[1] });
    } else if ((m = /^\[\?\(@((?:\.[^.=!<>\s)]+)+)\s*==\s*([^)]*)\)\]/.exec(rest))) {
      steps.push({ filter: { path: m[1].slice(1).split('.'), value: literal(m[2]) } });
    } else if ((m = /^\[\*\]/.exec(rest))) {
      steps.push({ all: true });
    } else if ((m = /^\[(-?\d*):(-?\d*)\]/.exec(rest))) {
      steps.push({ slice: [m[1] === '' ? undefined : Number(m[1]), m[2] === '' ? undefined : Number(m[2])] });
    } else if ((m = /^\[(-?\d+)\]/.exec(rest))) {
      steps.push({ index: Number(m[1]) });
    } else if ((m = /^\[['"]([^'"]+)['"]\]/.exec(rest))) {
      steps.push({ field: m[1] });
    } else {
      throw new Error(`unsupported JSONPath at "${rest}" in "${path}"`);
    }
    rest = rest.slice(m[0].length);
  }
  return steps;
}

function at(value: unknown, path: string[]): unknown {
  let current = value;
  for (const part of path) current = (current as Record<string, unknown> | undefined)?.[part];
  return current;
}

/** Every value the path reaches in `root`. */
export function findAll(root: unknown, path: string): unknown[] {
  let values: unknown[] = [root];
  for (const step of parseJsonPath(path)) {
    const next: unknown[] = [];
    for (const value of values) {
      if ('field' in step) {
        const v = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[step.field] : undefined;
        if (v !== undefined) next.push(v);
      } else if (!Array.isArray(value)) {
        continue;
      } else if ('index' in step) {
        const i = step.index < 0 ? value.length + step.index : step.index;
        if (i >= 0 && i < value.length) next.push(value[i]);
      } else if ('slice' in step) {
        const [from, to] = step.slice;
        next.push(...value.slice(from, to));
      } else if ('all' in step) {
        next.push(...value);
      } else {
        next.push(...value.filter((item) => at(item, step.filter.path) === step.filter.value));
      }
    }
    values = next;
  }
  return values;
}
