import type { LimitNotice } from '@/utils/core/meters/meter-types';

/** A notice with no readable reset time counts as in force this long. */
export const NOTICE_WITHOUT_RESET_MS = 3 * 3_600_000;

/** Whether a site's "limit reached" notice still holds at `now`. */
export function noticeInForce(notice: LimitNotice, now: number): boolean {
  return notice.resetsAt !== null ? notice.resetsAt > now : notice.seenAt + NOTICE_WITHOUT_RESET_MS > now;
}
