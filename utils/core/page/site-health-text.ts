import type { Reading } from '@/utils/core/page/page-state';

/** One line a person understands: who reads this page now. */
export function readingText(reading: Reading, siteName: string): string {
  if (reading === 'adapter') return `Read by TokenTally's ${siteName} reader`;
  if (reading === 'fallback') return `Read by the fallback reader: ${siteName}'s layout has changed, counts and turns may be less precise`;
  return `Not read yet: no prompt field found on this page`;
}

/** "since 14:05" today, "since 3 Nov, 14:05" on earlier days. */
export function sinceText(since: number, now = Date.now()): string {
  const date = new Date(since);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return sameDay ? `since ${time}` : `since ${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}
