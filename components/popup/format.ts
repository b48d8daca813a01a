/** Number and date formatting for the popup (en-US grouping, explicit units). */

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const usd = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const time = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

// Building an Intl formatter costs far more than using one, and the popup formats ~100 values per render.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormatters.get(timeZone);
  if (!f) dayFormatters.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone })));
  return f;
}

/** Shown for a number no record within bounds can produce (never "NaN" or "$∞"). */
const UNKNOWN = '—';

export const formatInt = (n: number) => (Number.isFinite(n) ? int.format(Math.round(n)) : UNKNOWN);
export const formatCompact = (n: number) => (!Number.isFinite(n) ? UNKNOWN : n < 10_000 ? formatInt(n) : compact.format(n));

export function formatUsd(n: number): string {
  if (!Number.isFinite(n)) return UNKNOWN;
  // Chat turns often cost fractions of a cent: show enough digits that the number is never "$0.00".
  if (n > 0 && n < 1) return `$${n.toFixed(4)}`;
  return `$${usd.format(n)}`;
}

export const formatPercent = (fraction: number) => (Number.isFinite(fraction) ? `${Math.floor(fraction * 100 + 1e-9)}%` : UNKNOWN);

/** Formats an instant, or says it can't be shown (a Date out of range throws when formatted). */
function formatDate(formatter: Intl.DateTimeFormat, instant: number): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? UNKNOWN : formatter.format(date);
}

/** "Dec 14" for a local YYYY-MM-DD date. */
export function formatDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return formatDate(dayFormatter('UTC'), Date.UTC(y, m - 1, d));
}

/** "Dec 14" for an instant, in the period's timezone. */
export function formatInstantDay(instant: number, timeZone: string): string {
  return formatDate(dayFormatter(timeZone), instant);
}

export function formatTime(instant: number): string {
  return formatDate(time, instant);
}
