import { browser } from 'wxt/browser';
import type { ProviderId } from '@/utils/core/models/model-types';
import type { UsageTotals } from '@/utils/core/usage/usage-totals';
import type { DeviceAggregates } from '@/utils/core/sync/sync-format';
import { isStale, mergeRows, otherDevicesRows } from '@/utils/core/sync/sync-merge';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';
import { loadSyncDevice } from '@/utils/storage/sync-device';
import { readSyncedDevices } from '@/utils/storage/sync-store';
import type { PopupQueries } from '@/components/popup/popup-data';

/** Whose usage the popup shows: every browser that syncs its aggregates, or this one only. */
export type PopupScope = 'all' | 'this';
export const DEFAULT_SCOPE: PopupScope = 'all';
const SCOPE_KEY = STORAGE_KEYS.popupScope.key;

/** The other browsers in "All your browsers", for the line under the switch. */
export interface OtherBrowsers {
  names: string[];
  stale: number;
}

/** The scope the user last chose (anything else stored there reads as the default). */
export async function readPopupScope(): Promise<PopupScope> {
  try {
    const value = (await browser.storage.local.get(SCOPE_KEY))[SCOPE_KEY];
    return value === 'this' || value === 'all' ? value : DEFAULT_SCOPE;
  } catch {
    return DEFAULT_SCOPE;
  }
}

export async function savePopupScope(scope: PopupScope): Promise<void> {
  await browser.storage.local.set({ [SCOPE_KEY]: scope });
}

/**
 * `base` with the other browsers' synced rows added to every billing-period total (the cards,
 * their limit bars and the by-model table). A synced period counts where it starts on the
 * period asked for: browsers sharing their settings through sync share their cycles. The daily
 * chart and the last turns stay this browser's (no per-day or per-turn data is synced).
 */
export function withOtherDevices(base: PopupQueries, devices: readonly DeviceAggregates[]): PopupQueries {
  if (devices.length === 0) return base;
  const add = <R extends { provider: ProviderId; model: string; totals: UsageTotals }>(local: R[], from: number, provider?: ProviderId) =>
    mergeRows(local, otherDevicesRows(devices, from, provider ? [provider] : undefined)) as R[];
  return {
    ...base,
    getTotalsByModel: async (range, provider) => add(await base.getTotalsByModel(range, provider), range.from, provider),
    getUsageOverview: base.getUsageOverview
      ? async (request, provider) => {
          const overview = await base.getUsageOverview!(request, provider);
          return { ...overview, byModel: overview.byModel.map((rows, i) => add(rows, request.totals[i]!.from, provider)) };
        }
      : undefined,
  };
}

/** The queries for `scope`, and the other browsers they include (null for "This browser"). */
export async function queriesFor(scope: PopupScope, base: PopupQueries, now = Date.now()): Promise<{ queries: PopupQueries; others: OtherBrowsers | null }> {
  if (scope === 'this') return { queries: base, others: null };
  try {
    const [self, devices] = await Promise.all([loadSyncDevice(), readSyncedDevices(now)]);
    // This browser's own synced copy is left out: its live records are already counted.
    const others = devices.filter((d) => d.id !== self.id);
    return { queries: withOtherDevices(base, others), others: { names: others.map((d) => d.name), stale: others.filter((d) => isStale(d, now)).length } };
  } catch {
    // Sync unreadable (a browser without it): this browser's numbers still show.
    return { queries: base, others: { names: [], stale: 0 } };
  }
}
