/**
 * Wall-clock arithmetic in a named IANA timezone using only Intl, so billing periods
 * line up with the provider's own calendar whatever timezone the browser runs in.
 */

export interface LocalDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** Offset of `timeZone` from UTC at `instant`, in ms (local = utc + offset). */
export function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

export function localDateOf(instant: number, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

/** Normalises month overflow (month 13 -> January next year, month 0 -> December before). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1 + months, date.day));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function parseLocalDate(iso: string): LocalDate {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Whole calendar days from `a` to `b` (negative when b is earlier). DST cannot skew it. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/**
 * The instant the local calendar day `date` begins in `timeZone`. Usually local 00:00;
 * where a DST change skips midnight (e.g. America/Santiago) it is the first instant
 * that exists on that day; where midnight happens twice it is the earlier one.
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  const offsets = new Set([
    offsetAt(guess - 86_400_000, timeZone),
    offsetAt(guess, timeZone),
    offsetAt(guess + 86_400_000, timeZone),
  ]);
  const valid = [...offsets].map((o) => guess - o).filter((t) => offsetAt(t, timeZone) === guess - t);
  if (valid.length) return Math.min(...valid);
  // Midnight falls in a gap: the day starts at the transition. Binary-search it between
  // the two candidate instants (the offsets differ by at most a few hours).
  const candidates = [...offsets].map((o) => guess - o);
  let lo = Math.min(...candidates);
  let hi = Math.max(...candidates);
  const target = formatLocalDate(date);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2 / 1000) * 1000;
    if (formatLocalDate(localDateOf(mid, timeZone)) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Name of the browser's own timezone, for "today" in the toolbar badge. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
