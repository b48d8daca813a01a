import { latestEventTime } from '@/utils/core/usage/usage-bounds';

/**
 * The time views read "now" as. Normally this computer's clock. When records are dated after
 * it (the clock was moved back after they were recorded), views read as of the newest of them,
 * so the user's records are shown, with a note that the clock looks wrong, never hidden behind
 * "No usage recorded yet". Only within a year: a record dated further ahead is out of bounds,
 * not evidence about the clock.
 */
export const MAX_CLOCK_BEHIND_MS = 366 * 24 * 60 * 60_000;

export interface ViewClock {
  now: number;
  /** How far this computer's clock is behind the newest record; 0 when it is not. */
  behindBy: number;
}

export function viewClock(now: number, newestRecord: number | null | undefined): ViewClock {
  if (newestRecord == null || newestRecord <= latestEventTime(now) || newestRecord - now > MAX_CLOCK_BEHIND_MS) return { now, behindBy: 0 };
  return { now: newestRecord + 1, behindBy: newestRecord - now };
}
