import type { ProviderId } from '@/utils/core/models/model-types';
import { addSums, emptySums, emptyTotals, type Sums, type UsageTotals } from '@/utils/core/usage/usage-totals';
import { STALE_AFTER_MS, type DeviceAggregates } from '@/utils/core/sync/sync-format';

/** A per-provider+model total, as usage-queries.ts returns them. */
export interface ModelTotalsRow {
  provider: ProviderId;
  model: string;
  totals: UsageTotals;
}

/**
 * The other browsers' rows for the billing period starting at `from` (epoch ms), summed per
 * provider and model across devices. Each device contributes only its own period record, so
 * merging is by device: no browser's numbers replace another's.
 */
export function otherDevicesRows(devices: readonly DeviceAggregates[], from: number, providers?: readonly ProviderId[]): ModelTotalsRow[] {
  const byKey = new Map<string, ModelTotalsRow>();
  for (const device of devices) {
    for (const period of device.periods) {
      if (period.from !== from || (providers && !providers.includes(period.provider))) continue;
      for (const row of period.rows) addRow(byKey, period.provider, row.model, row.sums);
    }
  }
  return [...byKey.values()];
}

function addRow(byKey: Map<string, ModelTotalsRow>, provider: ProviderId, model: string, sums: Sums): void {
  const key = `${provider}\u0000${model}`;
  let row = byKey.get(key);
  if (!row) {
    row = { provider, model, totals: emptyTotals() };
    byKey.set(key, row);
  }
  addSums(row.totals, sums);
}

/** This browser's rows with the others' added in, one row per provider+model, largest cost first (then most tokens), like the queries. */
export function mergeRows(local: readonly ModelTotalsRow[], others: readonly ModelTotalsRow[]): ModelTotalsRow[] {
  const byKey = new Map<string, ModelTotalsRow>();
  for (const row of [...local, ...others]) addRow(byKey, row.provider, row.model, row.totals);
  return [...byKey.values()].sort(
    (a, b) => b.totals.costUsd - a.totals.costUsd || b.totals.inputTokens + b.totals.outputTokens - (a.totals.inputTokens + a.totals.outputTokens),
  );
}

export const isStale = (device: Pick<DeviceAggregates, 'updatedAt'>, now: number, staleAfter = STALE_AFTER_MS): boolean => now - device.updatedAt > staleAfter;

/** Whole days since a device last wrote. */
export const daysSince = (updatedAt: number, now: number): number => Math.max(0, Math.floor((now - updatedAt) / 86_400_000));

/** The sums of one device for one period (the options page's per-device line). */
export function deviceTotalsFor(device: DeviceAggregates, from: (provider: ProviderId) => number): Sums {
  const sums = emptySums();
  for (const period of device.periods) if (period.from === from(period.provider)) for (const row of period.rows) addSums(sums, row.sums);
  return sums;
}
