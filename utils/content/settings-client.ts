import { browser } from 'wxt/browser';
import type { Settings, SiteSettings } from '@/utils/core/settings/settings-schema';
import type { SaveResult } from '@/utils/core/settings/settings-validation';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';
import { sendRequest } from '@/utils/protocol/send-message';
import { retryWithBackoff } from '@/utils/core/retry-with-backoff';

/**
 * Settings as a content script reads and changes them: through the background, which holds
 * the settings schema. The content script does not load it (zod would be a large part of the
 * script every supported page loads, scripts/bench-badge.ts), and it could not trust a copy it
 * can read: content scripts can write storage.local, so the validated copy lives in
 * storage.session, out of their reach. Changes are validated by the background as a whole.
 */

const isSettingsKey = (key: string) => key.startsWith(STORAGE_KEYS.settingsSections.key) || key === STORAGE_KEYS.legacySettings.key;

/** The background may be starting (a woken worker, an updated extension): a few tries, backing off. */
const askBackground = <T>(ask: () => Promise<T>) => retryWithBackoff(ask, { firstMs: 200, maxMs: 2_000, attempts: 5 });

/** The stored settings, validated and repaired by the background. */
export async function requestSettings(): Promise<Settings> {
  return (await askBackground(() => sendRequest({ type: 'settings' }))).settings;
}

/** Calls `onChange` with the new settings whenever they change (the latest of quick changes). */
export function watchSettingsChanges(onChange: (settings: Settings) => void): () => void {
  let stopped = false;
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' || !Object.keys(changes).some(isSettingsKey)) return;
    const mine = ++latest;
    void requestSettings()
      .then((settings) => {
        if (!stopped && mine === latest) onChange(settings);
      })
      .catch((error) => console.warn('[TokenTally] could not read the changed settings:', error));
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}

/** What a page may change of its own site's settings: the badge's model, projected output, or hiding it. */
export type SiteSettingsPatch = Partial<Pick<SiteSettings, 'modelOverride' | 'projectedOutputTokens'>> & { badgeHidden?: true };

/** Changes this site's settings. */
export function updateSiteSettings(patch: SiteSettingsPatch): Promise<SaveResult> {
  return askBackground(() => sendRequest({ type: 'update-site-settings', patch }));
}
