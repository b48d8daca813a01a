import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDB } from 'idb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storeEvents, deleteAllUsage, deleteEventsBefore } from '@/utils/storage/usage-store';
import { getDailyTotals, getRecentEvents, getTotals, getTotalsByModel } from '@/utils/storage/usage-queries';
import { openUsageDb, openUsageDbAt, USAGE_DB_NAME, type UsageDbV1 } from '@/utils/storage/usage-db';
import { bruteTotals, expectTotalsClose, makeEvent } from '@/test/unit/usage-test-helpers';
import { localDay } from '@/utils/core/usage/local-days';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import { DAY_MS, HOUR_MS, QUARTER_MS } from '@/utils/storage/usage-aggregates';

// The data here runs into December 2026, and a record stamped after tomorrow is out of
// bounds (usage-bounds.ts): these tests run on a clock past all of it.
beforeEach(() => void vi.useFakeTimers({ now: Date.UTC(2027, 0, 15), toFake: ['Date'] }));
afterEach(() => void vi.useRealTimers());

/** Deterministic pseudo-random events spread over ~40 days, odd minutes and several models. */
function randomEvents(n: number, seed = 7): UsageEvent[] {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const models: Array<[UsageEvent['provider'], string]> = [['openai', 'gpt-4o'], ['openai', 'gpt-5'], ['anthropic', 'claude-sonnet-4-5'], ['google', 'gemini-2.5-pro']];
  const start = Date.UTC(2026, 9, 20);
  return Array.from({ length: n }, (_, i) => {
    const [provider, model] = models[Math.floor(rand() * models.length)]!;
    return makeEvent({
      id: `evt-random-${i}`,
      time: start + Math.floor(rand() * 40 * DAY_MS),
      provider, model,
      promptTokens: Math.floor(rand() * 500), contextTokens: Math.floor(rand() * 5000), outputTokens: Math.floor(rand() * 2000),
      costUsd: rand() < 0.1 ? null : Math.round(rand() * 1e6) / 1e8,
      credits: rand() < 0.2 ? 1 : undefined,
    });
  });
}

