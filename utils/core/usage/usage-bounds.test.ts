import { describe, expect, it } from 'vitest';
import { openUsageDb, openUsageDbAt } from '@/utils/storage/usage-db';
import { isWithinBounds } from '@/utils/core/usage/usage-bounds';
import { usageEventSchema } from '@/utils/core/usage/usage-event';
import { exportUsageCsv, exportUsageJson, validateImportedEvents } from '@/utils/storage/usage-export';
import { getTotals, readRecentEvents } from '@/utils/storage/usage-queries';
import { deleteAllUsage, deleteEventsBefore, storeEvents } from '@/utils/storage/usage-store';
import { makeEvent } from '@/test/unit/usage-test-helpers';
import { loadPopupData } from '@/components/popup/popup-data';
import { usageQueries } from '@/components/popup/use-popup-data';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-schema';
import { formatCompact, formatInt, formatTime, formatUsd } from '@/components/popup/format';

const NOW = Date.now();
const everything = { from: 0, to: Date.UTC(2100, 0) };

/** Records out of bounds that an import or a content script can leave in a version-3 database (it checks no bounds). */
const absurd = [
  makeEvent({ id: 'absurd-time-1', time: 9e15 }),
  makeEvent({ id: 'absurd-cost-1', time: NOW - 60_000, costUsd: 1.7e308 }),
  makeEvent({ id: 'absurd-tokens', time: NOW - 120_000, promptTokens: 2 ** 53 - 1 }),
  makeEvent({ id: 'absurd-ancient', time: 1 }),
];
const real = [makeEvent({ id: 'real-turn-1', time: NOW - 5 * 60_000, promptTokens: 10, contextTokens: 100, outputTokens: 50, costUsd: 0.001 })];

/** Writes events straight into the events store, bypassing every check (another version, a bug, a test). */
async function writeRaw(events: unknown[]) {
  const db = await openUsageDb();
  const tx = db.transaction('events', 'readwrite');
  await Promise.all(events.map((e) => tx.store.put(e as never)));
  await tx.done;
}

describe('record bounds', () => {
  it('are enforced where records enter: messages and imports', () => {
    for (const e of absurd) expect(usageEventSchema.safeParse(e).success, e.id).toBe(false);
    expect(usageEventSchema.safeParse({ ...real[0]!, time: NOW + 23 * 3_600_000 }).success).toBe(true); // a clock a little ahead
    expect(usageEventSchema.safeParse({ ...real[0]!, time: NOW + 25 * 3_600_000 }).success).toBe(false);
    expect(usageEventSchema.safeParse({ ...real[0]!, credits: 1e12 }).success).toBe(false);
    expect(() => validateImportedEvents([...real, absurd[1]])).toThrow(/#2 \(id "absurd-cost-1"\).*costUsd/);
    for (const e of absurd) expect(isWithinBounds(e), e.id).toBe(false);
    expect(isWithinBounds(real[0])).toBe(true);
  });

  it('a stored out-of-bounds record is skipped and counted by the popup, the totals and export; nothing is NaN or infinite', async () => {
    await storeEvents(real);
    await writeRaw(absurd);
    const totals = await getTotals(everything);
    expect(totals).toMatchObject({ turns: 1, promptTokens: 10, costUsd: 0.001 });
    const recent = await readRecentEvents(20);
    expect(recent.events.map((e) => e.id)).toEqual(['real-turn-1']);
    expect(recent.skipped).toBe(4);
    const popup = await loadPopupData(DEFAULT_SETTINGS, NOW, usageQueries);
    expect(popup.skippedRecords).toBe(4);
    expect(popup.cards.map((c) => [c.provider, c.totals.turns, c.totals.costUsd])).toEqual([['openai', 1, 0.001]]);
    expect(JSON.stringify(popup)).not.toMatch(/null,"turns"|Infinity|NaN/);
    const json = await exportUsageJson();
    expect(json.skipped).toBe(4);
    expect(JSON.parse(json.text).events.map((e: { id: string }) => e.id)).toEqual(['real-turn-1']);
    const csv = await exportUsageCsv();
    expect(csv).toMatchObject({ skipped: 4 });
    expect(csv.text.trim().split('\r\n')).toHaveLength(2);
    // Retention never subtracts what was never summed.
    expect(await deleteEventsBefore(NOW - 90_000)).toBe(3);
    expect(await getTotals(everything)).toMatchObject({ turns: 0, promptTokens: 0, costUsd: 0 });
  });

  it('the v4 upgrade moves records v0.1 stored out of bounds to quarantine and rebuilds the aggregates without them', async () => {
    const v3 = await openUsageDbAt(3);
    const tx = v3.transaction(['events', 'aggregates'], 'readwrite');
    const all = [...real, ...absurd];
    await Promise.all(all.map((e) => tx.objectStore('events').put(e)));
    await tx.done;
    v3.close();
    // A version-3 database sums them into its aggregates: add them by hand, the same way.
    const raw = await openUsageDbAt(3);
    const tx2 = raw.transaction('aggregates', 'readwrite');
    for (const e of all) {
      const key = [86_400_000, Math.floor(e.time / 86_400_000) * 86_400_000, e.provider, e.model] as [number, number, string, string];
      await tx2.store.put({ span: key[0], start: key[1], provider: e.provider, model: e.model, promptTokens: e.promptTokens, contextTokens: e.contextTokens, outputTokens: e.outputTokens, costUsd: e.costUsd ?? 0, credits: 0, turns: 1, unpricedTurns: 0 } as never); // a version-3 row: none of the later fields
    }
    await tx2.done;
    raw.close();

    const db = await openUsageDb();
    expect(db.version).toBe(4);
    expect((await db.getAll('events')).map((e) => e.id)).toEqual(['real-turn-1']);
    expect((await db.getAllKeys('quarantine')).sort()).toEqual(absurd.map((e) => e.id).sort());
    const totals = await getTotals(everything);
    expect(totals).toMatchObject({ turns: 1, promptTokens: 10, costUsd: 0.001 });
    expect((await readRecentEvents(20)).skipped).toBe(4);
    // "Delete all" clears the quarantine too.
    await deleteAllUsage();
    expect((await readRecentEvents(20)).skipped).toBe(0);
  });

  it('a damaged aggregate is skipped rather than turning totals into NaN or $∞', async () => {
    await storeEvents(real);
    const db = await openUsageDb();
    await db.put('aggregates', { span: 86_400_000, start: Math.floor(NOW / 86_400_000) * 86_400_000 - 86_400_000 * 3, provider: 'openai', model: 'x', promptTokens: NaN, contextTokens: 0, outputTokens: 0, costUsd: Infinity, credits: 0, turns: 1, unpricedTurns: 0 } as never);
    const totals = await getTotals(everything);
    expect(totals.turns).toBe(1);
    expect(Number.isFinite(totals.costUsd)).toBe(true);
  });

  it('formatting never shows NaN, $∞ or throws on an impossible time', () => {
    expect(formatUsd(Infinity)).toBe('—');
    expect(formatUsd(Number.NaN)).toBe('—');
    expect(formatInt(Number.NaN)).toBe('—');
    expect(formatCompact(Infinity)).toBe('—');
    expect(formatTime(9e15)).toBe('—');
  });
});
