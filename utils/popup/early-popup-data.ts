import { readValidatedSettings } from '@/utils/settings/validated-settings-cache';
import { getDailyTotals, getTotalsByModel, getUsageOverview, readRecentEvents, type RecentEvents } from '@/utils/usage/usage-queries';
import { loadPopupData, RECENT_TURNS, type PopupData, type PopupQueries } from './popup-data';
import type { SnapshotKey } from './popup-snapshot';

/**
 * The popup's fresh numbers without waiting for the settings code: they are read with the
 * validated settings the background cached (see validated-settings-cache.ts), used only if
 * storage.sync still holds the text they came from. The numbers are always read from
 * IndexedDB on this open; only the settings parse is skipped.
 */

export const usageQueries: PopupQueries = { getTotalsByModel, getDailyTotals, readRecentEvents, getUsageOverview };

let recent: Promise<RecentEvents> | null = null;

/** The last turns, read once per open; the first call (as the popup's script starts) also opens the database. */
export function takeEarlyRecent(): Promise<RecentEvents> | undefined {
  const r = recent ?? undefined;
  recent = null;
  return r;
}

export function startEarlyRecent(): void {
  recent ??= readRecentEvents(RECENT_TURNS);
}

/**
 * Starts reading this open's numbers with the cached validated settings as soon as they are
 * read, before the settings code has loaded; `use(key)` gives them only if the stored
 * settings are still byte-identical to those they were validated from, else null.
 */
export function startWithCachedSettings(now = Date.now()): { use(key: SnapshotKey): Promise<PopupData | null> } {
  const started = readValidatedSettings().then((cached) => {
    if (!cached) return null;
    const data = loadPopupData(cached.settings, now, usageQueries, takeEarlyRecent());
    data.catch(() => undefined); // unused when the settings changed; the full popup reports errors
    return { raw: cached.raw, data };
  });
  return { use: async (key) => {
    const entry = await started;
    return entry && key.settings === entry.raw ? entry.data : null;
  } };
}
