import { describe, expect, it } from 'vitest';
import { currentPeriod, daysLeft, lastDayOf, todayRange } from '@/utils/core/periods/billing-period';
import { projectUsage, limitReachedAt } from '@/utils/core/periods/pace';
import { startOfLocalDay, localDateOf } from '@/utils/core/periods/zoned-time';

const utc = (s: string) => Date.parse(s);

describe('currentPeriod', () => {
  it('starts at UTC midnight of the cycle day in UTC', () => {
    const p = currentPeriod(utc('2026-11-23T18:00:00Z'), 1, 'UTC');
    expect(new Date(p.from).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(new Date(p.to).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(p.resetDate).toBe('2026-12-01');
  });

  it('uses the previous month before the cycle day, and crosses the year', () => {
    const p = currentPeriod(utc('2027-01-10T12:00:00Z'), 15, 'UTC');
    expect(new Date(p.from).toISOString()).toBe('2026-12-15T00:00:00.000Z');
    expect(new Date(p.to).toISOString()).toBe('2027-01-15T00:00:00.000Z');
    expect(p.resetDate).toBe('2027-01-15');
  });

  it('the cycle day itself belongs to the new period from its first instant', () => {
    const at = utc('2026-11-15T00:00:00Z');
    expect(currentPeriod(at, 15, 'UTC').from).toBe(at);
    expect(currentPeriod(at - 1, 15, 'UTC').to).toBe(at);
  });

  it('follows local midnight of a named timezone, not UTC', () => {
    // 2026-11-30 20:00 in New York (EST, -5) is already Dec 1 in UTC, but still November locally.
    const p = currentPeriod(utc('2026-12-01T01:00:00Z'), 1, 'America/New_York');
    expect(new Date(p.from).toISOString()).toBe('2026-11-01T04:00:00.000Z'); // EDT (-4) on Nov 1 00:00
    expect(new Date(p.to).toISOString()).toBe('2026-12-01T05:00:00.000Z'); // EST (-5)
    expect(p.resetDate).toBe('2026-12-01');
  });

  it('handles half-hour and 45-minute offsets', () => {
    const india = currentPeriod(utc('2026-06-10T00:00:00Z'), 1, 'Asia/Kolkata');
    expect(new Date(india.from).toISOString()).toBe('2026-05-31T18:30:00.000Z');
    const nepal = currentPeriod(utc('2026-06-10T00:00:00Z'), 1, 'Asia/Kathmandu');
    expect(new Date(nepal.from).toISOString()).toBe('2026-05-31T18:15:00.000Z');
    // Adelaide: +10:30 in January (DST), +9:30 in June.
    const adelaide = currentPeriod(utc('2026-04-20T00:00:00Z'), 5, 'Australia/Adelaide');
    expect(new Date(adelaide.from).toISOString()).toBe('2026-04-04T13:30:00.000Z');
    expect(new Date(adelaide.to).toISOString()).toBe('2026-05-04T14:30:00.000Z');
  });

  it('keeps local midnight across a DST change inside the period (Europe/Berlin spring forward)', () => {
    const p = currentPeriod(utc('2026-04-01T12:00:00Z'), 20, 'Europe/Berlin');
    expect(new Date(p.from).toISOString()).toBe('2026-03-19T23:00:00.000Z'); // CET +1
    expect(new Date(p.to).toISOString()).toBe('2026-04-19T22:00:00.000Z'); // CEST +2
    expect(p.to - p.from).toBe(31 * 86_400_000 - 3_600_000);
  });

  it('starts the day at the transition where DST skips midnight (America/Santiago)', () => {
    // Chile springs forward on 2026-09-06 at 00:00 local -> 01:00 (-4 -> -3).
    const start = startOfLocalDay({ year: 2026, month: 9, day: 6 }, 'America/Santiago');
    expect(new Date(start).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(localDateOf(start, 'America/Santiago')).toEqual({ year: 2026, month: 9, day: 6 });
    expect(localDateOf(start - 1000, 'America/Santiago')).toEqual({ year: 2026, month: 9, day: 5 });
    const p = currentPeriod(utc('2026-09-20T12:00:00Z'), 6, 'America/Santiago');
    expect(p.from).toBe(start);
  });

  it('every instant of a year falls in exactly the period it reports', () => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham']) {
      let previous: { from: number; to: number } | null = null;
      for (let t = utc('2026-01-01T00:00:00Z'); t < utc('2027-01-01T00:00:00Z'); t += 7 * 3_600_000) {
        const p = currentPeriod(t, 28, tz);
        expect(p.from).toBeLessThanOrEqual(t);
        expect(p.to).toBeGreaterThan(t);
        if (previous && previous.from !== p.from) expect(p.from).toBe(previous.to); // contiguous
        previous = p;
      }
    }
  });
});

describe('daysLeft and lastDayOf', () => {
  it('counts calendar days to the reset in the period timezone', () => {
    const now = utc('2026-12-14T10:00:00Z');
    const p = currentPeriod(now, 15, 'UTC');
    expect(daysLeft(p, now, 'UTC')).toBe(1);
    expect(lastDayOf(p)).toBe('2026-12-14');
    const early = utc('2026-11-15T00:00:00Z');
    expect(daysLeft(currentPeriod(early, 15, 'UTC'), early, 'UTC')).toBe(30);
  });

  it('today range spans one local day (23 hours on a spring-forward day)', () => {
    const r = todayRange(utc('2026-03-08T15:00:00Z'), 'America/New_York');
    expect(r.to - r.from).toBe(23 * 3_600_000);
  });
});

describe('projectUsage', () => {
  const period = currentPeriod(utc('2026-12-01T00:00:00Z'), 1, 'UTC'); // 31 days

  it('projects linearly to the end of the period', () => {
    const now = period.from + 10 * 86_400_000;
    const projection = projectUsage(1000, period, now);
    expect(projection.projected).toBeCloseTo(3100, 6);
    expect(projection.perDay).toBeCloseTo(100, 6);
    expect(projection.byDate).toBe('2026-12-31');
  });

  it('refuses to project from the first few hours', () => {
    expect(projectUsage(500, period, period.from + 3_600_000).projected).toBeNull();
  });

  it('finds the day a limit will be reached', () => {
    const now = period.from + 10 * 86_400_000;
    expect(limitReachedAt(1000, 2000, period, now)).toBe(period.from + 20 * 86_400_000);
    expect(limitReachedAt(1000, 100_000, period, now)).toBeNull();
    expect(limitReachedAt(3000, 2000, period, now)).toBe(now);
  });
});
