import { describe, expect, it } from 'vitest';
import { emptySums, emptyTotals, type Sums } from '@/utils/core/usage/usage-totals';
import { isStale, mergeRows, otherDevicesRows } from '@/utils/core/sync/sync-merge';
import { STALE_AFTER_MS, type DeviceAggregates } from '@/utils/core/sync/sync-format';

const NOW = Date.UTC(2026, 11, 7, 12);
const DEC = Date.UTC(2026, 11, 1);
const NOV = Date.UTC(2026, 10, 1);
const s = (p: Partial<Sums>): Sums => ({ ...emptySums(), ...p });

function device(id: string, updatedAt: number, periods: DeviceAggregates['periods']): DeviceAggregates {
  return { id, name: id, updatedAt, chunks: 1, droppedPeriods: 0, periods, complete: true, rejected: 0 };
}

const laptop = device('laptop00', NOW - 60_000, [
  { provider: 'openai', from: DEC, rows: [{ model: 'gpt-5', sums: s({ promptTokens: 100, outputTokens: 10, turns: 1, costUsd: 1 }) }] },
  { provider: 'openai', from: NOV, rows: [{ model: 'gpt-5', sums: s({ promptTokens: 999, turns: 9 }) }] },
]);
const desktop = device('desktop0', NOW - 8 * 86_400_000, [
  { provider: 'openai', from: DEC, rows: [{ model: 'gpt-5', sums: s({ promptTokens: 200, contextTokens: 50, outputTokens: 20, turns: 2, costUsd: 2 }) }] },
  { provider: 'anthropic', from: DEC, rows: [{ model: 'claude-opus-4-8', sums: s({ promptTokens: 7, turns: 1 }) }] },
]);

describe('merging browsers', () => {
  it('sums each device own period record per provider and model, leaving other periods out', () => {
    const rows = otherDevicesRows([laptop, desktop], DEC);
    const gpt = rows.find((r) => r.model === 'gpt-5')!;
    expect(gpt.totals).toMatchObject({ promptTokens: 300, contextTokens: 50, inputTokens: 350, outputTokens: 30, turns: 3, costUsd: 3 });
    expect(otherDevicesRows([laptop, desktop], DEC, ['anthropic']).map((r) => r.model)).toEqual(['claude-opus-4-8']);
    expect(otherDevicesRows([laptop], NOV)[0]!.totals.turns).toBe(9);
  });

  it('two browsers never replace each other: the merge is a sum, whatever the order', () => {
    const ab = otherDevicesRows([laptop, desktop], DEC);
    const ba = otherDevicesRows([desktop, laptop], DEC);
    expect(new Set(ab.map((r) => JSON.stringify(r)))).toEqual(new Set(ba.map((r) => JSON.stringify(r))));
  });

  it("adds the others' rows into this browser's, one row per model, costliest first", () => {
    const local = [{ provider: 'openai' as const, model: 'gpt-5', totals: { ...emptyTotals(), promptTokens: 1, inputTokens: 1, turns: 1, costUsd: 0.5 } }];
    const merged = mergeRows(local, otherDevicesRows([laptop, desktop], DEC));
    expect(merged.map((r) => r.model)).toEqual(['gpt-5', 'claude-opus-4-8']);
    expect(merged[0]!.totals).toMatchObject({ promptTokens: 301, inputTokens: 351, turns: 4, costUsd: 3.5 });
    // The inputs are not changed.
    expect(local[0]!.totals.turns).toBe(1);
  });

  it('marks a browser stale after a week without an update, and still counts it', () => {
    expect(isStale(laptop, NOW)).toBe(false);
    expect(isStale(desktop, NOW)).toBe(true);
    expect(isStale({ updatedAt: NOW - STALE_AFTER_MS }, NOW)).toBe(false);
    expect(otherDevicesRows([desktop], DEC).length).toBe(2);
  });
});
