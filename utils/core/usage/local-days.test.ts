import { describe, expect, it } from 'vitest';
import { localDays } from '@/utils/core/usage/local-days';

describe('localDays', () => {
  it('cuts days at local midnight, across a DST change', () => {
    // New York leaves DST on 2026-11-01 at 02:00: that day has 25 hours.
    const days = localDays({ from: Date.UTC(2026, 9, 31, 4), to: Date.UTC(2026, 10, 3, 5) }, 'America/New_York');
    expect(days.map((d) => d.day)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
    expect(days.map((d) => (d.to - d.from) / 3_600_000)).toEqual([24, 25, 24]);
    expect(days[1]!.from).toBe(Date.UTC(2026, 10, 1, 4));
  });

  it('handles 45-minute offsets and clips the first and last day to the range', () => {
    const days = localDays({ from: Date.UTC(2026, 10, 10, 12), to: Date.UTC(2026, 10, 11, 20) }, 'Asia/Kathmandu');
    expect(days).toEqual([
      { day: '2026-11-10', from: Date.UTC(2026, 10, 10, 12), to: Date.UTC(2026, 10, 10, 18, 15) },
      { day: '2026-11-11', from: Date.UTC(2026, 10, 10, 18, 15), to: Date.UTC(2026, 10, 11, 18, 15) },
      { day: '2026-11-12', from: Date.UTC(2026, 10, 11, 18, 15), to: Date.UTC(2026, 10, 11, 20) },
    ]);
  });

  it('survives a DST gap at midnight (Santiago springs forward at 00:00)', () => {
    // Chile: 2026-09-06 00:00 local does not exist; the day starts at 01:00 (-03).
    const days = localDays({ from: Date.UTC(2026, 8, 5, 12), to: Date.UTC(2026, 8, 7, 12) }, 'America/Santiago');
    expect(days.map((d) => d.day)).toEqual(['2026-09-05', '2026-09-06', '2026-09-07']);
    for (const d of days) expect(d.to).toBeGreaterThan(d.from);
  });
});
