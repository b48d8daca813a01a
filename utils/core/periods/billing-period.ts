import {
  addDays,
  addMonths,
  daysBetween,
  formatLocalDate,
  localDateOf,
  parseLocalDate,
  startOfLocalDay,
  type LocalDate,
} from '@/utils/core/periods/zoned-time';

export interface BillingPeriod {
  /** Epoch ms of the period's first instant (local midnight of the cycle start day). */
  from: number;
  /** Epoch ms of the next reset (exclusive end). */
  to: number;
  /** Local date (YYYY-MM-DD, in the period's timezone) the next period starts. */
  resetDate: string;
}

/**
 * The billing period containing `now`: it starts at local midnight of `cycleStartDay`
 * in `timeZone` and ends at the same local time one month later. `cycleStartDay` is 1-28,
 * so every month has it. Boundaries are computed from the local calendar, not by adding
 * a fixed number of hours, so DST changes inside a period cannot shift them.
 */
export function currentPeriod(now: number, cycleStartDay: number, timeZone: string): BillingPeriod {
  const day = Math.min(28, Math.max(1, Math.trunc(cycleStartDay) || 1));
  const today = localDateOf(now, timeZone);
  let start: LocalDate = { year: today.year, month: today.month, day };
  if (today.day < day) start = addMonths(start, -1);
  const next = addMonths(start, 1);
  let from = startOfLocalDay(start, timeZone);
  let to = startOfLocalDay(next, timeZone);
  // On the reset day, before the day's first instant exists (only possible in a DST gap), stay in the old period.
  if (now < from) {
    const prev = addMonths(start, -1);
    to = from;
    from = startOfLocalDay(prev, timeZone);
    return { from, to, resetDate: formatLocalDate(start) };
  }
  return { from, to, resetDate: formatLocalDate(next) };
}

/** Calendar days until the reset (1 on the period's last day). */
export function daysLeft(period: BillingPeriod, now: number, timeZone: string): number {
  return Math.max(0, daysBetween(localDateOf(now, timeZone), parseLocalDate(period.resetDate)));
}

/** Local date (YYYY-MM-DD) of the period's last day: the day before the reset. */
export function lastDayOf(period: BillingPeriod): string {
  return formatLocalDate(addDays(parseLocalDate(period.resetDate), -1));
}

/** Range of the local calendar day containing `now` in `timeZone`. */
export function todayRange(now: number, timeZone: string): { from: number; to: number } {
  const today = localDateOf(now, timeZone);
  return { from: startOfLocalDay(today, timeZone), to: startOfLocalDay(addDays(today, 1), timeZone) };
}

/** "Dec 14" style label for a YYYY-MM-DD date; the date is already local, so it's formatted in UTC. */
export function shortDateLabel(isoDate: string, locale = 'en-US'): string {
  const d = parseLocalDate(isoDate);
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(d.year, d.month - 1, d.day)),
  );
}
