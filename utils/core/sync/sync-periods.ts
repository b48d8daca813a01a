import type { ProviderId } from '@/utils/core/models/model-types';
import type { Settings } from '@/utils/core/settings/settings-schema';
import { currentPeriod } from '@/utils/core/periods/billing-period';
import { ALL_PROVIDERS, cycleFor } from '@/utils/core/usage/limit-status';
import { MAX_PERIODS_PER_PROVIDER, type SyncPeriod } from '@/utils/core/sync/sync-format';

export interface PeriodRange {
  from: number;
  to: number;
  providers: ProviderId[];
}

/**
 * The billing periods a browser syncs: each provider's current one and the ones before it,
 * grouped so that providers on the same cycle are read once.
 */
export function syncPeriodRanges(settings: Settings, now: number, count = MAX_PERIODS_PER_PROVIDER): PeriodRange[] {
  const byRange = new Map<string, PeriodRange>();
  for (const provider of ALL_PROVIDERS) {
    const { cycleStartDay, timeZone } = cycleFor(settings, provider);
    let at = now;
    for (let i = 0; i < count; i++) {
      const period = currentPeriod(at, cycleStartDay, timeZone);
      const key = `${period.from}-${period.to}`;
      const range = byRange.get(key) ?? { from: period.from, to: period.to, providers: [] };
      range.providers.push(provider);
      byRange.set(key, range);
      at = period.from - 1;
    }
  }
  return [...byRange.values()];
}

/** The periods to sync from each range's per-model rows (empty periods are left out). */
export function periodsFromRows(ranges: readonly PeriodRange[], rowsPerRange: ReadonlyArray<ReadonlyArray<{ provider: ProviderId; model: string; totals: SyncPeriod['rows'][number]['sums'] }>>): SyncPeriod[] {
  const periods: SyncPeriod[] = [];
  ranges.forEach((range, i) => {
    for (const provider of range.providers) {
      const rows = (rowsPerRange[i] ?? []).filter((r) => r.provider === provider && r.totals.turns > 0).map((r) => ({ model: r.model, sums: r.totals }));
      if (rows.length) periods.push({ provider, from: range.from, rows });
    }
  });
  return periods;
}
