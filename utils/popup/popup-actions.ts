import { browser } from 'wxt/browser';
import { updateSettings } from '@/utils/settings/settings-store';
import { siteSettingsFor } from '@/utils/settings/settings-schema';
import { exportUsageCsv, exportUsageJson } from '@/utils/usage/usage-export';
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

function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportUsage(format: 'json' | 'csv'): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'json') download(`tokentally-usage-${stamp}.json`, await exportUsageJson(), 'application/json');
  else download(`tokentally-usage-${stamp}.csv`, await exportUsageCsv(), 'text/csv');
}

/** Must be called synchronously from the click: the permission prompt needs the gesture. */
export function enableSite(originOrAddress: string, tabId?: number): Promise<EnableResult> {
  const origin = normaliseOrigin(originOrAddress);
  if (!origin) return Promise.resolve({ ok: false, reason: 'Enter a web address such as example.com.' });
  return enableExtraSite(origin, updateSettings, tabId);
}

export function disableSite(host: string): Promise<void> {
  return disableExtraSite(host, updateSettings);
}
