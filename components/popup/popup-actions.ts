import { browser } from 'wxt/browser';
import { updateSettings } from '@/utils/storage/settings-store';
import { siteSettingsFor } from '@/utils/core/settings/settings-schema';
import { exportAndDownloadUsage } from '@/components/usage-data-actions';
import { disableExtraSite, enableExtraSite, normaliseOrigin, type EnableResult } from '@/utils/sites/extra-sites';

/** The popup's quick actions. Views call these; they hold no browser logic themselves. */

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}

export async function setSitePaused(host: string, paused: boolean): Promise<boolean> {
  const result = await updateSettings((s) => ({
    ...s,
    sites: { ...s.sites, [host]: { ...siteSettingsFor(s, host), enabled: !paused } },
  }));
  return result.ok;
}

export const exportUsage = exportAndDownloadUsage;

/** Must be called synchronously from the click: the permission prompt needs the gesture. */
export function enableSite(originOrAddress: string, tabId?: number): Promise<EnableResult> {
  const origin = normaliseOrigin(originOrAddress);
  if (!origin) return Promise.resolve({ ok: false, reason: 'Enter a web address such as example.com.' });
  return enableExtraSite(origin, updateSettings, tabId);
}

export function disableSite(host: string): Promise<void> {
  return disableExtraSite(host, updateSettings);
}
