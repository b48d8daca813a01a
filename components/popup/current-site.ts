import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { siteSettingsFor, type Settings } from '@/utils/core/settings/settings-schema';
import { hostOf, isSupportedUrl } from '@/utils/sites/extra-sites';

export interface CurrentSite {
  tabId: number | undefined;
  /** Null when the tab's address can't be read (no permission for it) or isn't a web page. */
  host: string | null;
  origin: string | null;
  supported: boolean;
  /** Enabled by the user from the popup (settings.extraSites). */
  extra: boolean;
  /** Counting paused on this site (settings.sites[host].enabled === false). */
  paused: boolean;
}

export function describeSite(url: string | undefined, tabId: number | undefined, settings: Settings): CurrentSite {
  const host = url ? hostOf(url) : null;
  const origin = host && url ? new URL(url).origin : null;
  return {
    tabId,
    host,
    origin,
    supported: !!url && isSupportedUrl(url),
    extra: !!host && settings.extraSites.includes(host),
    paused: !!host && siteSettingsFor(settings, host).enabled === false,
  };
}

/** The active tab, as far as the extension may see it. */
export function useCurrentSite(settings: Settings | null): CurrentSite | null {
  const [tab, setTab] = useState<{ url?: string; id?: number } | null>(null);
  useEffect(() => {
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([t]) => setTab({ url: t?.url, id: t?.id }))
      .catch(() => setTab({}));
  }, []);
  if (!settings || !tab) return null;
  return describeSite(tab.url, tab.id, settings);
}
