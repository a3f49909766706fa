// Counts in words for the tree's descriptions and tooltips: `1 pod`, `3 pods`.
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
