// The time at the head of each line the API server sends with `timestamps=true` (RFC 3339 with up to
// nine decimals, as the container runtime stamped it, `Z` or an offset), and a key that sorts as the
// times do: UTC, seconds and nine decimals always (`2025-01-06T09:00:01.120000000`). Go's RFC3339Nano
// drops trailing zeros (`.12Z` after `.119999999Z`), so the strings themselves do not sort.

export interface StampedLine {
  /** The time as the server wrote it. */
  time: string;
  key: string;
  text: string;
}

const NANO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/;
const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;

/** The sort key of an RFC 3339 time; undefined when it is not one. */
export function timeKey(time: string): string | undefined {
  // The usual shape, UTC with nine decimals (`2025-01-06T09:00:01.123456789Z`), is its key without the Z.
  if (time.length === 30 && time.charCodeAt(29) === 90 && time.charCodeAt(19) === 46 && time.charCodeAt(10) === 84 && NANO.test(time))
    return time.slice(0, 29);
  const match = STAMP.exec(time);
  if (!match) return undefined;
  const [, seconds, fraction = '', zone] = match;
  const nanos = fraction.padEnd(9, '0');
  if (zone === 'Z') return `${seconds}.${nanos}`;
  const utc = Date.parse(`${seconds}${zone}`);
  if (Number.isNaN(utc)) return undefined;
  return `${new Date(utc).toISOString().slice(0, 19)}.${nanos}`;
}

/** The time of a key as RFC 3339 in UTC with nanoseconds: what a resumed request sends as sinceTime. */
export function keyTime(key: string): string {
  return `${key}Z`;
}

/** The key of a time in milliseconds (an event's, a status's second-precise time). */
export function msKey(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000000`;
}

/** Splits `<time> <text>`; undefined when the line does not start with a time (the server always stamps them). */
export function splitStamp(line: string): StampedLine | undefined {
  const space = line.indexOf(' ');
  const time = space < 0 ? line : line.slice(0, space);
  const key = timeKey(time);
  if (key === undefined) return undefined;
  return { time, key, text: space < 0 ? '' : line.slice(space + 1) };
}
