// Remembers the answers of a pure function of a string. Manifests repeat the same few values
// (resource names, quantities, images) across hundreds of documents, which several rules read.
export function memoByString<T>(compute: (value: string) => T, limit = 2000): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    if (cache.has(value)) return cache.get(value) as T;
    // A bound, not an LRU: past it the cache starts over, which is cheap and rare.
    if (cache.size >= limit) cache.clear();
    const answer = compute(value);
    cache.set(value, answer);
    return answer;
  };
}
