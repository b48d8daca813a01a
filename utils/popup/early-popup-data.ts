import { browser } from 'wxt/browser';
import type { Settings } from '@/utils/settings/settings-schema';
import { getDailyTotals, getRecentEvents, getTotalsByModel, getUsageOverview } from '@/utils/usage/usage-queries';
import type { UsageEvent } from '@/utils/usage/usage-event';
import { loadPopupData, RECENT_TURNS, type PopupData, type PopupQueries } from './popup-data';
import type { SnapshotKey } from './popup-snapshot';

/**
 * The popup's fresh numbers without waiting for the settings code. Validating settings
 * needs zod, the largest part of the popup's JavaScript; the validated settings of the last
 * open are kept in localStorage next to the raw storage.sync text they came from, and are
 * reused only while that text (and the extension version) is byte-identical. The numbers
 * are always read from IndexedDB on this open; only the settings parse is skipped.
 */

export const usageQueries: PopupQueries = { getTotalsByModel, getDailyTotals, getRecentEvents, getUsageOverview };

const SETTINGS_CACHE_KEY = 'tokentally.popupSettings';

interface CachedSettings {
  version: string;
  raw: string;
  settings: Settings;
}

function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

export function readCachedSettings(raw: string): Settings | null {
  const cached = cachedEntry();
  return cached && cached.raw === raw ? cached.settings : null;
}

/** `raw` must be what storage.sync held both before and after `settings` were loaded from it. */
export function writeCachedSettings(raw: string, settings: Settings): void {
  try {
    const entry: CachedSettings = { version: extensionVersion(), raw, settings };
    localStorage.setItem(SETTINGS_CACHE_KEY, JSON.stringify(entry));
  } catch {
    // Unavailable or full: the next open just waits for the settings code.
  }
}

let recent: Promise<UsageEvent[]> | null = null;

/** The last turns, read once per open; the first call (as the popup's script starts) also opens the database. */
export function takeEarlyRecent(): Promise<UsageEvent[]> | undefined {
  const r = recent ?? undefined;
  recent = null;
  return r;
}

export function startEarlyRecent(): void {
  recent ??= getRecentEvents(RECENT_TURNS);
}

function cachedEntry(): CachedSettings | null {
  try {
    const stored = localStorage.getItem(SETTINGS_CACHE_KEY);
    const cached = stored ? (JSON.parse(stored) as CachedSettings) : null;
    return cached && cached.version === extensionVersion() ? cached : null;
  } catch {
    return null;
  }
}

/**
 * Starts reading this open's numbers with the last validated settings at once, before
 * storage.sync has answered; `use(key)` gives them only if the stored settings are still
 * byte-identical to those, else null.
 */
export function startWithCachedSettings(now = Date.now()): { use(key: SnapshotKey): Promise<PopupData | null> } {
  const entry = cachedEntry();
  if (!entry) return { use: async () => null };
  const data = loadPopupData(entry.settings, now, usageQueries, takeEarlyRecent());
  data.catch(() => undefined); // unused when the settings changed; the full popup reports errors
  return { use: async (key) => (key.settings === entry.raw ? data : null) };
}
