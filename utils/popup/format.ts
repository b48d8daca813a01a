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

export const formatInt = (n: number) => int.format(Math.round(n));
export const formatCompact = (n: number) => (n < 10_000 ? formatInt(n) : compact.format(n));

export function formatUsd(n: number): string {
  // Chat turns often cost fractions of a cent: show enough digits that the number is never "$0.00".
  if (n > 0 && n < 1) return `$${n.toFixed(4)}`;
  return `$${usd.format(n)}`;
}

export const formatPercent = (fraction: number) => `${Math.floor(fraction * 100 + 1e-9)}%`;

/** "Dec 14" for a local YYYY-MM-DD date. */
export function formatDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return dayFormatter('UTC').format(new Date(Date.UTC(y, m - 1, d)));
}

/** "Dec 14" for an instant, in the period's timezone. */
export function formatInstantDay(instant: number, timeZone: string): string {
  return dayFormatter(timeZone).format(new Date(instant));
}

export function formatTime(instant: number): string {
  return time.format(new Date(instant));
}
