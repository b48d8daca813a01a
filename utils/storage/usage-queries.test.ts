import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storeEvents } from '@/utils/storage/usage-store';
import { getUsageOverview } from '@/utils/storage/usage-queries';
import { bruteTotals, expectTotalsClose, makeEvent } from '@/test/unit/usage-test-helpers';
import { localDay } from '@/utils/core/usage/local-days';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { DAY_MS } from '@/utils/storage/usage-aggregates';

// The data here runs into December 2026, and a record stamped after tomorrow is out of
// bounds (usage-bounds.ts): these tests run on a clock past all of it.
beforeEach(() => void vi.useFakeTimers({ now: Date.UTC(2027, 0, 15), toFake: ['Date'] }));
afterEach(() => void vi.useRealTimers());

function randomEvents(n: number, seed: number): UsageEvent[] {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const models: Array<[UsageEvent['provider'], string]> = [['openai', 'gpt-4o'], ['openai', 'gpt-5'], ['anthropic', 'claude-sonnet-4-5'], ['google', 'gemini-2.5-pro'], ['clay', 'gpt-4o-mini']];
  const start = Date.UTC(2026, 9, 25);
  return Array.from({ length: n }, (_, i) => {
    const [provider, model] = models[Math.floor(rand() * models.length)]!;
    return makeEvent({
      id: `evt-overview-${seed}-${i}`,
      // Odd seconds, so events fall inside quarters and not only on their edges.
      time: start + Math.floor(rand() * 45 * DAY_MS) + 17_017,
      provider, model,
      promptTokens: Math.floor(rand() * 500), contextTokens: Math.floor(rand() * 5000), outputTokens: Math.floor(rand() * 2000),
      costUsd: rand() < 0.1 ? null : Math.round(rand() * 1e6) / 1e8,
      credits: provider === 'clay' ? 1 + Math.floor(rand() * 3) : undefined,
    });
  });
}

describe('getUsageOverview (one read for cards and chart)', () => {
  it('per-model totals and local days equal per-event sums, for whole periods and periods cut at "now"', async () => {
    const events = randomEvents(2500, 3);
    await storeEvents(events);
    const cases: Array<{ zone: string; from: number; to: number }> = [
      // November in New York (the popup's usual read), and cut mid-day as the chart is.
      { zone: 'America/New_York', from: Date.UTC(2026, 10, 1, 4), to: Date.UTC(2026, 11, 1, 5) },
      { zone: 'America/New_York', from: Date.UTC(2026, 10, 1, 4), to: Date.UTC(2026, 10, 23, 19, 27, 13, 5) },
      // Half and three-quarter hour offsets, east of UTC (subtraction at the other end of the UTC day).
      { zone: 'Asia/Kolkata', from: Date.UTC(2026, 9, 31, 18, 30), to: Date.UTC(2026, 10, 30, 18, 30) },
      { zone: 'Asia/Kathmandu', from: Date.UTC(2026, 10, 14, 18, 15), to: Date.UTC(2026, 10, 20, 3, 1) },
      { zone: 'Pacific/Chatham', from: Date.UTC(2026, 10, 2, 10, 15), to: Date.UTC(2026, 10, 29, 0, 0, 0, 1) },
      { zone: 'UTC', from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1) },
      // A range shorter than a day, inside one UTC day.
      { zone: 'Europe/Berlin', from: Date.UTC(2026, 10, 5, 2, 7), to: Date.UTC(2026, 10, 5, 21, 58) },
    ];
    for (const { zone, from, to } of cases) {
      const label = `${zone} ${new Date(from).toISOString()}..${new Date(to).toISOString()}`;
      const inRange = events.filter((e) => e.time >= from && e.time < to);
      const { byModel, daily } = await getUsageOverview({ totals: [{ from, to }], daily: { range: { from, to }, timeZone: zone } });

      const models = new Map<string, UsageEvent[]>();
      for (const e of inRange) models.set(`${e.provider}/${e.model}`, [...(models.get(`${e.provider}/${e.model}`) ?? []), e]);
      expect(byModel[0]!.map((r) => `${r.provider}/${r.model}`).sort(), label).toEqual([...models.keys()].sort());
      for (const row of byModel[0]!) expectTotalsClose(row.totals, bruteTotals(models.get(`${row.provider}/${row.model}`)!), `${label} ${row.model}`);

      const days = new Map<string, UsageEvent[]>();
      for (const e of inRange) days.set(localDay(e.time, zone), [...(days.get(localDay(e.time, zone)) ?? []), e]);
      expect(daily!.map((d) => d.day), label).toEqual([...days.keys()].sort());
      for (const d of daily!) expectTotalsClose(d.totals, bruteTotals(days.get(d.day)!), `${label} ${d.day}`);
    }
  });

  it('answers several ranges and a provider filter in one call', async () => {
    const events = randomEvents(800, 9);
    await storeEvents(events);
    const a = { from: Date.UTC(2026, 10, 1, 4), to: Date.UTC(2026, 11, 1, 5) };
    const b = { from: Date.UTC(2026, 10, 14, 18, 30), to: Date.UTC(2026, 11, 14, 18, 30) };
    const { byModel, daily } = await getUsageOverview({ totals: [a, { from: 5, to: 5 }, b] }, 'anthropic');
    expect(daily).toBeNull();
    expect(byModel).toHaveLength(3);
    expect(byModel[1]).toEqual([]);
    for (const [i, r] of [[0, a], [2, b]] as const) {
      const expected = events.filter((e) => e.provider === 'anthropic' && e.time >= r.from && e.time < r.to);
      expect(byModel[i]!.map((m) => m.model)).toEqual(['claude-sonnet-4-5']);
      expectTotalsClose(byModel[i]![0]!.totals, bruteTotals(expected), `range ${i}`);
    }
  });

  it('an all-unpriced model costs exactly 0 even where a day was computed by subtraction', async () => {
    const events = Array.from({ length: 40 }, (_, i) =>
      makeEvent({ id: `unpriced-${i}`, time: Date.UTC(2026, 10, 10) + i * 3_600_000 * 0.9, model: 'mystery', costUsd: null }));
    events.push(makeEvent({ id: 'priced-1', time: Date.UTC(2026, 10, 10, 3), model: 'gpt-4o', costUsd: 0.1 }));
    events.push(makeEvent({ id: 'priced-2', time: Date.UTC(2026, 10, 10, 13), model: 'gpt-4o', costUsd: 0.2 }));
    await storeEvents(events);
    const { daily, byModel } = await getUsageOverview({
      totals: [{ from: Date.UTC(2026, 10, 10, 5), to: Date.UTC(2026, 10, 12, 5) }],
      daily: { range: { from: Date.UTC(2026, 10, 10, 5), to: Date.UTC(2026, 10, 12, 5) }, timeZone: 'America/New_York' },
    });
    expect(byModel[0]!.find((r) => r.model === 'mystery')!.totals.costUsd).toBe(0);
    expect(daily!.map((d) => d.totals.turns)).toEqual([events.filter((e) => e.time >= Date.UTC(2026, 10, 10, 5) && e.time < Date.UTC(2026, 10, 11, 5)).length, events.filter((e) => e.time >= Date.UTC(2026, 10, 11, 5)).length]);
  });
});

