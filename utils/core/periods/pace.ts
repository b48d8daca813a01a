import { lastDayOf, type BillingPeriod } from '@/utils/core/periods/billing-period';

export interface UsageProjection {
  /** Usage at the end of the period if the pace so far continues; null when too early to tell. */
  projected: number | null;
  /** Usage per day so far. */
  perDay: number;
  /** Local date (YYYY-MM-DD) of the period's last day, the "by Dec 14" of the projection. */
  byDate: string;
}

/** Below this much elapsed time a straight-line projection is noise (one turn would predict thousands). */
export const MIN_ELAPSED_FOR_PROJECTION_MS = 6 * 60 * 60 * 1000;

/** Straight-line projection of `used` to the end of `period` at the pace since the period began. */
export function projectUsage(used: number, period: BillingPeriod, now: number): UsageProjection {
  const length = period.to - period.from;
  const elapsed = Math.min(length, Math.max(0, now - period.from));
  const byDate = lastDayOf(period);
  const perDay = elapsed > 0 ? (used / elapsed) * 86_400_000 : 0;
  if (elapsed < Math.min(MIN_ELAPSED_FOR_PROJECTION_MS, length)) return { projected: null, perDay, byDate };
  return { projected: (used / elapsed) * length, perDay, byDate };
}

/** When `limit` will be reached at the current pace (epoch ms), or null if not within the period. */
export function limitReachedAt(used: number, limit: number, period: BillingPeriod, now: number): number | null {
  if (limit <= 0) return null;
  if (used >= limit) return now;
  const elapsed = now - period.from;
  if (elapsed < MIN_ELAPSED_FOR_PROJECTION_MS || used <= 0) return null;
  const at = period.from + (limit / used) * elapsed;
  return at < period.to ? at : null;
}
