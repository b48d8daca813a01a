import { browser } from 'wxt/browser';
import type { HealthRole, Reading } from '@/utils/core/page/page-state';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';
import { latestEventTime, MIN_EVENT_TIME } from '@/utils/core/usage/usage-bounds';

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

const READINGS: readonly unknown[] = ['adapter', 'fallback', 'none'];
const isTime = (t: unknown, now: number): t is number => typeof t === 'number' && Number.isInteger(t) && t >= MIN_EVENT_TIME && t <= latestEventTime(now);

/**
 * Only well-formed records: storage.local is within content scripts' reach, so a record may
 * have been written by other means, and one with a time Date cannot show must not blank the
 * popup's section. Others are left out.
 */
export function validSiteHealth(stored: unknown, now = Date.now()): SiteHealthMap {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
  const valid: SiteHealthMap = {};
  for (const [host, value] of Object.entries(stored as Record<string, unknown>)) {
    const r = value as Partial<SiteHealthRecord> | null;
    if (!r || typeof r !== 'object' || !READINGS.includes(r.reading) || !isTime(r.since, now) || !isTime(r.reportedAt, now)) continue;
    const roles = r.roles && typeof r.roles === 'object' ? Object.fromEntries(Object.entries(r.roles).filter(([, reading]) => READINGS.includes(reading))) : {};
    valid[host] = { reading: r.reading!, since: r.since, roles, reportedAt: r.reportedAt };
  }
  return valid;
}

export async function readSiteHealth(): Promise<SiteHealthMap> {
  return validSiteHealth((await browser.storage.local.get(SITE_HEALTH_KEY))[SITE_HEALTH_KEY]);
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
    if (area === 'local' && SITE_HEALTH_KEY in changes) listener(validSiteHealth(changes[SITE_HEALTH_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
