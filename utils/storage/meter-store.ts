import { z } from 'zod';
import { limitNoticeSchema, meterReportSchema, seenTime } from '@/utils/core/meters/meter-schemas';
import { noticeInForce } from '@/utils/core/meters/notice-rules';
import { readMetersState, writeMetersState } from '@/utils/storage/meters-db';
import { readingKey, type LimitNotice, type MeterReading, type MeterReport, type MeterSite } from '@/utils/core/meters/meter-types';

/**
 * The last reading of each site's meter, per account, kept by the background (meters-db.ts) so
 * the popup can show it when no tab of the site is open. Written by the background only
 * (content scripts send reports, see meter-handlers.ts); read by the popup, told of changes by
 * the 'meters-changed' broadcast.
 */

export interface SiteMetersState {
  /** By readingKey(site, account). */
  readings: Record<string, MeterReading>;
  /** The account each site's page used last (its reading is the one shown). */
  active: Partial<Record<MeterSite, string>>;
  /** ChatGPT limit notices still in force (or recently so). */
  notices: LimitNotice[];
}

/** Readings kept per site (a person in a few organizations), so one site's reports never evict another's. */
const MAX_READINGS_PER_SITE = 8;
const MAX_NOTICES = 20;

const stateSchema = z.object({
  readings: z.record(z.string(), z.unknown()).default({}),
  active: z.record(z.string(), z.string().max(100)).default({}),
  notices: z.array(z.unknown()).default([]),
});
const readingSchema = meterReportSchema.extend({ readAt: seenTime });

export const emptyState = (): SiteMetersState => ({ readings: {}, active: {}, notices: [] });

/**
 * Parses what storage holds, keeping every valid entry and dropping the rest, so one corrupt
 * record never hides the others (or breaks the popup).
 */
export function parseState(raw: unknown): SiteMetersState {
  const outer = stateSchema.safeParse(raw ?? {});
  if (!outer.success) return emptyState();
  const readings: Record<string, MeterReading> = {};
  for (const value of Object.values(outer.data.readings)) {
    const r = readingSchema.safeParse(value);
    if (r.success) readings[readingKey(r.data.site, r.data.account)] = r.data;
  }
  const notices = outer.data.notices.flatMap((n) => {
    const parsed = limitNoticeSchema.safeParse(n);
    return parsed.success ? [parsed.data] : [];
  });
  return { readings, active: outer.data.active as SiteMetersState['active'], notices };
}

/** The state after a report: the account's reading replaced, the site's oldest dropped past its cap. */
export function withReport(state: SiteMetersState, report: MeterReport, now: number): SiteMetersState {
  const readings = { ...state.readings, [readingKey(report.site, report.account)]: { ...report, readAt: now } };
  const perSite = new Map<MeterSite, number>();
  const kept = Object.entries(readings)
    .sort(([, a], [, b]) => b.readAt - a.readAt)
    .filter(([, r]) => {
      const n = (perSite.get(r.site) ?? 0) + 1;
      perSite.set(r.site, n);
      return n <= MAX_READINGS_PER_SITE;
    });
  const active = report.active ? { ...state.active, [report.site]: report.account } : state.active;
  return { ...state, readings: Object.fromEntries(kept), active };
}

export function withNotice(state: SiteMetersState, notice: LimitNotice, now: number): SiteMetersState {
  const others = state.notices.filter((n) => n.model !== notice.model && noticeInForce(n, now));
  return { ...state, notices: [...others, notice].slice(-MAX_NOTICES) };
}

export async function loadSiteMeters(): Promise<SiteMetersState> {
  return parseState(await readMetersState());
}

let chain: Promise<unknown> = Promise.resolve();
/** Read-modify-write, one at a time (two tabs reporting at once must not lose either). */
export function updateSiteMeters(change: (state: SiteMetersState) => SiteMetersState): Promise<SiteMetersState> {
  const next = chain.then(async () => {
    const state = change(await loadSiteMeters());
    await writeMetersState(state);
    return state;
  });
  chain = next.catch(() => undefined);
  return next;
}

/** Newest reading time of a site, any account (0 when none). */
export function lastReadAt(state: SiteMetersState, site: MeterSite): number {
  let last = 0;
  for (const r of Object.values(state.readings)) if (r.site === site && r.readAt > last) last = r.readAt;
  return last;
}
