import { browser } from 'wxt/browser';
import type { HealthRole, Reading } from '@/utils/core/page/page-state';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';

/**
 * Per-site health as the content scripts report it (content → background 'site-health'),
 * kept by the background in storage.local under one key, and read by the popup. Keyed by the
 * reporting tab's host as the browser reports it, never as the page claims.
 */
const SITE_HEALTH_KEY = STORAGE_KEYS.siteHealth.key;
const MAX_SITES = 40;

export interface SiteHealthRecord {
  reading: Reading;
  /** When the reading last changed (epoch ms). */
  since: number;
  roles: Partial<Record<HealthRole, Reading>>;
  /** When the page last reported (epoch ms). */
  reportedAt: number;
}

export type SiteHealthMap = Record<string, SiteHealthRecord>;

export async function readSiteHealth(): Promise<SiteHealthMap> {
  const stored = (await browser.storage.local.get(SITE_HEALTH_KEY))[SITE_HEALTH_KEY];
  return stored && typeof stored === 'object' ? (stored as SiteHealthMap) : {};
}

/** Background only: saves one host's report, keeping the most recently reported sites. */
export async function saveSiteHealth(host: string, report: Omit<SiteHealthRecord, 'reportedAt'>, now = Date.now()): Promise<void> {
  const all = await readSiteHealth();
  all[host] = { reading: report.reading, since: Math.min(report.since, now), roles: report.roles, reportedAt: now };
  const hosts = Object.keys(all).sort((a, b) => all[b]!.reportedAt - all[a]!.reportedAt);
  for (const stale of hosts.slice(MAX_SITES)) delete all[stale];
  await browser.storage.local.set({ [SITE_HEALTH_KEY]: all });
}

/** Calls `listener` with the whole map whenever a report is saved. */
export function watchSiteHealth(listener: (map: SiteHealthMap) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SITE_HEALTH_KEY in changes) listener((changes[SITE_HEALTH_KEY]!.newValue as SiteHealthMap | undefined) ?? {});
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
