// The time at the head of each line the API server sends with `timestamps=true` (RFC 3339 with up to
// nine decimals, as the container runtime stamped it, `Z` or an offset), and a key that sorts as the
// times do: UTC with nine decimals always (`2025-01-06T09:00:01.120000000Z`), itself an RFC 3339 time.
// Go's RFC3339Nano drops trailing zeros (`.12Z` after `.119999999Z`), so the strings alone do not sort;
// the usual shape, nine decimals in UTC, is its own key: most lines cost no new string.

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
  if (time.length === 30 && time.charCodeAt(29) === 90 && time.charCodeAt(19) === 46 && NANO.test(time)) return time;
  const match = STAMP.exec(time);
  if (!match) return undefined;
  const [, seconds, fraction = '', zone] = match;
  const nanos = fraction.padEnd(9, '0');
  if (zone === 'Z') return `${seconds}.${nanos}Z`;
  const utc = Date.parse(`${seconds}${zone}`);
  if (Number.isNaN(utc)) return undefined;
  return `${new Date(utc).toISOString().slice(0, 19)}.${nanos}Z`;
}

/** Splits `<time> <text>`; undefined when the line does not start with a time (the server always stamps them). */
export function splitStamp(line: string): StampedLine | undefined {
  const space = line.indexOf(' ');
  const time = space < 0 ? line : line.slice(0, space);
  const key = timeKey(time);
  if (key === undefined) return undefined;
  return { time, key, text: space < 0 ? '' : line.slice(space + 1) };
}
