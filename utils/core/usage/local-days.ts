/** Calendar days of a timezone as UTC instants, for grouping usage by local day. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time at `t` in `timeZone`, expressed as if it were UTC (ms). */
function wallClock(t: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(t)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) + (t % 1000 + 1000) % 1000;
}

/** YYYY-MM-DD of `t` in `timeZone`. */
export function localDay(t: number, timeZone: string): string {
  return new Date(wallClock(t, timeZone)).toISOString().slice(0, 10);
}

/** The first instant after `t` whose local day differs from t's (the next local midnight, DST-safe). */
function nextDayStart(t: number, timeZone: string): number {
  const day = 24 * 3_600_000;
  const wall = wallClock(t, timeZone);
  const nextMidnightWall = Math.floor(wall / day) * day + day;
  // Convert wall time back to UTC with the offset in force there; twice settles DST changes.
  let guess = nextMidnightWall - (wall - t);
  for (let i = 0; i < 2; i++) guess = nextMidnightWall - (wallClock(guess, timeZone) - guess);
  // A DST gap at midnight (the day starts at 01:00) or a bad guess: fall back to a search
  // over quarters, which every offset in use is a multiple of.
  const today = localDay(t, timeZone);
  if (guess <= t || localDay(guess, timeZone) === today || localDay(guess - 1, timeZone) !== today) {
    let probe = Math.floor(t / 900_000) * 900_000 + 900_000;
    while (localDay(probe, timeZone) === today) probe += 900_000;
    return probe;
  }
  return guess;
}

/** The local days overlapping [from, to), each clipped to the range. */
export function localDays({ from, to }: { from: number; to: number }, timeZone: string): Array<{ day: string; from: number; to: number }> {
  const days: Array<{ day: string; from: number; to: number }> = [];
  for (let start = from; start < to; ) {
    const end = Math.min(nextDayStart(start, timeZone), to);
    days.push({ day: localDay(start, timeZone), from: start, to: end });
    start = end;
  }
  return days;
}
