// How a logs view reads its containers: following or not, the previous instance of a restarted
// container, how many lines to start with and since when. The toolbar changes them, and a change
// starts the session again. The names are the pod log API's. Pure: no VS Code.

export interface LogOptions {
  /** Keep reading as containers write (Follow Logs), or read what is there and end (Show Logs). */
  follow: boolean;
  /** The previous instance of each container (the one that crashed before the restart). */
  previous: boolean;
  /** Lines to start with per container; undefined: all the runtime kept. */
  tailLines?: number;
  /** Only lines written since: seconds back from now, or an RFC 3339 time. */
  sinceSeconds?: number;
  sinceTime?: string;
}

/** What the view starts with: the `mlinfra.logs.tailLines` setting's lines of each container. */
export function defaultOptions(follow: boolean, tailLines: number): LogOptions {
  return { follow, previous: false, tailLines: tailLines > 0 ? tailLines : undefined };
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * What the user typed as "since": a duration back from now (`90s`, `10m`, `2h`, `1d`, `1h30m`) or a
 * time (`2025-01-06T10:00:00Z`, RFC 3339 as the API wants it). An error says what is accepted.
 */
export function parseSince(text: string): { sinceSeconds: number } | { sinceTime: string } | { error: string } {
  const value = text.trim();
  const duration = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i.exec(value);
  if (value && duration) {
    const [, d, h, m, s] = duration;
    const seconds = Number(d ?? 0) * UNITS.d + Number(h ?? 0) * UNITS.h + Number(m ?? 0) * UNITS.m + Number(s ?? 0);
    if (seconds > 0) return { sinceSeconds: seconds };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value))) {
    // The API takes seconds (RFC 3339 without a fraction is what every server version parses).
    return { sinceTime: new Date(Date.parse(value)).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  }
  return { error: 'Type a duration back from now (90s, 10m, 2h, 1d) or a time with its zone (2025-01-06T10:00:00Z).' };
}

/** `10m`, `2h`, `1h30m`, `1d`: the shortest reading of a number of seconds. */
export function formatDuration(seconds: number): string {
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of Object.entries(UNITS).reverse()) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join('') || '0s';
}

/** The toolbar's summary: `following · last 500 lines of each container`, `previous instances · since 10m`. */
export function describeOptions(options: LogOptions): string {
  const parts = [options.previous ? 'previous instances' : options.follow ? 'following' : 'read once'];
  if (options.sinceTime) parts.push(`since ${options.sinceTime}`);
  else if (options.sinceSeconds) parts.push(`since ${formatDuration(options.sinceSeconds)} ago`);
  parts.push(options.tailLines ? `last ${options.tailLines} lines of each container` : 'all lines');
  return parts.join(' · ');
}