describe('getRecentEvents', () => {
  it('gives the newest events, newest first, whether they fit the last hour, day, week or need the cursor', async () => {
    const now = Date.UTC(2026, 10, 23, 12);
    const times = [
      ...Array.from({ length: 25 }, (_, i) => now - 60_000 * (i + 1)), // last hour
      ...Array.from({ length: 10 }, (_, i) => now - 3 * 3_600_000 - i), // earlier today
      ...Array.from({ length: 10 }, (_, i) => now - 3 * DAY_MS - i * 1000), // this week
      ...Array.from({ length: 10 }, (_, i) => now - 40 * DAY_MS - i * 1000), // long ago
      now + 3_600_000, // stamped in the future (clock change)
    ];
    const events = times.map((time, i) => makeEvent({ id: `recent-${i}`, time }));
    await storeEvents(events);
    const newestFirst = [...events].sort((a, b) => b.time - a.time).map((e) => e.id);
    const { getRecentEvents } = await import('@/utils/storage/usage-queries');
    for (const limit of [1, 20, 30, 45, 56, 80]) {
      expect((await getRecentEvents(limit, now)).map((e) => e.id), `limit ${limit}`).toEqual(newestFirst.slice(0, limit));
    }
  });
});

describe('aggregates after several overlapping batches', () => {
  it('a second and third import into the same days add to the stored aggregates exactly', async () => {
    const events = randomEvents(1800, 21);
    // Big batches read the touched aggregates with one ranged read; small ones record by record.
    await storeEvents(events.slice(0, 900));
    await storeEvents(events.slice(900, 1790));
    for (const e of events.slice(1790)) await storeEvents([e]);
    const range = { from: Date.UTC(2026, 9, 25), to: Date.UTC(2026, 11, 15) };
    const { byModel } = await getUsageOverview({ totals: [range], daily: { range, timeZone: 'Asia/Kolkata' } });
    for (const row of byModel[0]!) {
      expectTotalsClose(row.totals, bruteTotals(events.filter((e) => e.provider === row.provider && e.model === row.model)), row.model);
    }
    expect(byModel[0]!.reduce((n, r) => n + r.totals.turns, 0)).toBe(events.length);
  });
});
