// Suggests the name a user most likely meant, for unknown fields, enum values and kinds.
// Shared by every language: a typo is a typo in YAML and in Triton configs alike.

/** Optimal-string-alignment distance: edits, with a swap of two neighbours counting as one. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => [i, ...new Array<number>(cols - 1).fill(0)]);
  for (let j = 1; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate closest to `input`, if it is close enough to be a plausible typo: same word
 * in another case, a word that differs by about a third of its letters at most, or one that
 * starts or ends with the input (a truncated or over-long name such as `replica`/`replicas`).
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const other = candidate.toLowerCase();
    let score: number;
    if (other === lower) score = 0;
    else {
      const distance = editDistance(lower, other);
      const limit = Math.max(1, Math.floor(Math.max(lower.length, other.length) / 3));
      if (distance <= limit) score = distance;
      else if (lower.length >= 3 && (other.startsWith(lower) || lower.startsWith(other))) score = limit + 1;
      else continue;
    }
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