describe('usage storage', () => {
  it('stores an id once: a repeated write is a no-op and totals are not double-counted', async () => {
    const event = makeEvent({ id: 'same-id-123', promptTokens: 7, outputTokens: 3, contextTokens: 0 });
    expect(await storeEvents([event])).toEqual({ stored: 1, duplicates: 0 });
    expect(await storeEvents([{ ...event, promptTokens: 999 }])).toEqual({ stored: 0, duplicates: 1 });
    await Promise.all([storeEvents([event]), storeEvents([event])]);
    const totals = await getTotals({ from: 0, to: Date.UTC(2030, 0) });
    expect(totals.turns).toBe(1);
    expect(totals.promptTokens).toBe(7);
    expect((await getRecentEvents(10)).map((e) => e.promptTokens)).toEqual([7]);
  });

  it('dedupes ids repeated inside one batch', async () => {
    const e = makeEvent({ id: 'dup-in-batch' });
    expect(await storeEvents([e, e, makeEvent()])).toEqual({ stored: 2, duplicates: 1 });
  });

  it('sums any range exactly (aggregates agree with the raw events)', async () => {
    const events = randomEvents(1500);
    await storeEvents(events);
    const ranges = [
      { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1) },
      { from: Date.UTC(2026, 10, 3, 7, 13, 5), to: Date.UTC(2026, 10, 19, 22, 59, 1) },
      { from: Date.UTC(2026, 10, 3, 7, 13), to: Date.UTC(2026, 10, 3, 7, 14) },
      { from: Date.UTC(2026, 10, 5, 0, 15), to: Date.UTC(2026, 10, 5, 23, 45) },
      { from: 0, to: Date.UTC(2100, 0) },
    ];
    for (const range of ranges) {
      expectTotalsClose(await getTotals(range), bruteTotals(events, range.from, range.to));
      expectTotalsClose(await getTotals(range, 'anthropic'), bruteTotals(events, range.from, range.to, 'anthropic'));
    }
    const byModel = await getTotalsByModel(ranges[1]!);
    expect(byModel.length).toBe(4);
    const sonnet = byModel.find((r) => r.model === 'claude-sonnet-4-5')!;
    expectTotalsClose(sonnet.totals, bruteTotals(events.filter((e) => e.model === 'claude-sonnet-4-5'), ranges[1]!.from, ranges[1]!.to));
  });

  it('splits days in the asked timezone, including 45-minute offsets', async () => {
    // 2026-11-10 23:30 in Kathmandu (UTC+5:45) is 17:45 UTC; 2026-11-11 00:10 there is 18:25 UTC.
    await storeEvents([
      makeEvent({ id: 'ktm-day-10', time: Date.UTC(2026, 10, 10, 17, 45), promptTokens: 1 }),
      makeEvent({ id: 'ktm-day-11', time: Date.UTC(2026, 10, 10, 18, 25), promptTokens: 2 }),
      makeEvent({ id: 'ny-evening', time: Date.UTC(2026, 10, 11, 3, 0), promptTokens: 4 }),
    ]);
    const range = { from: Date.UTC(2026, 10, 9), to: Date.UTC(2026, 10, 13) };
    const ktm = await getDailyTotals(range, 'Asia/Kathmandu');
    expect(ktm.map((d) => [d.day, d.totals.promptTokens])).toEqual([['2026-11-10', 1], ['2026-11-11', 6]]);
    const ny = await getDailyTotals(range, 'America/New_York');
    expect(ny.map((d) => [d.day, d.totals.promptTokens])).toEqual([['2026-11-10', 7]]);
    const utc = await getDailyTotals(range, 'UTC');
    expect(utc.map((d) => [d.day, d.totals.promptTokens])).toEqual([['2026-11-10', 3], ['2026-11-11', 4]]);
  });

  it('daily totals add up to the range total for random data', async () => {
    const events = randomEvents(800, 11);
    await storeEvents(events);
    // Midnight to midnight in Kolkata (UTC+5:30): exactly 19 local days.
    const range = { from: Date.UTC(2026, 10, 1, 18, 30), to: Date.UTC(2026, 10, 20, 18, 30) };
    const days = await getDailyTotals(range, 'Asia/Kolkata', 'openai');
    const sum = days.reduce((n, d) => n + d.totals.outputTokens, 0);
    expect(sum).toBe(bruteTotals(events, range.from, range.to, 'openai').outputTokens);
    expect(days.length).toBe(19);
    expect(days[0]!.day).toBe('2026-11-02');
  });

  it('daily totals match a per-event brute force in odd-offset and DST zones', async () => {
    const events = randomEvents(1500, 5);
    await storeEvents(events);
    const range = { from: Date.UTC(2026, 9, 25, 3, 7), to: Date.UTC(2026, 10, 20, 21, 52) };
    for (const zone of ['Asia/Kathmandu', 'Asia/Kolkata', 'America/New_York', 'Australia/Lord_Howe', 'UTC']) {
      const expected = new Map<string, number>();
      for (const e of events) {
        if (e.time < range.from || e.time >= range.to || e.provider !== 'google') continue;
        const day = localDay(e.time, zone);
        expected.set(day, (expected.get(day) ?? 0) + e.outputTokens);
      }
      const actual = await getDailyTotals(range, zone, 'google');
      expect(new Map(actual.map((d) => [d.day, d.totals.outputTokens])), zone).toEqual(expected);
    }
  });

  it('retention deletes old events and takes them out of the aggregates', async () => {
    const old = makeEvent({ id: 'old-event-1', time: Date.UTC(2026, 0, 1, 10, 7), outputTokens: 100 });
    const sameQuarter = makeEvent({ id: 'old-event-2', time: Date.UTC(2026, 0, 1, 10, 9), outputTokens: 5 });
    const fresh = makeEvent({ id: 'new-event-1', time: Date.UTC(2026, 10, 1), outputTokens: 1 });
    await storeEvents([old, sameQuarter, fresh]);
    expect(await deleteEventsBefore(Date.UTC(2026, 0, 1, 10, 8))).toBe(1);
    expect((await getTotals({ from: 0, to: Date.UTC(2030, 0) })).outputTokens).toBe(6);
    expect((await getTotals({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 2) })).outputTokens).toBe(5);
    await deleteAllUsage();
    expect((await getTotals({ from: 0, to: Date.UTC(2030, 0) })).turns).toBe(0);
    expect(await getRecentEvents(5)).toEqual([]);
  });

  it('upgrades a v1 database that holds events, building its aggregates', async () => {
    const v1Events = randomEvents(300, 3);
    const v1 = await openDB<UsageDbV1>(USAGE_DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('events', { keyPath: 'id' }).createIndex('by-time', 'time');
      },
    });
    const tx = v1.transaction('events', 'readwrite');
    await Promise.all([...v1Events.map((e) => tx.store.put(e)), tx.done]);
    v1.close();

    // v1 -> v2: day + quarter aggregates built from the held events.
    const v2 = await openUsageDbAt(2);
    const v2Spans = new Set((await v2.getAll('aggregates')).map((a) => a.span));
    expect([...v2Spans].sort((a, b) => a - b)).toEqual([QUARTER_MS, DAY_MS]);
    v2.close();

    // v2 -> v3: aggregates rebuilt with hours too (v3 -> v4 finds nothing out of bounds).
    const db = await openUsageDb();
    expect(db.version).toBe(4);
    expect(await db.count('events')).toBe(300);
    const v3Spans = new Set((await db.getAll('aggregates')).map((a) => a.span));
    expect([...v3Spans].sort((a, b) => a - b)).toEqual([QUARTER_MS, HOUR_MS, DAY_MS]);
    const days = await getDailyTotals({ from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 8) }, 'Asia/Kolkata');
    expect(days.reduce((n, d) => n + d.totals.turns, 0)).toBe(bruteTotals(v1Events, Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 8)).turns);
    const range = { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 17, 9, 30) };
    expectTotalsClose(await getTotals(range), bruteTotals(v1Events, range.from, range.to));
    // Old ids stay deduplicated after the upgrade.
    expect(await storeEvents([v1Events[0]!])).toEqual({ stored: 0, duplicates: 1 });
  });

  it('migration steps run in order from an empty database too', async () => {
    const db = await openUsageDbAt(3);
    expect([...db.objectStoreNames].sort()).toEqual(['aggregates', 'events']);
    db.close();
    expect([...(await openUsageDb()).objectStoreNames].sort()).toEqual(['aggregates', 'events', 'quarantine']);
    expect(fakeBrowser).toBeDefined();
  });
});

describe('large imports', () => {
  it('dedupes a big batch against stored ids (key-scan path)', async () => {
    const events = Array.from({ length: 1200 }, (_, i) => makeEvent({ id: `big-batch-${i}`, time: Date.UTC(2026, 10, 1) + i * 60_000 }));
    expect(await storeEvents(events.slice(0, 700))).toEqual({ stored: 700, duplicates: 0 });
    expect(await storeEvents(events)).toEqual({ stored: 500, duplicates: 700 });
    expect((await getTotals({ from: 0, to: Date.UTC(2100, 0) })).turns).toBe(1200);
  });
});
