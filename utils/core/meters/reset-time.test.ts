import { describe, expect, it } from 'vitest';
import { parseResetTime } from '@/utils/core/meters/reset-time';

// Local times: the page shows the browser's own clock.
const NOW = new Date(2026, 9, 14, 15, 20).getTime(); // Oct 14 2026, 3:20 PM
const at = (m: number, d: number, h: number, min: number, y = 2026) => new Date(y, m, d, h, min).getTime();

describe('reset times in the sites’ words', () => {
  it('a bare time later today, or the next one once past', () => {
    expect(parseResetTime('Responses will use another model until your limit resets after 6:41 PM.', NOW)).toBe(at(9, 14, 18, 41));
    expect(parseResetTime('resets after 10:11 AM', NOW)).toBe(at(9, 15, 10, 11));
    expect(parseResetTime('resets after 12:31 PM', NOW)).toBe(at(9, 15, 12, 31));
    expect(parseResetTime('try again after 12:05 AM', NOW)).toBe(at(9, 15, 0, 5));
  });

  it('tomorrow, in English and other languages', () => {
    expect(parseResetTime('until your limit resets tomorrow after 3:56 AM.', NOW)).toBe(at(9, 15, 3, 56));
    expect(parseResetTime('se restablece mañana a las 16:30', NOW, 'es')).toBe(at(9, 15, 16, 30));
    expect(parseResetTime('明日 9:00 にリセット', NOW, 'ja')).toBe(at(9, 15, 9, 0));
  });

  it('24-hour clocks and localised AM/PM markers', () => {
    expect(parseResetTime('Limit wird um 18:41 zurückgesetzt', NOW, 'de')).toBe(at(9, 14, 18, 41));
    expect(parseResetTime('下午3:45后重置', NOW, 'zh-CN')).toBe(at(9, 14, 15, 45));
    expect(parseResetTime('limite réinitialisée après 3:45 PM', NOW, 'fr')).toBe(at(9, 14, 15, 45));
  });

  it('dates with month names, with and without a year', () => {
    expect(parseResetTime('try again at May 23rd, 2027 3:54 PM.', NOW)).toBe(at(4, 23, 15, 54, 2027));
    expect(parseResetTime('Resets Oct 17 at 12:49 PM', NOW)).toBe(at(9, 17, 12, 49));
    expect(parseResetTime('Resets Jan 3 at 9:00 AM', NOW)).toBe(at(0, 3, 9, 0, 2027));
    expect(parseResetTime('réinitialisation le 17 octobre à 12:49', NOW, 'fr')).toBe(at(9, 17, 12, 49));
  });

  it('durations', () => {
    expect(parseResetTime("You've hit your usage limit. Try again in 4 days 20 hours 9 minutes.", NOW)).toBe(NOW + ((4 * 24 + 20) * 60 + 9) * 60_000);
    expect(parseResetTime('try again in 45 minutes', NOW)).toBe(NOW + 45 * 60_000);
  });

  it('no time, no guess', () => {
    expect(parseResetTime('Please try again later.', NOW)).toBeNull();
    expect(parseResetTime('resets soon', NOW)).toBeNull();
    expect(parseResetTime('resets at 25:99', NOW)).toBeNull();
  });
});
