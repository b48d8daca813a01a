import { describe, expect, it } from 'vitest';
import { emptySums, SUM_FIELDS, type Sums } from '@/utils/core/usage/usage-totals';
import {
  CHUNK_BYTES,
  DEVICE_BUDGET_BYTES,
  encodeRow,
  itemBytes,
  MAX_ROWS_PER_PERIOD,
  OTHER_MODELS,
  planDeviceItems,
  ROW_FIELDS,
  SYNC_QUOTA,
  type SyncPeriod,
} from '@/utils/core/sync/sync-format';
import { readDevices } from '@/utils/core/sync/sync-read';

const NOW = Date.UTC(2026, 11, 7, 12);
const monthStart = (back: number) => Date.UTC(2026, 11 - back, 1);

function sums(p: Partial<Sums>): Sums {
  return { ...emptySums(), ...p };
}

/** A realistic row: a chat model's month, with cache reads and reasoning. */
function row(model: string, scale: number) {
  return {
    model,
    sums: sums({ promptTokens: 182_345 * scale, contextTokens: 4_523_118 * scale, outputTokens: 612_004 * scale, turns: 347 * scale, costUsd: 23.456789 * scale, cacheReadTokens: 3_100_000 * scale, reasoningTokens: 88_000 * scale }),
  };
}

function months(count: number, models: number): SyncPeriod[] {
  const out: SyncPeriod[] = [];
  for (let m = 0; m < count; m++) {
    for (const provider of ['openai', 'anthropic'] as const) {
      out.push({ provider, from: monthStart(m), rows: Array.from({ length: models / 2 }, (_, i) => row(`${provider === 'openai' ? 'gpt-5.1' : 'claude-sonnet-4-5'}-v${i}`, 1 + i)) });
    }
  }
  return out;
}

describe('sync format', () => {
  it('stores every summed field, in a fixed order', () => {
    expect([...ROW_FIELDS].sort()).toEqual([...SUM_FIELDS].sort());
  });

  it('leaves trailing zeros out of a row and rounds cost to micro-dollars', () => {
    expect(encodeRow({ model: 'gpt-5', sums: sums({ promptTokens: 10, outputTokens: 5, turns: 1, costUsd: 0.0123456789 }) })).toEqual(['gpt-5', 10, 0, 5, 1, 0.012346]);
    expect(encodeRow({ model: 'gpt-5', sums: emptySums() })).toEqual(['gpt-5']);
  });

  it('fits a typical year (4 models a month, 13 months) whole, well inside one device budget', () => {
    const plan = planDeviceItems('aaaaaaaaaaaaaaaa', { name: 'Chrome on Linux', updatedAt: NOW }, months(13, 4), DEVICE_BUDGET_BYTES)!;
    expect(plan.droppedPeriods).toBe(0);
    expect(plan.bytes).toBeLessThan(6_000);
    for (const [key, value] of Object.entries(plan.items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.itemBytes);
    // Round trip: what is read back equals what was written.
    const [device] = readDevices(plan.items, NOW);
    expect(device!.periods).toHaveLength(26);
    expect(device!.complete).toBe(true);
    const back = device!.periods.find((p) => p.provider === 'anthropic' && p.from === monthStart(3))!.rows.find((r) => r.model === 'claude-sonnet-4-5-v1')!;
    expect(back.sums).toEqual({ ...row('x', 2).sums, costUsd: 46.913578 });
  });

  it('a device over quota drops its oldest months first, and says how many', () => {
    const periods = months(13, 30);
    const plan = planDeviceItems('bbbbbbbbbbbbbbbb', { name: 'Work desktop', updatedAt: NOW }, periods, DEVICE_BUDGET_BYTES)!;
    expect(plan.bytes).toBeLessThanOrEqual(DEVICE_BUDGET_BYTES);
    expect(plan.droppedPeriods).toBeGreaterThan(0);
    const [device] = readDevices(plan.items, NOW);
    expect(device!.droppedPeriods).toBe(plan.droppedPeriods);
    const kept = device!.periods.map((p) => p.from);
    // Every kept month is newer than every dropped one: the current month is always there.
    expect(Math.max(...kept)).toBe(monthStart(0));
    const oldestKept = Math.min(...kept);
    expect(periods.filter((p) => p.from >= oldestKept).length - device!.periods.length).toBeLessThanOrEqual(1);
    expect(device!.periods.length + plan.droppedPeriods).toBe(periods.length);
    for (const [key, value] of Object.entries(plan.items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(CHUNK_BYTES);
  });

  it('a crowded area shrinks the budget, and a budget too small for the meta writes nothing', () => {
    const small = planDeviceItems('cccccccccccccccc', { name: 'Laptop', updatedAt: NOW }, months(13, 4), 1_200)!;
    expect(small.bytes).toBeLessThanOrEqual(1_200);
    expect(small.droppedPeriods).toBeGreaterThanOrEqual(15);
    expect(Math.max(...readDevices(small.items, NOW)[0]!.periods.map((p) => p.from))).toBe(monthStart(0));
    expect(planDeviceItems('cccccccccccccccc', { name: 'Laptop', updatedAt: NOW }, months(1, 2), 40)).toBeNull();
  });

  it('folds a month with more than 40 models into 40 rows, the rest as one "other models" row', () => {
    const many: SyncPeriod = { provider: 'openai', from: monthStart(0), rows: Array.from({ length: 55 }, (_, i) => ({ model: `m-${i}`, sums: sums({ promptTokens: 1000 + i, turns: 1 }) })) };
    const plan = planDeviceItems('dddddddddddddddd', { name: 'X', updatedAt: NOW }, [many], DEVICE_BUDGET_BYTES)!;
    const [device] = readDevices(plan.items, NOW);
    const rows = device!.periods[0]!.rows;
    expect(rows).toHaveLength(MAX_ROWS_PER_PERIOD);
    const other = rows.find((r) => r.model === OTHER_MODELS)!;
    expect(other.sums.turns).toBe(16);
    expect(rows.reduce((n, r) => n + r.sums.promptTokens, 0)).toBe(many.rows.reduce((n, r) => n + r.sums.promptTokens, 0));
  });

  it('8 browsers at full budget leave 24 KB for the settings, in 24 of 512 items', () => {
    expect(SYNC_QUOTA.totalBytes - 8 * DEVICE_BUDGET_BYTES).toBe(24_576);
    const plan = planDeviceItems('eeeeeeeeeeeeeeee', { name: 'Heavy', updatedAt: NOW }, months(13, 40), DEVICE_BUDGET_BYTES)!;
    expect(Object.keys(plan.items).length).toBeLessThanOrEqual(3);
  });
});
