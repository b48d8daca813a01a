import { browser } from 'wxt/browser';
import { updateSettings } from '@/utils/storage/settings-store';
import { siteSettingsFor } from '@/utils/core/settings/settings-schema';
import { normaliseHost } from '@/utils/core/sites/host';
import { exportAndDownloadUsage } from '@/components/usage-data-actions';
import { disableExtraSite, enableExtraSite, isSupportedUrl, normaliseOrigin, type EnableResult } from '@/utils/sites/extra-sites';

/** The popup's quick actions. Views call these; they hold no browser logic themselves. */

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}

export async function setSitePaused(host: string, paused: boolean): Promise<boolean> {
  const result = await updateSettings((s) => ({
    ...s,
    sites: { ...s.sites, [normaliseHost(host)]: { ...siteSettingsFor(s, host), enabled: !paused } },
  }));
  return result.ok;
}

export const exportUsage = exportAndDownloadUsage;

/** Undoes "Hide on this site": the badge shows again (and counting is on) on `host`. */
export async function showBadge(host: string): Promise<boolean> {
  const result = await updateSettings((s) => ({
    ...s,
    sites: { ...s.sites, [normaliseHost(host)]: { ...siteSettingsFor(s, host), badgeHidden: false, enabled: true } },
  }));
  return result.ok;
}

/** The hosts where the badge is hidden. */
export function hiddenBadgeHosts(sites: Record<string, { badgeHidden?: boolean }>): string[] {
  return Object.entries(sites)
    .filter(([, site]) => site.badgeHidden)
    .map(([host]) => host);
}

/** Must be called synchronously from the click: the permission prompt needs the gesture. */
export function enableSite(originOrAddress: string, tabId?: number): Promise<EnableResult> {
  const origin = normaliseOrigin(originOrAddress);
  if (!origin) return Promise.resolve({ ok: false, reason: 'Enter a web address such as example.com.' });
  if (isSupportedUrl(`${origin}/`)) {
    return Promise.resolve({ ok: false, reason: `${new URL(origin).hostname} is supported already: the badge shows there without adding it (see Options → Sites).` });
  }
  return enableExtraSite(origin, updateSettings, tabId);
}

export function disableSite(host: string): Promise<void> {
  return disableExtraSite(host, updateSettings);
}
